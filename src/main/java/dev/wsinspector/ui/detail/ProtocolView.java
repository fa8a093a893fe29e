package dev.wsinspector.ui.detail;

import dev.wsinspector.core.payload.protocol.Decoded;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The frame read as a sub-protocol message: protocol and summary on top (the problem, in red, when the message
 * is malformed), the fields as a name/value table, and the body below (highlighted when it is JSON).
 */
public final class ProtocolView extends VBox {

    private final Label title = new Label();
    private final Label problem = new Label();
    private final FieldsView fields = new FieldsView();
    private final StyledTextView body = new StyledTextView("protocol-body", true);

    public ProtocolView() {
        getStyleClass().add("protocol-view");
        title.getStyleClass().add("protocol-title");
        title.setWrapText(true);
        problem.getStyleClass().addAll(StyledTextView.NOTICE_CLASS, StyledTextView.ERROR_CLASS);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        SplitPane split = new SplitPane(fields, body);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(title, problem, split);
    }

    void show(Decoded decoded) {
        title.setText(decoded == null ? "" : decoded.protocol() + " · " + decoded.summary());
        problem.setText(decoded == null || !decoded.malformed() ? "" : "Not a valid " + decoded.protocol()
                + " message: " + decoded.problem());
    }

    void showBody(AreaContent content) {
        body.show(content);
    }

    Label title() {
        return title;
    }

    Label problem() {
        return problem;
    }

    FieldsView fields() {
        return fields;
    }

    StyledTextView body() {
        return body;
    }
}
