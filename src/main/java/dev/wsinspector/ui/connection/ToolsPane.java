package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.charts.ChartsViewModel;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.messages.SavedMessagesViewModel;
import dev.wsinspector.ui.replay.ReplayViewModel;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;

/**
 * The tools pane of a tab (ToolsPaneView.fxml) at the right end of its timeline's split pane, loaded the first
 * time it is shown: most tabs never open it, and a tab that is not built costs nothing at start-up.
 */
final class ToolsPane {

    private final ViewLoader views;
    private final SplitPane middle;
    private final SavedMessagesViewModel messages;
    private final ReplayViewModel replay;
    private final ConnectionViewModel connection;
    private final ChartsViewModel charts;
    private ViewLoader.View<Parent, ToolsPaneController> view;

    /**
     * @param connection the tab's, whose address the Conformance panel checks
     * @param charts     the tab's charts
     */
    ToolsPane(ViewLoader views, SplitPane middle, SavedMessagesViewModel messages, ReplayViewModel replay,
              ConnectionViewModel connection, ChartsViewModel charts) {
        this.charts = charts;
        this.views = views;
        this.connection = connection;
        this.middle = middle;
        this.messages = messages;
        this.replay = replay;
    }

    void show(boolean show) {
        if (show && !middle.getItems().contains(view().root())) {
            middle.getItems().add(view().root());
            middle.setDividerPositions(0.56, 0.76);
        } else if (!show && view != null) {
            middle.getItems().remove(view.root());
            middle.setDividerPositions(0.62);
        }
    }

    /** Selects the tool titled {@code title} ("Messages", "Replay", "Conformance", "Charts"), building the pane if need be. */
    void select(String title) {
        view().controller().select(title);
    }

    boolean built() {
        return view != null;
    }

    private ViewLoader.View<Parent, ToolsPaneController> view() {
        if (view == null) {
            view = views.load(ToolsPaneController.class, messages, messages.messages(), replay, connection,
                    charts);
        }
        return view;
    }
}
