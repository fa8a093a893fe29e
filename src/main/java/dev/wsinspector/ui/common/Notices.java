package dev.wsinspector.ui.common;

import javafx.scene.control.Alert;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Short, non-blocking messages to the user that need no window of their own. */
public final class Notices {

    private Notices() {
    }

    /**
     * A capture file was opened from the desktop (file association) but importing is not built yet: say so
     * plainly instead of ignoring the file.
     */
    public static Alert capturesNotSupported(Window owner, List<Path> files) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.initModality(Modality.NONE);
        alert.setTitle("WS Inspector");
        alert.setHeaderText("Opening captures is not supported yet");
        alert.setContentText(files.stream().map(f -> "Opening captures is not supported yet: " + f)
                .collect(Collectors.joining("\n")));
        alert.getDialogPane().setId("captureNotice");
        alert.show();
        return alert;
    }
}
