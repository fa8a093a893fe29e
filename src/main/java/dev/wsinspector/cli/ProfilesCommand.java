package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.io.Secrets;
import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.StoredProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ws-inspector profiles}: lists the saved connection profiles of the data directory. */
@Command(name = "profiles", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"List the saved connection profiles (name, folder, URL, number of saved messages).",
                "Files that are not readable profiles are reported on stderr."})
final class ProfilesCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $WSI_HOME, else the OS convention); profiles are in DIR/profiles")
    private String dataDir;

    @Option(names = "--json", description = "One JSON object per profile and line:"
            + " {\"name\",\"folder\",\"url\",\"messages\",\"file\",\"readOnly\"}")
    private boolean json;

    private final PrintStream out;
    private final PrintStream err;

    ProfilesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        DataDirectory data = DataDirectory.resolve(dataDir);
        if (!Files.isDirectory(data.profiles())) {
            if (!json) {
                err.println("No profiles in " + data.profiles());
            }
            return ExitCodes.OK;
        }
        ProfileRepository repository = new ProfileRepository(data.path());
        List<StoredProfile> profiles;
        try {
            profiles = repository.reload().profiles();
        } catch (IOException e) {
            err.println("ws-inspector: cannot read " + data.profiles() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        for (ProfileProblem problem : repository.problems()) {
            err.println("ws-inspector: " + problem.describe());
        }
        if (json) {
            profiles.forEach(p -> out.println(jsonLine(p)));
        } else {
            printTable(profiles);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String jsonLine(StoredProfile p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", p.name());
        node.put("folder", p.profile().folder());
        node.put("url", Secrets.maskUrl(p.profile().url(), false));
        node.put("messages", p.profile().messages().size());
        node.put("file", p.id());
        node.put("readOnly", p.readOnly());
        return node.toString();
    }

    private void printTable(List<StoredProfile> profiles) {
        if (profiles.isEmpty()) {
            err.println("No profiles");
            return;
        }
        int nameWidth = Math.max(4, profiles.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        int folderWidth = Math.max(6, profiles.stream().mapToInt(p -> p.profile().folder().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-" + folderWidth + "s  %8s  %s%n";
        out.printf(format, "NAME", "FOLDER", "MESSAGES", "URL");
        for (StoredProfile p : profiles) {
            out.printf(format, p.name(), p.profile().folder(), p.profile().messages().size(),
                    Secrets.maskUrl(p.profile().url(), false) + (p.readOnly() ? "  (read-only: newer format)" : ""));
        }
    }
}
