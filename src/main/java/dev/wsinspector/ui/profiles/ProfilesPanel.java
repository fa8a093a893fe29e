package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.StoredProfile;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The profiles sidebar: search, the folder tree, the actions, the "Deleted — Undo" notice and the problems
 * the repository found. Every action is a call on {@link ProfilesViewModel}; opening a profile is handed to
 * the window ({@code opener}).
 */
public final class ProfilesPanel extends VBox {

    private final ProfilesViewModel model;
    private final Consumer<StoredProfile> opener;
    private final TreeView<ProfileTree.Node> tree = new TreeView<>();
    private final Set<String> collapsed = new HashSet<>();

    public ProfilesPanel(ProfilesViewModel model, Consumer<StoredProfile> opener) {
        super(6);
        this.model = model;
        this.opener = opener;
        setId("profilesPanel");
        getStyleClass().add("profiles-panel");
        setPadding(new Insets(8));
        setPrefWidth(270);
        setMinWidth(200);

        Label title = new Label("Profiles");
        title.getStyleClass().add("panel-title");
        Button add = new Button("New…");
        add.setId("newProfileButton");
        add.setTooltip(new Tooltip("Create a profile (in the selected folder)"));
        add.setOnAction(e -> create());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(6, title, grow, add);
        header.setAlignment(Pos.CENTER_LEFT);

        TextField search = new TextField();
        search.setId("profileSearch");
        search.setPromptText("Search name, folder, URL");
        search.textProperty().bindBidirectional(model.filterProperty());

        tree.setId("profileTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new NodeCell());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            }
        });
        tree.setContextMenu(contextMenu());
        Label empty = placeholder();
        empty.visibleProperty().bind(Bindings.isEmpty(model.profiles()));
        StackPane treeArea = new StackPane(tree, empty);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        VBox.setVgrow(treeArea, Priority.ALWAYS);

        getChildren().addAll(header, search, treeArea, actions(), notice(), error(), problems());
        model.profiles().addListener((ListChangeListener<StoredProfile>) c -> rebuild());
        model.filterProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    public TreeView<ProfileTree.Node> tree() {
        return tree;
    }

    /** The selected profile, or null when a folder or nothing is selected. */
    public StoredProfile selected() {
        TreeItem<ProfileTree.Node> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ProfileTree.Profile p ? p.stored() : null;
    }

    /** Selects the profile with file {@code id}, if shown. */
    public void select(String id) {
        select(tree.getRoot(), id);
    }

    private boolean select(TreeItem<ProfileTree.Node> item, String id) {
        if (item.getValue() instanceof ProfileTree.Profile p && p.stored().id().equals(id)) {
            tree.getSelectionModel().select(item);
            return true;
        }
        return item.getChildren().stream().anyMatch(c -> select(c, id));
    }

    private void rebuild() {
        StoredProfile before = selected();
        TreeItem<ProfileTree.Node> root = ProfileTree.build(model.profiles(), model.filterProperty().get(), collapsed);
        remember(root);
        tree.setRoot(root);
        if (before != null) {
            select(before.id());
        }
    }

    /** Keeps the user's collapsed folders collapsed across rebuilds. */
    private void remember(TreeItem<ProfileTree.Node> item) {
        if (item.getValue() instanceof ProfileTree.Folder f && !f.path().isEmpty()) {
            item.expandedProperty().addListener((o, a, expanded) -> {
                if (model.filterProperty().get().isBlank()) {
                    if (expanded) {
                        collapsed.remove(f.path());
                    } else {
                        collapsed.add(f.path());
                    }
                }
            });
        }
        item.getChildren().forEach(this::remember);
    }

    // ---- actions ----

    private void create() {
        ProfileEditorDialog.create(getScene() == null ? null : getScene().getWindow(), model, selectedFolder());
    }

    private void openSelected() {
        StoredProfile p = selected();
        if (p != null) {
            opener.accept(p);
        }
    }

    private void editSelected() {
        StoredProfile p = selected();
        if (p != null) {
            ProfileEditorDialog.edit(getScene().getWindow(), model, p);
        }
    }

    private void duplicateSelected() {
        StoredProfile p = selected();
        if (p != null) {
            model.duplicate(p);
        }
    }

