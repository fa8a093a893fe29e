package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.messages.SavedMessagesPanel;
import dev.wsinspector.ui.messages.SavedMessagesViewModel;
import dev.wsinspector.ui.replay.ReplayPanelController;
import dev.wsinspector.ui.replay.ReplayViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The tools pane right of a tab's timeline (ToolsPaneView.fxml): the saved messages and the replay panel. */
public final class ToolsPaneController {

    private final SavedMessagesViewModel messages;
    private final ReplayViewModel replay;
    private final ViewLoader views;

    @FXML private TabPane tabTools;
    @FXML private Tab messagesTab;
    @FXML private Tab replayTab;

    public ToolsPaneController(SavedMessagesViewModel messages, ReplayViewModel replay, ViewLoader views) {
        this.messages = messages;
        this.replay = replay;
        this.views = views;
    }

    @FXML
    private void initialize() {
        messagesTab.setContent(new SavedMessagesPanel(messages));
        replayTab.setContent(views.load(ReplayPanelController.class, replay, messages.messages()).root());
    }

    /** Selects the tool titled {@code title} ("Messages", "Replay"). */
    public void select(String title) {
        tabTools.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabTools.getSelectionModel().select(t));
    }
}
