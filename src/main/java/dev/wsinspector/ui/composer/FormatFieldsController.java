package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.encode.Param;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.beans.property.StringProperty;

import java.util.Map;

/**
 * The composer's Protocol mode fields (FormatFieldsView.fxml, included by ComposerView.fxml): the format choice
 * and, made for each format from its {@link Param}s, a small form bound to the {@link FormatFieldsViewModel} of the
 * composer's model (a text field, a check box or a choice each, ids {@code format-<name>}). Shown only in
 * {@link MessageMode#PROTOCOL}.
 */
public final class FormatFieldsController {

    private final ComposerViewModel composer;

    @FXML private FlowPane formatFields;
    @FXML private ChoiceBox<MessageFormat> formatChoice;
    @FXML private Label formatBodyHint;

    public FormatFieldsController(ComposerViewModel composer) {
        this.composer = composer;
    }

    @FXML
    private void initialize() {
        FormatFieldsViewModel model = composer.formats();
        formatFields.visibleProperty().bind(composer.modeProperty().isEqualTo(MessageMode.PROTOCOL));
        formatFields.managedProperty().bind(formatFields.visibleProperty());
        formatChoice.getItems().setAll(MessageFormat.values());
        formatChoice.valueProperty().bindBidirectional(model.formatProperty());
        model.formatProperty().addListener((o, was, now) -> showParams(model));
        showParams(model);
    }

    private void showParams(FormatFieldsViewModel model) {
        MessageFormat format = model.formatProperty().get();
        formatFields.getChildren().retainAll(formatChoice, formatBodyHint);
        formatBodyHint.setText(format == null || !format.hasBody() ? "" : "Input: " + format.bodyHint());
        if (format == null) {
            return;
        }
        Map<String, StringProperty> values = model.params();
        int at = formatFields.getChildren().indexOf(formatBodyHint);
        for (Param p : format.params()) {
            formatFields.getChildren().add(at++, field(p, values.get(p.name())));
        }
    }

    private static Node field(Param p, StringProperty value) {
        Node control;
        switch (p.kind()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox(p.label());
                box.setSelected(Boolean.parseBoolean(value.get()));
                box.selectedProperty().addListener((o, was, now) -> value.set(Boolean.toString(now)));
                control = box;
            }
            case CHOICE -> {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.getItems().setAll(p.choices());
                choice.valueProperty().bindBidirectional(value);
                control = choice;
            }
            default -> {
                TextField text = new TextField();
                text.setPromptText(p.hint());
                text.setPrefColumnCount(p.kind() == Param.Kind.NUMBER ? 5 : 12);
                text.textProperty().bindBidirectional(value);
                control = text;
            }
        }
        control.setId("format-" + p.name());
        if (!p.hint().isEmpty() && control instanceof javafx.scene.control.Control c) {
            c.setTooltip(new Tooltip(p.hint()));
        }
        if (p.kind() == Param.Kind.BOOLEAN) {
            return control;
        }
        Label label = new Label(p.label());
        label.setLabelFor(control);
        HBox pair = new HBox(4, label, control);
        pair.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return pair;
    }
}