    private void renameSelected() {
        StoredProfile p = selected();
        if (p == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(p.name());
        ask.initOwner(getScene().getWindow());
        ask.initModality(Modality.NONE);
        ask.setTitle("Rename profile");
        ask.setHeaderText("New name for '" + p.name() + "'");
        ask.getDialogPane().setId("renameProfileDialog");
        ask.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        ask.resultProperty().addListener((o, a, name) -> {
            if (name != null && !name.equals(p.name())) {
                model.rename(p, name);
            }
        });
        ask.show();
    }

    private void deleteSelected() {
        StoredProfile p = selected();
        if (p != null) {
            model.delete(p);
        }
    }

    private String selectedFolder() {
        TreeItem<ProfileTree.Node> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return "";
        }
        return item.getValue() instanceof ProfileTree.Folder f ? f.path()
                : ((ProfileTree.Profile) item.getValue()).stored().profile().folder();
    }

    // ---- layout ----

    private FlowPane actions() {
        Button open = button("Open", "openProfileButton", "Open in a new tab and connect (Enter, double-click)",
                this::openSelected);
        open.getStyleClass().add("accent");
        FlowPane row = new FlowPane(4, 4, open,
                button("Edit…", "editProfileButton", "Change the profile's settings", this::editSelected),
                button("Duplicate", "duplicateProfileButton", "Copy the profile", this::duplicateSelected),
                button("Rename…", "renameProfileButton", "Rename the profile", this::renameSelected),
                button("Delete", "deleteProfileButton", "Delete the profile (Undo follows)", this::deleteSelected));
        row.getChildren().forEach(b -> ((Button) b).disableProperty().bind(
                tree.getSelectionModel().selectedItemProperty().isNull()));
        return row;
    }

