package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.profile.TlsMode;
import dev.wsinspector.core.session.ProxyOptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profile editor: every setting of a profile in four tabs, problems shown next to their field, saves
 * through {@link ProfilesViewModel} (off the FX thread). When another program changed the file meanwhile it
 * offers Reload (take theirs) or Overwrite (keep mine) instead of saving over it silently.
 */
public final class ProfileEditorDialog extends Dialog<StoredProfile> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final ProfileEditorModel model;
    private final ProfilesViewModel profiles;
    private final Label status = new Label();
    private final HBox conflict = new HBox(8);

    private ProfileEditorDialog(Window owner, ProfilesViewModel profiles, ProfileEditorModel model) {
        this.model = model;
        this.profiles = profiles;
        initOwner(owner);
        initModality(Modality.NONE);
        setResizable(true);
        setTitle(model.isNew() ? "New profile" : "Edit profile '" + model.base().name() + "'");
        getDialogPane().setId("profileEditor");
        getDialogPane().getStyleClass().add("profile-editor");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("saveProfileButton");
        save.setDisable(!model.readOnlyReason().isEmpty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the file is written
            save();
        });
        setResultConverter(b -> null);

        TabPane tabs = new TabPane(
                tab("Connection", connectionTab()),
                tab("TLS & proxy", tlsTab()),
                tab("Reconnect & limits", limitsTab()),
                tab("Variables", variablesTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(8, banners(), tabs);
        content.setPrefSize(720, 560);
        getDialogPane().setContent(content);
    }

    /** Opens the editor for a new profile in {@code folder}. */
    public static ProfileEditorDialog create(Window owner, ProfilesViewModel profiles, String folder) {
        ProfileEditorDialog d = new ProfileEditorDialog(owner, profiles, ProfileEditorModel.forNew(folder));
        d.show();
        return d;
    }

    /** Opens the editor on a saved profile. */
    public static ProfileEditorDialog edit(Window owner, ProfilesViewModel profiles, StoredProfile stored) {
        ProfileEditorDialog d = new ProfileEditorDialog(owner, profiles, ProfileEditorModel.of(stored));
        d.show();
        return d;
    }

    public ProfileEditorModel model() {
        return model;
    }

    private void save() {
        status.setText("");
        conflict.setVisible(false);
        if (!model.validate()) {
            status.setText("Not saved: " + model.errors().size() + (model.errors().size() == 1 ? " field needs" : " fields need")
                    + " attention (marked in red)");
            return;
        }
        if (model.isNew()) {
            profiles.create(model.toProfile(), closingListener());
        } else {
            profiles.save(model.base(), model.toProfile(), closingListener());
        }
    }

    private void overwrite() {
        conflict.setVisible(false);
        if (model.validate()) {
            profiles.overwrite(model.base(), model.toProfile(), closingListener());
        }
    }

    /** Closes the editor once the file is written; otherwise says why, and keeps the edits. */
    private SaveListener closingListener() {
        return new SaveListener() {
            @Override
            public void saved(StoredProfile stored) {
                setResult(stored);
                close();
            }

            @Override
            public void conflict(String message) {
                status.setText(message);
                conflict.setVisible(true);
            }

            @Override
            public void failed(String message) {
                status.setText("Not saved: " + message);
            }
        };
    }

    /** Takes the version on disk: this editor closes and one opens on the reloaded profile. */
    private void reloadFromDisk() {
        Window owner = getOwner();
        String id = model.base().id();
        close();
        profiles.reload(() -> profiles.find(id).ifPresent(p -> edit(owner, profiles, p)));
    }

    // ---- layout ----

    private VBox banners() {
        Label insecure = new Label("⚠ Insecure TLS: any certificate and any host name are accepted. "
                + "Anyone on the network path can read and change this connection.");
        insecure.setId("insecureWarning");
        insecure.getStyleClass().add("warning");
        insecure.setWrapText(true);
        bindShown(insecure, model.insecureProperty());
        Label readOnly = new Label("Read-only: " + model.readOnlyReason());
        readOnly.getStyleClass().add("warning");
        readOnly.setWrapText(true);
        readOnly.setVisible(!model.readOnlyReason().isEmpty());
        readOnly.setManaged(readOnly.isVisible());
        status.setId("profileEditorStatus");
        status.getStyleClass().add("field-error");
        status.setWrapText(true);
        Label summary = new Label();
        summary.getStyleClass().add("field-error");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> model.errors().entrySet().stream()
                .map(e -> "• " + e.getValue()).sorted().collect(Collectors.joining("\n")), model.errors()));
        Button reload = new Button("Reload from disk");
        reload.setId("conflictReload");
        reload.setOnAction(e -> reloadFromDisk());
        Button overwrite = new Button("Overwrite with my version");
        overwrite.setId("conflictOverwrite");
        overwrite.setOnAction(e -> overwrite());
        conflict.getChildren().setAll(new Label("Changed on disk:"), reload, overwrite);
        conflict.setAlignment(Pos.CENTER_LEFT);
        conflict.getStyleClass().add("conflict-bar");
        conflict.managedProperty().bind(conflict.visibleProperty());
        conflict.setVisible(false);
        for (Label l : new Label[] {status, summary}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        return new VBox(6, insecure, readOnly, conflict, status, summary);
    }

    private Node connectionTab() {
        Form f = new Form();
        f.field("Name", text(model.nameProperty(), "profileName", "e.g. Local echo"), ProfileEditorModel.NAME);
        f.field("Folder", text(model.folderProperty(), "profileFolder", "e.g. work/staging (optional)"), null);
        f.field("URL", text(model.urlProperty(), "profileUrl", "ws://host:port/path, may use {{variables}}"),
                ProfileEditorModel.URL);
        f.field("Query parameters", new EntryListEditor(model.queryParams(), true, "name", "value"),
                ProfileEditorModel.QUERY);
        f.field("Headers", new EntryListEditor(model.headers(), true, "Header-Name", "value"),
                ProfileEditorModel.HEADERS);
        f.field("Subprotocols", text(model.subprotocolsProperty(), "profileSubprotocols", "comma separated, preferred first"), null);
        CheckBox deflate = new CheckBox("Offer permessage-deflate");
        deflate.selectedProperty().bindBidirectional(model.deflateProperty());
        f.field("Compression", deflate, null);
        f.field("Connect timeout (s)", small(model.connectTimeoutSecondsProperty(), "profileTimeout"),
                ProfileEditorModel.TIMEOUT);
        TextArea notes = new TextArea();
        notes.textProperty().bindBidirectional(model.notesProperty());
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        f.field("Notes", notes, null);
        return f.scroll();
    }

    private Node tlsTab() {
        Form f = new Form();
        ChoiceBox<TlsMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(TlsMode.values()));
        mode.setId("profileTlsMode");
        mode.setConverter(converter(m -> switch (m) {
            case VERIFY -> "Verify the certificate (default)";
            case TRUST_CERTIFICATE -> "Trust this certificate only";
            case INSECURE -> "Insecure: accept any certificate";
        }));
        mode.valueProperty().bindBidirectional(model.tlsModeProperty());
        f.field("TLS", mode, ProfileEditorModel.TLS);
        BooleanBinding trust = model.tlsModeProperty().isEqualTo(TlsMode.TRUST_CERTIFICATE);
        bindShown(f.field("Trusted certificate", text(model.trustedCertificateFileProperty(), "profileTrustedCert",
                "server certificate PEM file"), null), trust);
        bindShown(f.field("or its SHA-256", text(model.trustedFingerprintProperty(), null, "AB:CD:… (64 hex digits)"),
                null), trust);
        f.field("Extra CA file", text(model.caFileProperty(), null, "PEM; relative to the profiles folder"), null);
        f.field("Client certificate", text(model.clientCertificateFileProperty(), null, "PEM certificate"), null);
        f.field("Client key", text(model.clientKeyFileProperty(), null, "PKCS#8 PEM key"), null);

        ChoiceBox<ProxyOptions.Type> proxy = new ChoiceBox<>(FXCollections.observableArrayList(ProxyOptions.Type.values()));
        proxy.setId("profileProxyType");
        proxy.setConverter(converter(t -> switch (t) {
            case NONE -> "No proxy";
            case HTTP -> "HTTP proxy (CONNECT)";
            case SOCKS5 -> "SOCKS5 proxy";
        }));
        proxy.valueProperty().bindBidirectional(model.proxyTypeProperty());
        f.field("Proxy", proxy, ProfileEditorModel.PROXY);
        BooleanBinding proxied = model.proxyTypeProperty().isNotEqualTo(ProxyOptions.Type.NONE);
        bindShown(f.field("Proxy host", text(model.proxyHostProperty(), null, "host"), null), proxied);
        bindShown(f.field("Proxy port", small(model.proxyPortProperty(), null), null), proxied);
        bindShown(f.field("Proxy user", text(model.proxyUserProperty(), null, "optional"), null), proxied);
        bindShown(f.field("Proxy password", secret(model.proxyPasswordProperty()), null), proxied);
        return f.scroll();
    }

    private Node limitsTab() {
        Form f = new Form();
        CheckBox reconnect = new CheckBox("Reconnect automatically when the connection drops");
        reconnect.setId("profileReconnect");
        reconnect.selectedProperty().bindBidirectional(model.reconnectProperty());
        f.field("Reconnect", reconnect, ProfileEditorModel.RECONNECT);
        f.field("Attempts", small(model.reconnectAttemptsProperty(), null), null);
        f.field("First backoff (ms)", small(model.backoffMillisProperty(), null), null);
        f.field("Backoff cap (ms)", small(model.backoffCapMillisProperty(), null), null);
        f.field("Jitter (0–1)", small(model.jitterProperty(), null), null);
        f.field("Ping interval (s)", small(model.pingSecondsProperty(), "profilePing"), ProfileEditorModel.PING);
        f.field("Max message size (bytes)", small(model.maxMessageSizeProperty(), "profileMaxSize"),
                ProfileEditorModel.MAX_SIZE);
        return f.scroll();
    }

    private Node variablesTab() {
        ChoiceBox<EnvironmentDraft> which = new ChoiceBox<>();
        EnvironmentDraft profileVars = new EnvironmentDraft("Profile variables (defaults)");
        // Only a label in the choice: the profile's own variables are edited in the model's list.
        EntryListEditor table = new EntryListEditor(model.variables(), false, "name", "value");
        which.getItems().add(profileVars);
        which.getItems().addAll(model.environments());
        which.setValue(profileVars);
        which.valueProperty().addListener((o, a, env) -> {
            if (env != null) {
                table.show(env == profileVars ? model.variables() : env.values());
            }
        });
        TextField newEnv = new TextField();
        newEnv.setPromptText("new environment, e.g. staging");
        Button add = new Button("Add environment");
        add.setOnAction(e -> {
            if (!newEnv.getText().isBlank()) {
                EnvironmentDraft env = new EnvironmentDraft(newEnv.getText().strip());
                model.environments().add(env);
                which.getItems().add(env);
                which.setValue(env);
                newEnv.clear();
            }
        });
        Button remove = new Button("Remove environment");
        remove.disableProperty().bind(which.valueProperty().isEqualTo(profileVars));
        remove.setOnAction(e -> {
            EnvironmentDraft env = which.getValue();
            model.environments().remove(env);
            which.getItems().remove(env);
            which.setValue(profileVars);
        });
        Label help = new Label("Use {{name}} in the URL, headers and messages. An environment's values override the "
                + "profile's when the tab uses it. Built in: {{uuid}} {{timestamp}} {{isoTime}} {{counter}} {{randomInt}}.");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox box = new VBox(8, new HBox(8, which, remove), new HBox(8, newEnv, add), table,
                errorLabel(ProfileEditorModel.VARIABLES), help);
        box.setPadding(new Insets(12));
        return scroll(box);
    }

    // ---- helpers ----

    private static Tab tab(String title, Node content) {
        return new Tab(title, content);
    }

    private static TextField text(javafx.beans.property.StringProperty p, String id, String prompt) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(p);
        t.setPromptText(prompt);
        if (id != null) {
            t.setId(id);
        }
        return t;
    }

    private static TextField small(javafx.beans.property.StringProperty p, String id) {
        TextField t = text(p, id, "");
        t.setPrefColumnCount(8);
        t.setMaxWidth(140);
        return t;
    }

    /** A password field with a Show toggle. */
    private static Node secret(javafx.beans.property.StringProperty p) {
        PasswordField masked = new PasswordField();
        masked.textProperty().bindBidirectional(p);
        TextField plain = new TextField();
        plain.textProperty().bindBidirectional(p);
        ToggleButton show = new ToggleButton("Show");
        masked.visibleProperty().bind(show.selectedProperty().not());
        plain.visibleProperty().bind(show.selectedProperty());
        StackPane field = new StackPane(plain, masked);
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(6, field, show);
    }

    private Label errorLabel(String key) {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.textProperty().bind(Bindings.stringValueAt(model.errors(), key));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static void bindShown(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Label | control rows with an error line under a control when its field is wrong. */
    private final class Form {
        private final GridPane grid = new GridPane();
        private int row;

        Form() {
            grid.setHgap(10);
            grid.setVgap(6);
            grid.setPadding(new Insets(12));
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(150);
            ColumnConstraints fields = new ColumnConstraints();
            fields.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().setAll(labels, fields);
        }

        /** Adds a row and returns it as one node (to show or hide together). */
        Node field(String label, Node control, String errorKey) {
            Label l = new Label(label);
            VBox cell = new VBox(2, control);
            if (errorKey != null) {
                cell.getChildren().add(errorLabel(errorKey));
            }
            GridPane.setValignment(l, javafx.geometry.VPos.TOP);
            l.setPadding(new Insets(4, 0, 0, 0));
            grid.addRow(row++, l, cell);
            // One handle for both cells: hiding it hides the label too.
            cell.visibleProperty().addListener((o, a, v) -> l.setVisible(v));
            cell.managedProperty().addListener((o, a, v) -> l.setManaged(v));
            return cell;
        }

        ScrollPane scroll() {
            return ProfileEditorDialog.scroll(grid);
        }
    }
}
