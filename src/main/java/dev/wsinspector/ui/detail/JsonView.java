package dev.wsinspector.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The JSON view: pretty, highlighted text or a collapsible tree of the same document. */
final class JsonView extends VBox {

    private final StyledTextView pretty = new StyledTextView("json-area", false);
    private final TreeView<String> tree = new TreeView<>();
    private final ToggleButton prettyButton = new ToggleButton("Pretty");
    private final ToggleButton treeButton = new ToggleButton("Tree");

    JsonView() {
        getStyleClass().add("json-view");
        ToggleGroup mode = new ToggleGroup();
        prettyButton.setToggleGroup(mode);
        treeButton.setToggleGroup(mode);
        prettyButton.setSelected(true);
        // A toggle group lets the user deselect both; keep one selected.
        mode.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
        HBox bar = new HBox(prettyButton, treeButton);
        bar.getStyleClass().add("json-mode-bar");
        tree.getStyleClass().add("json-tree");
        tree.setShowRoot(true);
        pretty.visibleProperty().bind(prettyButton.selectedProperty());
        tree.visibleProperty().bind(treeButton.selectedProperty());
        StackPane views = new StackPane(pretty, tree);
        VBox.setVgrow(views, Priority.ALWAYS);
        getChildren().addAll(bar, views);
    }

    void show(AreaContent content) {
        pretty.show(content);
    }

    void showTree(JsonNode node) {
        tree.setRoot(node == null ? null : JsonTreeItem.root(node));
        treeButton.setDisable(node == null);
        if (node == null) {
            prettyButton.setSelected(true);
        }
    }

    StyledTextView pretty() {
        return pretty;
    }

    TreeView<String> tree() {
        return tree;
    }

    ToggleButton treeButton() {
        return treeButton;
    }
}
