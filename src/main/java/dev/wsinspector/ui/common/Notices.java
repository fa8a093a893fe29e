package dev.wsinspector.ui.common;

import javafx.scene.control.Alert;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Short, non-blocking messages to the user that need no window of their own. */
public final class Notices {

    private static final int MAX_PROBLEMS = 20;

    private Notices() {
    }

    /** A capture file could not be opened at all: which file, and why, in one line. */
    public static Alert captureNotOpened(Window owner, Path file, String reason) {
        return show(owner, Alert.AlertType.ERROR, "captureNotice", "Could not open " + file.getFileName(),
                file + ": " + reason);
    }

    /** Saving a capture failed: where, and why. */
    public static Alert captureNotSaved(Window owner, Path file, String reason) {
        return show(owner, Alert.AlertType.ERROR, "captureNotice", "Could not save the capture", file + ": " + reason);
    }

    /** A capture was opened, but some of its lines or entries could not be read: which ones (the first 20). */
    public static Alert captureProblems(Window owner, Path file, List<String> problems) {
        String shown = problems.stream().limit(MAX_PROBLEMS).collect(Collectors.joining("\n"));
        String more = problems.size() > MAX_PROBLEMS ? "\n… and " + (problems.size() - MAX_PROBLEMS) + " more" : "";
        return show(owner, Alert.AlertType.WARNING, "captureNotice",
                "Opened " + file.getFileName() + ", but " + problems.size()
                        + (problems.size() == 1 ? " part" : " parts") + " could not be read",
                shown + more);
    }

    private static Alert show(Window owner, Alert.AlertType type, String id, String header, String content) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.initModality(Modality.NONE);
        alert.setTitle("WS Inspector");
        alert.setHeaderText(header);
        alert.setContentText(content);
        alert.getDialogPane().setId(id);
        alert.show();
        return alert;
    }
}
