package dev.wsinspector.ui.mock;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.mock.MockCapture;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.connection.CaptureTab;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.timeline.RowColumn;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * One mock server in the window's tab pane: its form and rules (MockServerView.fxml, {@link MockServerController}
 * over {@link MockServerViewModel}) above the clients' frames, shown in a connection tab's own timeline, detail
 * pane, filter bar and find (a {@link ConnectionTab} used as a read-only viewer, never in the tab pane; its
 * connection bar and composer left out). Above the timeline: which client is shown, and what the selected row's
 * rule did ("rule 3 replied"). The window pulses it ({@link CaptureTab}); closing the tab stops the server.
 */
public final class MockTab extends Tab implements CaptureTab {

    private final MockServerViewModel model;
    private final ConnectionTab viewer;
    private final Label ruleLine = new Label();
    private final ChoiceBox<String> clientChoice = new ChoiceBox<>();
    private boolean closed;
    /** How often the rows on screen are drawn again while the server runs, for rules decided after a row came. */
    private static final long MARKS_NANOS = 250_000_000L;
    private long marksDrawnAt;

    /**
     * @param viewer  a connection tab made for this tab only (its views show the chosen client)
     * @param actions what the view's Seed, Save and Copy do (dialogs and files: {@link MockTabs})
     */
    MockTab(ViewLoader views, MockServerViewModel model, ConnectionTab viewer, MockServerController.Actions actions) {
        this.model = model;
        this.viewer = viewer;
        getStyleClass().add("mock-tab");
        textProperty().bind(model.titleProperty());
        Parent form = views.load(MockServerController.class, model, actions).root();

        Node captured = viewer.getContent();
        viewer.setContent(null);
        asViewer(captured);
        clientChoice.setId("mockClients");
        clientChoice.setItems(model.clients());
        clientChoice.getSelectionModel().selectedIndexProperty().addListener((o, a, i) ->
                model.selectedClientProperty().set(i.intValue() < 0 ? null : i.intValue()));
        model.selectedClientProperty().addListener((o, a, i) -> {
            if (i != null && clientChoice.getSelectionModel().getSelectedIndex() != i) {
                clientChoice.getSelectionModel().select(i);
            }
        });
        model.clients().addListener((ListChangeListener<String>) c -> {
            Integer i = model.selectedClientProperty().get();
            if (i != null && clientChoice.getSelectionModel().getSelectedIndex() != i) {
                clientChoice.getSelectionModel().select(i.intValue());
            }
        });
        ruleLine.setId("mockRuleLine");
        ruleLine.getStyleClass().add("mock-rule-line");
        Label clientsLabel = new Label("Client");
        Label none = new Label("No client has connected yet");
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.clients()));
        none.managedProperty().bind(none.visibleProperty());
        clientChoice.visibleProperty().bind(none.visibleProperty().not());
        clientChoice.managedProperty().bind(clientChoice.visibleProperty());
        HBox clientBar = new HBox(8, clientsLabel, clientChoice, none, ruleLine);
        clientBar.setAlignment(Pos.CENTER_LEFT);
        clientBar.setPadding(new Insets(4, 8, 4, 8));
        clientBar.getStyleClass().add("connection-bar");
        BorderPane clients = new BorderPane(captured);
        clients.setTop(clientBar);

        model.shownClientProperty().addListener((o, a, client) -> showClient(client));
        // The Summary column marks each received message a rule answered ("rule 3 · <decoder summary>").
        viewer.timeline().setRowText(RowColumn.Cell.SUMMARY, this::summary);
        viewer.timeline().selection().leadProperty().addListener((o, a, b) -> updateRuleLine());

        SplitPane split = new SplitPane(form, clients);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.46);
        setContent(split);
        setOnClosed(e -> closeNow());
    }

    /** The viewer's parts a mock server has no use for: the connection bar (no URL to connect to) and the composer. */
    private static void asViewer(Node content) {
        Node bar = content.lookup("#connectionBar");
        if (bar != null) {
            bar.setVisible(false);
            bar.setManaged(false);
        }
        // A split pane's items are its children only once skinned: look among the items themselves.
        if (content.lookup("#tabVertical") instanceof SplitPane vertical) {
            vertical.getItems().removeIf(item -> "composer".equals(item.getId()));
        }
    }

    private void showClient(MockCapture client) {
        if (client == null) {
            return;
        }
        String address = model.addressProperty().get();
        viewer.model().showStored(address, client.session(), model.nameProperty().get() + " · client " + client.client());
        updateRuleLine();
    }

    /** The selected row's rule: "Message #5 from client 1: rule 3 replied" for a received message, else empty. */
    private void updateRuleLine() {
        TimelineRow row = viewer.timeline().leadRow();
        MockCapture client = model.shownClientProperty().get();
        Session capture = client == null ? null : client.session();
        if (row == null || !row.isFrame() || capture == null || row.seq() >= capture.frames().size()) {
            ruleLine.setText("");
            return;
        }
        Frame f = capture.frames().get(row.seq());
        boolean received = f.direction() == Direction.IN && f.opcode().isDataStart(); // the server's side: in = from the client
        String line = model.ruleLine(row.seq(), received);
        ruleLine.setText(line.isEmpty() ? "" : "Message #" + row.seq() + " from client " + client.client() + ": " + line);
    }

    private String summary(TimelineRow row) {
        MockCapture client = model.shownClientProperty().get();
        int rule = client == null || !row.isFrame() ? 0 : client.ruleFor(row.seq());
        // Short, the column is narrow: the line above the timeline says "rule 3 replied" for the selected row.
        return rule == 0 ? row.summary() : "rule " + rule + (row.summary().isEmpty() ? "" : " · " + row.summary());
    }

    public MockServerViewModel model() {
        return model;
    }

    /** What "rule N replied" says of the selected row now (tests read it). */
    public String ruleLineText() {
        return ruleLine.getText();
    }

    @Override
    public ConnectionTab viewer() {
        return viewer;
    }

    @Override
    public void pulse(long nowNanos) {
        model.refresh();
        viewer.pulse(nowNanos);
        updateRuleLine(); // the rule that answered is known a moment after the frame came
        if (model.runningProperty().get() && nowNanos - marksDrawnAt >= MARKS_NANOS) {
            marksDrawnAt = nowNanos;
            viewer.timeline().refresh(); // the rows on screen take their rule marks (a screenful of cells)
        }
    }

    @Override
    public void pulseHidden(long nowNanos) {
        model.refresh();
        viewer.pulseHidden(nowNanos);
    }

    @Override
    public void closeNow() {
        if (!closed) {
            closed = true;
            model.stop();
        }
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
