package dev.wsinspector.core.profile;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Run in a child JVM by {@link ProfileRepositoryTest}: saves a changed profile and dies (Runtime.halt, no
 * shutdown hooks, no finally blocks) after the temp file is complete but before it replaces the profile.
 */
public final class CrashingSaveMain {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        AtomicFiles dying = new AtomicFiles(() -> {
            System.out.println("temp written");
            System.out.flush();
            Runtime.getRuntime().halt(42);
        });
        ProfileRepository repository = new ProfileRepository(dir, List.of(), dying, Clock.systemUTC());
        repository.reload();
        StoredProfile stored = repository.find(args[1]);
        repository.save(stored, stored.profile().withUrl("ws://changed.example/").withName("half written"));
        System.out.println("not halted");
    }
}
