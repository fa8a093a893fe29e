package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.Opcode;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The composer's Frame mode fields (FrameFieldsView.fxml, included by ComposerView.fxml): bindings to the
 * {@link FrameFieldsViewModel} of the composer's model, shown only in {@link MessageMode#FRAME}.
 */
public final class FrameFieldsController {

    private final ComposerViewModel composer;

    @FXML private VBox frameFields;
    @FXML private ChoiceBox<Opcode> frameOpcode;
    @FXML private CheckBox frameFin;
    @FXML private CheckBox frameRsv1;
    @FXML private CheckBox frameRsv2;
    @FXML private CheckBox frameRsv3;
    @FXML private ChoiceBox<FrameFieldsViewModel.MaskChoice> frameMask;
    @FXML private TextField frameMaskKey;
    @FXML private TextField frameLength;
    @FXML private CheckBox frameHex;
    @FXML private TextField frameFragments;
    @FXML private ChoiceBox<FrameFieldsViewModel.Between> frameBetween;
    @FXML private CheckBox frameAutoPong;
    @FXML private Label frameWarning;

    public FrameFieldsController(ComposerViewModel composer) {
        this.composer = composer;
    }

    @FXML
    private void initialize() {
        FrameFieldsViewModel model = composer.frame();
        frameFields.visibleProperty().bind(composer.modeProperty().isEqualTo(MessageMode.FRAME));
        frameFields.managedProperty().bind(frameFields.visibleProperty());
        frameOpcode.getItems().setAll(Opcode.values());
        frameOpcode.setConverter(new OpcodeConverter());
        frameOpcode.valueProperty().bindBidirectional(model.opcodeProperty());
        frameFin.selectedProperty().bindBidirectional(model.finProperty());
        frameRsv1.selectedProperty().bindBidirectional(model.rsv1Property());
        frameRsv2.selectedProperty().bindBidirectional(model.rsv2Property());
        frameRsv3.selectedProperty().bindBidirectional(model.rsv3Property());
        frameMask.getItems().setAll(FrameFieldsViewModel.MaskChoice.values());
        frameMask.valueProperty().bindBidirectional(model.maskProperty());
        frameMaskKey.textProperty().bindBidirectional(model.maskKeyProperty());
        frameMaskKey.visibleProperty().bind(model.maskProperty().isEqualTo(FrameFieldsViewModel.MaskChoice.KEY));
        frameMaskKey.managedProperty().bind(frameMaskKey.visibleProperty());
        frameLength.textProperty().bindBidirectional(model.lengthFieldProperty());
        frameHex.selectedProperty().bindBidirectional(model.hexPayloadProperty());
        frameFragments.textProperty().bindBidirectional(model.fragmentsProperty());
        frameBetween.getItems().setAll(FrameFieldsViewModel.Between.values());
        frameBetween.valueProperty().bindBidirectional(model.betweenProperty());
        frameAutoPong.selectedProperty().bindBidirectional(model.autoPongProperty());
        frameWarning.setText(FrameFieldsViewModel.WARNING);
    }

    /** "1 text", "3 reserved-3", …: the number a server's log shows and the name. */
    private static final class OpcodeConverter extends StringConverter<Opcode> {
        @Override
        public String toString(Opcode opcode) {
            return opcode == null ? "" : opcode.code() + " " + opcode.jsonName();
        }

        @Override
        public Opcode fromString(String text) {
            return Opcode.of(Integer.parseInt(text.substring(0, text.indexOf(' '))));
        }
    }
}
