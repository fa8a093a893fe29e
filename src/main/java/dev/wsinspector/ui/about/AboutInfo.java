package dev.wsinspector.ui.about;

import dev.wsinspector.core.AppVersion;

import java.nio.file.Path;

/**
 * What the About dialog shows and what an error report starts with: versions and where the files are.
 *
 * @param dataDirectory null when unknown (tests)
 * @param logFile       null when the log is not written to a file
 */
public record AboutInfo(String version, String java, String javafx, String os, Path dataDirectory, Path logFile) {

    /** The running process, with the given paths. */
    public static AboutInfo current(Path dataDirectory, Path logFile) {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
        String fx = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "unknown"));
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        return new AboutInfo(AppVersion.current(), java, fx, os, dataDirectory, logFile);
    }

    public String dataDirectoryText() {
        return dataDirectory == null ? "not set" : dataDirectory.toString();
    }

    public String logFileText() {
        return logFile == null ? "standard error only" : logFile.toString();
    }

    /** Plain text for the clipboard and for error details. */
    public String text() {
        return "WS Inspector " + version + "\n"
                + "Java: " + java + "\n"
                + "JavaFX: " + javafx + "\n"
                + "OS: " + os + "\n"
                + "Data directory: " + dataDirectoryText() + "\n"
                + "Log file: " + logFileText() + "\n";
    }
}
