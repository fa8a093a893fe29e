package dev.wsinspector.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks before the window closes while connections are open: quitting closes them (1001, going away). Nothing
 * captured is lost either way — every connection is journaled — and the question says so.
 */
public final class QuitConfirmation {

    static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.OK_DONE);

    private QuitConfirmation() {
    }

    /** The question for {@code open} open connections, or empty when there is nothing to ask. */
    static Optional<String> question(long open) {
        if (open <= 0) {
            return Optional.empty();
        }
        return Optional.of((open == 1 ? "1 connection is open" : open + " connections are open")
                + ". Quitting closes " + (open == 1 ? "it" : "them") + " (1001 Going away).");
    }

    /** True to go on quitting: nothing is open, or the user said Quit. Blocks in a nested event loop. */
    public static boolean confirm(Window owner, long open) {
        Optional<String> question = question(open);
        if (question.isEmpty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", QUIT, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("WS Inspector");
        alert.setHeaderText(question.get());
        alert.setContentText("Every frame stays in Sessions, where you can reopen or export it.");
        alert.getDialogPane().setId("quitConfirmation");
        return alert.showAndWait().filter(QUIT::equals).isPresent();
    }
}
