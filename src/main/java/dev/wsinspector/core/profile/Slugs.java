package dev.wsinspector.core.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** File names for new profiles (and server profiles, {@code core.mock}): readable, portable (ASCII letters, digits, '-') and never clobbering a file. */
public final class Slugs {

    private static final int MAX_LENGTH = 60;

    private Slugs() {
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "profile" : slug;
    }

    /** {@code <slug>.json} in {@code dir}, with -2, -3, … added until no file of that name exists. */
    public static Path freeFile(Path dir, String name) {
        String base = slug(name);
        Path candidate = dir.resolve(base + ".json");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = dir.resolve(base + "-" + i + ".json");
        }
        return candidate;
    }
}
