package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.profiles.ProfilesPanelModel.Action;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Locale;

/**
 * The profiles sidebar (ProfilesPanelView.fxml): bindings to {@link ProfilesPanelModel} and one-line handlers.
 * Opening a profile is the window's ({@link ProfileOpener}); the editor is loaded through the {@link ViewLoader}.
 */
public final class ProfilesPanelController {

    private final ProfilesViewModel profiles;
    private final ProfilesPanelModel panel;
    private final ProfileOpener opener;
    private final ViewLoader views;

    @FXML private VBox profilesPanel;
    @FXML private TextField profileSearch;
    @FXML private TreeView<ProfileTree.Node> profileTree;
    @FXML private Label profilesPlaceholder;
    @FXML private MenuItem openItem;
    @FXML private MenuItem editItem;
    @FXML private MenuItem duplicateItem;
    @FXML private MenuItem renameItem;
    @FXML private MenuItem deleteItem;
    @FXML private MenuItem exportItem;
    @FXML private StackPane openHolder;
    @FXML private StackPane editHolder;
    @FXML private StackPane duplicateHolder;
    @FXML private StackPane renameHolder;
    @FXML private StackPane deleteHolder;
    @FXML private Button openProfileButton;
    @FXML private Button editProfileButton;
    @FXML private Button duplicateProfileButton;
    @FXML private Button renameProfileButton;
    @FXML private Button deleteProfileButton;
    @FXML private HBox noticeBar;
    @FXML private Label profileNotice;
    @FXML private Button undoDeleteButton;
    @FXML private Label profileError;
    @FXML private VBox problemsBox;
    @FXML private VBox profileProblems;

    public ProfilesPanelController(ProfilesViewModel profiles, ProfileOpener opener, ViewLoader views) {
        this.profiles = profiles;
        this.panel = new ProfilesPanelModel(profiles);
        this.opener = opener;
        this.views = views;
    }

    /** The sidebar's state (selection, tree, what each action can do), for tests and the window. */
    public ProfilesPanelModel model() {
        return panel;
    }

    @FXML
    private void initialize() {
        profileSearch.textProperty().bindBidirectional(profiles.filterProperty());
        profileTree.setCellFactory(t -> new ProfileCell(this::open));
        profileTree.rootProperty().bind(panel.rootProperty());
        profileTree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> panel.selectedProperty().set(item));
        panel.selectedProperty().addListener((o, a, item) -> showSelected(item));
        profilesPlaceholder.visibleProperty().bind(Bindings.isEmpty(profiles.profiles()));

        explain(Action.OPEN, openHolder, openProfileButton, openItem);
        explain(Action.EDIT, editHolder, editProfileButton, editItem);
        explain(Action.DUPLICATE, duplicateHolder, duplicateProfileButton, duplicateItem);
        explain(Action.RENAME, renameHolder, renameProfileButton, renameItem);
        explain(Action.DELETE, deleteHolder, deleteProfileButton, deleteItem);
        exportItem.disableProperty().bind(panel.disabledProperty(Action.EXPORT));

        profileNotice.textProperty().bind(profiles.noticeProperty());
        Forms.shownWhen(profiles.undoAvailableProperty(), undoDeleteButton);
        Forms.shownWhen(profiles.noticeProperty().isNotEmpty(), noticeBar);
        Forms.showError(profileError, profiles.errorProperty());
        Forms.shownWhen(Bindings.isNotEmpty(profiles.problems()), problemsBox);
        profiles.problems().addListener((ListChangeListener<ProfileProblem>) c -> showProblems());
        showProblems();
    }

    /** The action's button and menu item follow its state; the holder's tooltip says what it does, or why not. */
    private void explain(Action action, StackPane holder, Button button, MenuItem item) {
        button.disableProperty().bind(panel.disabledProperty(action));
        item.disableProperty().bind(panel.disabledProperty(action));
        Forms.explain(holder, button, panel.tipProperty(action));
    }

    private void showSelected(TreeItem<ProfileTree.Node> item) {
        if (profileTree.getSelectionModel().getSelectedItem() != item) {
            if (item == null) {
                profileTree.getSelectionModel().clearSelection();
            } else {
                profileTree.getSelectionModel().select(item);
            }
        }
    }

    private void showProblems() {
        profileProblems.getChildren().setAll(profiles.problems().stream().map(p -> {
            Label l = new Label(ProfilesPanelModel.problemText(p));
            l.getStyleClass().addAll("profile-problem", "problem-" + p.kind().name().toLowerCase(Locale.ROOT));
            l.setWrapText(true);
            l.setTooltip(new Tooltip(p.describe()));
            return l;
        }).toList());
    }

    private Window owner() {
        return profilesPanel.getScene() == null ? null : profilesPanel.getScene().getWindow();
    }

    // ---- handlers ----

    @FXML
    private void treeKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            open();
        } else if (e.getCode() == KeyCode.DELETE) {
            delete();
        }
    }

    @FXML
    private void create() {
        ProfileEditorController.open(views, owner(), ProfileEditorModel.forNew(panel.selectedFolder()));
    }

    @FXML
    private void open() {
        panel.selectedProfile().ifPresent(opener::open);
    }

    @FXML
    private void edit() {
        panel.selectedProfile().ifPresent(p -> ProfileEditorController.open(views, owner(), ProfileEditorModel.of(p)));
    }

    @FXML
    private void duplicate() {
        panel.duplicate();
    }

    @FXML
    private void rename() {
        panel.selectedProfile().ifPresent(p -> ProfileDialogs.askName(owner(), p, panel::rename));
    }

    @FXML
    private void delete() {
        panel.delete();
    }

    @FXML
    private void importFiles() {
        profiles.importFiles(ProfileDialogs.chooseFiles(owner()));
    }

    @FXML
    private void importFolder() {
        ProfileDialogs.chooseFolder(owner(), "Import every profile of a folder").ifPresent(profiles::importFolder);
    }

    @FXML
    private void export() {
        panel.selectedProfile().flatMap(p -> ProfileDialogs.chooseExportFile(owner(), p))
                .ifPresent(file -> panel.export(file, ProfileDialogs.askIncludeSecrets(owner())));
    }

    @FXML
    private void exportFolder() {
        ProfileDialogs.chooseFolder(owner(), panel.exportFolderTitle())
                .ifPresent(target -> panel.exportFolder(target, ProfileDialogs.askIncludeSecrets(owner())));
    }

    @FXML
    private void undoDelete() {
        profiles.undoDelete();
    }

    @FXML
    private void clearNotice() {
        profiles.clearNotice();
    }

    @FXML
    private void dismissProblems() {
        profiles.dismissProblems();
    }
}
