package dev.wsinspector.ui.profiles;

import javafx.beans.NamedArg;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A small table of name/value rows (query parameters, headers, variables) edited in place. With secrets on,
 * each row has a "secret" box: the value is then masked, with a Show toggle to reveal it while editing. Its rows
 * follow a list that changes while it is shown, so it is built in code; an FXML view places it with its prompts
 * ({@code <EntryListEditor withSecrets="true" namePrompt="name" valuePrompt="value"/>}) and gives it its list
 * with {@link #show}.
 */
public final class EntryListEditor extends VBox {

    private final VBox rows = new VBox(4);
    private final boolean withSecrets;
    private final String namePrompt;
    private final String valuePrompt;
    private final ListChangeListener<EditableEntry> rebuild = c -> rebuild();
    private ObservableList<EditableEntry> entries = FXCollections.observableArrayList();

    public EntryListEditor(@NamedArg("withSecrets") boolean withSecrets, @NamedArg("namePrompt") String namePrompt,
                           @NamedArg("valuePrompt") String valuePrompt) {
        super(4);
        this.withSecrets = withSecrets;
        this.namePrompt = namePrompt;
        this.valuePrompt = valuePrompt;
        getStyleClass().add("entry-editor");
        Button add = new Button("+ Add");
        add.getStyleClass().add("entry-add");
        add.setOnAction(e -> this.entries.add(new EditableEntry("", "", false)));
        getChildren().addAll(rows, add);
    }

    /** Edits {@code list} (and another one later: the variables of another environment). */
    public void show(ObservableList<EditableEntry> list) {
        entries.removeListener(rebuild);
        entries = list;
        entries.addListener(rebuild);
        rebuild();
    }

    private void rebuild() {
        rows.getChildren().setAll(entries.stream().map(this::row).toList());
    }

    private HBox row(EditableEntry entry) {
        TextField name = new TextField();
        name.setPromptText(namePrompt);
        name.setPrefColumnCount(12);
        name.textProperty().bindBidirectional(entry.nameProperty());
        name.getStyleClass().add("entry-name");
        TextField plain = new TextField();
        plain.setPromptText(valuePrompt);
        plain.textProperty().bindBidirectional(entry.valueProperty());
        plain.getStyleClass().add("entry-value");
        HBox row = new HBox(6, name);
        row.setAlignment(Pos.CENTER_LEFT);
        if (withSecrets) {
            PasswordField masked = new PasswordField();
            masked.setPromptText(valuePrompt);
            masked.textProperty().bindBidirectional(entry.valueProperty());
            masked.getStyleClass().add("entry-secret-value");
            ToggleButton reveal = new ToggleButton("Show");
            reveal.setTooltip(new Tooltip("Show the secret value while editing"));
            reveal.visibleProperty().bind(entry.secretProperty());
            reveal.managedProperty().bind(entry.secretProperty());
            masked.visibleProperty().bind(entry.secretProperty().and(reveal.selectedProperty().not()));
            plain.visibleProperty().bind(masked.visibleProperty().not());
            StackPane value = new StackPane(plain, masked);
            HBox.setHgrow(value, Priority.ALWAYS);
            CheckBox secret = new CheckBox("secret");
            secret.selectedProperty().bindBidirectional(entry.secretProperty());
            secret.setTooltip(new Tooltip("Masked here and left out of exports unless you ask"));
            row.getChildren().addAll(value, secret, reveal);
        } else {
            HBox.setHgrow(plain, Priority.ALWAYS);
            row.getChildren().add(plain);
        }
        Button remove = new Button("✕");
        remove.setTooltip(new Tooltip("Remove this row"));
        remove.setOnAction(e -> entries.remove(entry));
        row.getChildren().add(remove);
        return row;
    }
}
