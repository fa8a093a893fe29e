package dev.wsinspector.ui.connection;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Places a tab's parts in its layout ({@code ConnectionTabView.fxml}) and turns Ctrl+F / Ctrl+G anywhere in the
 * tab into Find and Go to. The parts and what the keys do come from {@link ConnectionTab}.
 */
public final class ConnectionTabController {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination GO_TO = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);

    /** What goes where, and what the tab's keys do. */
    public record Parts(List<Node> bars, Node timeline, Node detail, Node composer, Runnable find, Runnable goTo) {
    }

    private final Parts parts;

    @FXML
    private BorderPane tabContent;
    @FXML
    private VBox tabBars;
    @FXML
    private SplitPane tabVertical;
    @FXML
    private SplitPane tabMiddle;

    public ConnectionTabController(Parts parts) {
        this.parts = parts;
    }

    @FXML
    private void initialize() {
        tabBars.getChildren().setAll(parts.bars());
        tabMiddle.getItems().setAll(parts.timeline(), parts.detail());
        tabMiddle.setDividerPositions(0.62);
        // A larger window widens the timeline (its preview column), not the detail pane or the composer.
        SplitPane.setResizableWithParent(parts.detail(), false);
        tabVertical.getItems().add(parts.composer());
        tabVertical.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(parts.composer(), false);
        tabContent.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                parts.find().run();
                e.consume();
            } else if (GO_TO.match(e)) {
                parts.goTo().run();
                e.consume();
            }
        });
    }

    /** The bars on top; the find bar joins them when first opened. */
    VBox bars() {
        return tabBars;
    }

    /** Timeline and detail pane side by side; the tools pane is added on the right when shown. */
    SplitPane middle() {
        return tabMiddle;
    }
}
