package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.timeline.TimelineView;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * The find bar under a tab's timeline bar (FindBarView.fxml), bound to its {@link FindBarViewModel}: Enter
 * finds the next match, Shift+Enter the previous one, Esc closes the bar and gives the keys back to the timeline.
 */
public final class FindBarController {

    private final FindBarViewModel model;
    private final TimelineView timeline;

    @FXML private HBox findBar;
    @FXML private TextField findField;
    @FXML private Label findStatus;
    @FXML private Label findCount;

    public FindBarController(FindBarViewModel model, TimelineView timeline) {
        this.model = model;
        this.timeline = timeline;
    }

    @FXML
    private void initialize() {
        findBar.visibleProperty().bind(model.openProperty());
        findBar.managedProperty().bind(findBar.visibleProperty());
        findField.textProperty().bindBidirectional(model.queryProperty());
        findStatus.textProperty().bind(model.statusProperty());
        findCount.textProperty().bind(model.countProperty());
        findField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.find(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    FindBarViewModel model() {
        return model;
    }

    /** Shows the bar and puts the cursor in its field, its text selected. */
    public void open() {
        model.open();
        findField.requestFocus();
        findField.selectAll();
    }

    @FXML
    private void next() {
        model.find(true);
    }

    @FXML
    private void previous() {
        model.find(false);
    }

    @FXML
    private void close() {
        model.close();
        timeline.requestFocus();
    }
}
