package dev.wsinspector.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Decides whether a launch is the GUI or the command line. The GUI takes only what a desktop launcher passes:
 * nothing, {@code --data-dir DIR}, and capture files opened from the file manager (existing {@code .har} or
 * {@code .jsonl} files, possibly several: the desktop entry passes {@code %F}). Anything else, including
 * {@code --help} and {@code --version}, goes to the command line, which reports usage errors itself.
 *
 * @param gui     true for the window, false for the command line
 * @param dataDir the {@code --data-dir} value, or null
 * @param files   capture files to open in the window
 */
public record LaunchArguments(boolean gui, String dataDir, List<Path> files) {

    static final String DATA_DIR = "--data-dir";

    public LaunchArguments {
        files = List.copyOf(files);
    }

    /** @param isFile tells whether a path names an existing regular file (Files::isRegularFile in production) */
    public static LaunchArguments parse(String[] args, Predicate<Path> isFile) {
        String dataDir = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(DATA_DIR) && i + 1 < args.length && dataDir == null) {
                dataDir = args[++i];
            } else if (arg.startsWith(DATA_DIR + "=") && dataDir == null) {
                dataDir = arg.substring(DATA_DIR.length() + 1);
            } else if (isCaptureFile(arg, isFile)) {
                files.add(Path.of(arg).toAbsolutePath().normalize());
            } else {
                return cli();
            }
        }
        return new LaunchArguments(true, dataDir, files);
    }

    static LaunchArguments cli() {
        return new LaunchArguments(false, null, List.of());
    }

    static boolean isCaptureFile(String arg, Predicate<Path> isFile) {
        String name = arg.toLowerCase(Locale.ROOT);
        if (arg.startsWith("-") || !(name.endsWith(".har") || name.endsWith(".jsonl"))) {
            return false;
        }
        try {
            return isFile.test(Path.of(arg));
        } catch (RuntimeException e) {  // InvalidPathException: not a file name this OS accepts
            return false;
        }
    }

    /** The arguments that re-create this launch (handed to JavaFX and to a running instance). */
    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        if (dataDir != null) {
            out.add(DATA_DIR + "=" + dataDir);
        }
        files.forEach(f -> out.add(f.toString()));
        return out;
    }
}
