package dev.wsinspector.ui.detail;

import dev.wsinspector.core.payload.protocol.Decoded;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The frame read as a sub-protocol message: protocol and summary on top (the problem, in red, when the message
 * is malformed), the fields as a name/value table beside the decoded tree (the message as the JSONL
 * {@code "decoded"} object, {@link Decoded#toJson()}, in {@link JsonTreeItem}s like the JSON view's tree), and the
 * body below (highlighted when it is JSON).
 */
public final class ProtocolView extends VBox {

    private final Label title = new Label();
    private final Label problem = new Label();
    private final FieldsView fields = new FieldsView();
    private final StyledTextView body = new StyledTextView("protocol-body", true);
    private final TreeView<String> tree = new TreeView<>();

    public ProtocolView() {
        getStyleClass().add("protocol-view");
        title.getStyleClass().add("protocol-title");
        title.setWrapText(true);
        problem.getStyleClass().addAll(StyledTextView.NOTICE_CLASS, StyledTextView.ERROR_CLASS);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        tree.getStyleClass().addAll("json-tree", "protocol-tree");
        tree.setShowRoot(true);
        SplitPane top = new SplitPane(fields, tree);
        top.setDividerPositions(0.5);
        SplitPane split = new SplitPane(top, body);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(title, problem, split);
    }

    void show(Decoded decoded) {
        title.setText(decoded == null ? "" : decoded.protocol() + " · " + decoded.summary());
        problem.setText(decoded == null || !decoded.malformed() ? "" : "Not a valid " + decoded.protocol()
                + " message: " + decoded.problem());
        tree.setRoot(decoded == null ? null : JsonTreeItem.root(decoded.toJson()));
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

    TreeView<String> tree() {
        return tree;
    }

    /** The labels of the tree's items, depth first, opening every item (for tests). */
    static java.util.List<String> labels(TreeItem<String> item) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (item != null) {
            out.add(item.getValue());
            for (TreeItem<String> child : item.getChildren()) {
                out.addAll(labels(child));
            }
        }
        return out;
    }

    FieldsView fields() {
        return fields;
    }

    StyledTextView body() {
        return body;
    }
}
