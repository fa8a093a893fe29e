package dev.wsinspector.ui.detail;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The opening handshake: raw request above, raw response (with a refusal's body) below. */
public final class HandshakeView extends VBox {

    private final TextArea request = area();
    private final TextArea response = area();
    private final CheckBox reveal = new CheckBox("Show credentials");

    public HandshakeView() {
        getStyleClass().add("handshake-view");
        reveal.getStyleClass().add("handshake-reveal");
        SplitPane split = new SplitPane(section("Request", request), section("Response", response));
        split.setOrientation(Orientation.VERTICAL);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(reveal, split);
    }

    /** Shows the view model's texts; the check box writes whether credentials are shown. */
    void bind(ObservableStringValue requestText, ObservableStringValue responseText, BooleanProperty revealSecrets) {
        request.textProperty().bind(requestText);
        response.textProperty().bind(responseText);
        reveal.selectedProperty().bindBidirectional(revealSecrets);
    }

    TextArea request() {
        return request;
    }

    TextArea response() {
        return response;
    }

    private static VBox section(String title, TextArea text) {
        Label label = new Label(title);
        label.getStyleClass().add("handshake-title");
        VBox.setVgrow(text, Priority.ALWAYS);
        return new VBox(label, text);
    }

    private static TextArea area() {
        TextArea area = new TextArea();
        area.setEditable(false);
        area.getStyleClass().add("handshake-text");
        return area;
    }
}