    private Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private ContextMenu contextMenu() {
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> openSelected());
        MenuItem edit = new MenuItem("Edit…");
        edit.setOnAction(e -> editSelected());
        MenuItem duplicate = new MenuItem("Duplicate");
        duplicate.setOnAction(e -> duplicateSelected());
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> renameSelected());
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> deleteSelected());
        MenuItem create = new MenuItem("New profile here…");
        create.setOnAction(e -> create());
        MenuItem importFiles = new MenuItem("Import profiles…");
        importFiles.setOnAction(e -> importFiles());
        MenuItem importFolder = new MenuItem("Import a folder…");
        importFolder.setOnAction(e -> importFolder());
        MenuItem export = new MenuItem("Export profile…");
        export.setOnAction(e -> exportSelected());
        MenuItem exportFolder = new MenuItem("Export this folder…");
        exportFolder.setOnAction(e -> exportFolder());
        return new ContextMenu(open, edit, duplicate, rename, delete, new SeparatorMenuItem(), create,
                new SeparatorMenuItem(), importFiles, importFolder, export, exportFolder);
    }

    private void importFiles() {
        javafx.stage.FileChooser chooser = jsonChooser("Import profiles");
        List<java.io.File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            model.importFiles(files.stream().map(java.io.File::toPath).toList());
        }
    }

    private void importFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Import every profile of a folder");
        java.io.File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            model.importFolder(folder.toPath());
        }
    }

    private void exportSelected() {
        StoredProfile profile = selected();
        if (profile == null) {
            return;
        }
        javafx.stage.FileChooser chooser = jsonChooser("Export '" + profile.name() + "'");
        chooser.setInitialFileName(profile.id());
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.export(profile, file.toPath(), askIncludeSecrets());
        }
    }

    private void exportFolder() {
        TreeItem<ProfileTree.Node> item = tree.getSelectionModel().getSelectedItem();
        String folder = item == null ? "" : item.getValue() instanceof ProfileTree.Folder f ? f.path()
                : item.getValue() instanceof ProfileTree.Profile p ? p.stored().profile().folder() : "";
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(folder.isEmpty() ? "Export all profiles to" : "Export folder '" + folder + "' to");
        java.io.File target = chooser.showDialog(getScene().getWindow());
        if (target != null) {
            model.exportFolder(folder, target.toPath(), askIncludeSecrets());
        }
    }

    /** Secrets stay out of shared files unless the user says otherwise, every time. */
    private boolean askIncludeSecrets() {
        javafx.scene.control.ButtonType without = new javafx.scene.control.ButtonType("Leave secrets out",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType with = new javafx.scene.control.ButtonType("Include secrets",
                javafx.scene.control.ButtonBar.ButtonData.OTHER);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Secret header values, secret query parameters, proxy passwords and the variables they use are "
                        + "left empty in the exported file unless you include them.", without, with);
        ask.setHeaderText("Include secrets in the export?");
        ask.initOwner(getScene().getWindow());
        return ask.showAndWait().filter(with::equals).isPresent();
    }

    private static javafx.stage.FileChooser jsonChooser(String title) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Profiles (*.json)", "*.json"));
        return chooser;
    }

    private HBox notice() {
        Label text = new Label();
        text.setId("profileNotice");
        text.textProperty().bind(model.noticeProperty());
        text.setWrapText(true);
        Button undo = new Button("Undo");
        undo.setId("undoDeleteButton");
        undo.visibleProperty().bind(model.undoAvailableProperty());
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> model.undoDelete());
        Button dismiss = new Button("✕");
        dismiss.setTooltip(new Tooltip("Dismiss"));
        dismiss.setOnAction(e -> model.clearNotice());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, text, grow, undo, dismiss);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notice-bar");
        bar.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Label error() {
        Label error = new Label();
        error.setId("profileError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private VBox problems() {
        VBox list = new VBox(4);
        list.setId("profileProblems");
        Runnable fill = () -> list.getChildren().setAll(model.problems().stream().map(ProfilesPanel::problemLabel).toList());
        model.problems().addListener((ListChangeListener<ProfileProblem>) c -> fill.run());
        fill.run();
        Label title = new Label("File problems");
        title.getStyleClass().add("problems-title");
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissProblemsButton");
        dismiss.setTooltip(new Tooltip("Hide these reports (the moved-aside files stay where they are)"));
        dismiss.setOnAction(e -> model.dismissProblems());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(6, title, grow, dismiss);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, top, list);
        box.getStyleClass().add("problems-box");
        box.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** One problem as people read it: which file, what is wrong, what was done about it. */
    static Label problemLabel(ProfileProblem p) {
        String what = switch (p.kind()) {
            case CORRUPT -> "Could not read " + p.file().getFileName() + " — moved aside"
                    + (p.movedTo() == null ? "" : " as " + p.movedTo().getFileName()) + ", nothing was lost";
            case UNSUPPORTED_VERSION -> p.file().getFileName() + " needs a newer WS Inspector; left untouched";
            case IO -> p.file().getFileName() + " cannot be read; left untouched";
            case BEING_WRITTEN -> p.file().getFileName() + " is being written; looked at again shortly";
        };
        Label l = new Label("⚠ " + what + "\n" + p.message());
        l.getStyleClass().addAll("profile-problem", "problem-" + p.kind().name().toLowerCase(Locale.ROOT));
        l.setWrapText(true);
        l.setTooltip(new Tooltip(p.describe()));
        return l;
    }

    private static Label placeholder() {
        Label l = new Label("No profiles yet.\nNew… saves a connection with its\nheaders, messages and variables.");
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setPadding(new Insets(8));
        l.setMouseTransparent(true);
        return l;
    }

    /** Folder or profile; double-click opens a profile. */
    private final class NodeCell extends TreeCell<ProfileTree.Node> {
        NodeCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()
                        && getItem() instanceof ProfileTree.Profile) {
                    openSelected();
                }
            });
        }

        @Override
        protected void updateItem(ProfileTree.Node node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("profile-folder", "profile-item", "profile-read-only");
            if (empty || node == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(node.label());
            if (node instanceof ProfileTree.Profile p) {
                getStyleClass().add(p.stored().readOnly() ? "profile-read-only" : "profile-item");
                String notes = p.stored().profile().notes();
                setTooltip(new Tooltip(p.stored().profile().url() + (notes.isBlank() ? "" : "\n" + notes)
                        + (p.stored().readOnly() ? "\nRead-only: " + p.stored().readOnlyReason() : "")));
            } else {
                getStyleClass().add("profile-folder");
                setTooltip(null);
            }
        }
    }
}
