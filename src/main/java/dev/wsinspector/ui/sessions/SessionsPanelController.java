package dev.wsinspector.ui.sessions;

import dev.wsinspector.ui.connection.TestSaver;
import dev.wsinspector.ui.sessions.SessionActions.Action;
import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.util.Duration;

/**
 * The Sessions sidebar (SessionsPanelView.fxml): bindings to {@link SessionsViewModel} and its
 * {@link SessionActions}, one-line handlers. Showing an opened session is the window's ({@code opener}). While
 * the panel is in a scene the list is read again every few seconds (small {@code session.json} files, off the
 * FX thread), so running sessions' counts move.
 */
public final class SessionsPanelController {

    /** How often the list is read again while shown. */
    static final Duration REFRESH_EVERY = Duration.seconds(3);

    private final SessionsViewModel model;
    private final SessionsViewModel.Opener opener;
    private final TestSaver testSaver;
    private final Timeline refresher;

    @FXML private VBox sessionsPanel;
    @FXML private TextField sessionSearch;
    @FXML private ListView<SessionRow> sessionList;
    @FXML private Label sessionPlaceholder;
    @FXML private Button openSessionButton;
    @FXML private Button renameSessionButton;
    @FXML private Button pinSessionButton;
    @FXML private Button deleteSessionButton;
    @FXML private MenuItem openSessionItem;
    @FXML private MenuItem renameSessionItem;
    @FXML private MenuItem pinSessionItem;
    @FXML private MenuItem deleteSessionItem;
    @FXML private MenuItem saveSessionAsTestItem;
    @FXML private Label sessionActionHint;
    @FXML private HBox sessionOpeningBar;
    @FXML private Label sessionOpening;
    @FXML private HBox sessionNoticeBar;
    @FXML private Label sessionNotice;
    @FXML private Button undoSessionDeleteButton;
    @FXML private Label sessionError;
    @FXML private Label sessionRetention;

    /**
     * @param opener    shows an opened session (in a new tab of the window)
     * @param testSaver Save as test… of the selected session (the composition root's {@code ui.tests.SaveAsTest})
     */
    public SessionsPanelController(SessionsViewModel model, SessionsViewModel.Opener opener, TestSaver testSaver) {
        this.model = model;
        this.opener = opener;
        this.testSaver = testSaver;
        refresher = new Timeline(new KeyFrame(REFRESH_EVERY, e -> model.refresh()));
        refresher.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        sessionSearch.textProperty().bindBidirectional(model.filterProperty());
        sessionList.setItems(model.sessions());
        SessionCell.install(sessionList, this::open);
        followSelection();
        sessionPlaceholder.textProperty().bind(model.placeholderProperty());
        sessionPlaceholder.visibleProperty().bind(model.placeholderProperty().isNotEmpty());

        SessionActions actions = model.actions();
        explain(openSessionButton, openSessionItem, actions.open());
        explain(renameSessionButton, renameSessionItem, actions.rename());
        explain(pinSessionButton, pinSessionItem, actions.pin());
        explain(deleteSessionButton, deleteSessionItem, actions.delete());
        saveSessionAsTestItem.disableProperty().bind(actions.open().disabled());
        pinSessionButton.textProperty().bind(actions.pinText());
        sessionActionHint.textProperty().bind(actions.hint());
        showWhenSet(sessionActionHint, sessionActionHint);

        sessionOpening.textProperty().bind(model.openingProperty());
        showWhenSet(sessionOpeningBar, sessionOpening);
        sessionNotice.textProperty().bind(model.noticeProperty());
        showWhenSet(sessionNoticeBar, sessionNotice);
        undoSessionDeleteButton.visibleProperty().bind(model.undoAvailableProperty());
        undoSessionDeleteButton.managedProperty().bind(undoSessionDeleteButton.visibleProperty());
        sessionError.textProperty().bind(model.errorProperty());
        showWhenSet(sessionError, sessionError);

        sessionRetention.textProperty().bind(model.retentionTextProperty());
        Tooltip retentionTip = new Tooltip();
        retentionTip.textProperty().bind(model.retentionTextProperty().concat(".\nChange the numbers in the data"
                + " directory's settings.json: \"sessions\": {\"maxAgeDays\": 30, \"maxGigabytes\": 10}"));
        sessionRetention.setTooltip(retentionTip);

        sessionsPanel.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                model.refresh();
                refresher.play();
            } else {
                refresher.stop();
            }
        });
    }

    /** The list's selection and the model's go together both ways (a refreshed row stays selected). */
    private void followSelection() {
        sessionList.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> model.select(row));
        model.selectedProperty().addListener((o, a, row) -> {
            if (sessionList.getSelectionModel().getSelectedItem() != row) {
                if (row == null) {
                    sessionList.getSelectionModel().clearSelection();
                } else {
                    sessionList.getSelectionModel().select(row);
                }
            }
        });
    }

    /** Disables the button and the menu item together; the button's tooltip (and its holder's) says why. */
    private static void explain(Button button, MenuItem item, Action action) {
        button.disableProperty().bind(action.disabled());
        item.disableProperty().bind(action.disabled());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(action.tip());
        button.setTooltip(tip);
        Tooltip why = new Tooltip();
        why.textProperty().bind(action.tip());
        Tooltip.install(button.getParent(), why);
    }

    /** {@code node} takes room only while {@code label} has something to say. */
    private static void showWhenSet(Node node, Label label) {
        node.visibleProperty().bind(label.textProperty().isNotEmpty());
        node.managedProperty().bind(node.visibleProperty());
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void open() {
        model.openSelected(opener);
    }

    /** Save as test…: the selected session read back, all its frames as a scenario, the review dialog. */
    @FXML
    private void saveAsTest() {
        SessionRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        model.open(row, opened -> {
            try (opened) {
                testSaver.save(sessionsPanel.getScene().getWindow(), row.title(), opened.session(), 0,
                        opened.session().frames().size() - 1, model::tell);
            } catch (java.io.IOException e) {
                model.tell("Closing '" + row.title() + "' after Save as test failed: " + e.getMessage());
            }
        });
    }

    @FXML
    private void rename() {
        SessionRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(row.meta().name());
        ask.initOwner(sessionsPanel.getScene().getWindow());
        ask.initModality(Modality.NONE);
        ask.setTitle("Rename session");
        ask.setHeaderText(SessionsViewModel.renamePrompt(row));
        ask.getDialogPane().setId("renameSessionDialog");
        ask.getDialogPane().getStylesheets().setAll(sessionsPanel.getScene().getStylesheets());
        ask.resultProperty().addListener((o, a, name) -> model.rename(row, name));
        ask.show();
    }

    @FXML
    private void togglePin() {
        model.togglePin();
    }

    @FXML
    private void delete() {
        model.deleteSelected();
    }

    @FXML
    private void undoDelete() {
        model.undoDelete();
    }

    @FXML
    private void dismissNotice() {
        model.clearNotice();
    }

    @FXML
    private void listKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            open();
        } else if (e.getCode() == KeyCode.DELETE) {
            delete();
        }
    }
}
