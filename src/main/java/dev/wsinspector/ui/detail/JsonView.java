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
public final class JsonView extends VBox {

    private final StyledTextView pretty = new StyledTextView("json-area", false);
    private final TreeView<String> tree = new TreeView<>();
    private final ToggleButton prettyButton = new ToggleButton("Pretty");
    private final ToggleButton treeButton = new ToggleButton("Tree");
    private JsonNode treeNode;
    private boolean treeBuilt;

    public JsonView() {
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
        treeButton.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                buildTree();
            }
        });
        StackPane views = new StackPane(pretty, tree);
        VBox.setVgrow(views, Priority.ALWAYS);
        getChildren().addAll(bar, views);
    }

    void show(AreaContent content) {
        pretty.show(content);
    }

    /** The document for the tree; the tree itself is built only while Tree is selected (clicks show Pretty). */
    void showTree(JsonNode node) {
        treeNode = node;
        treeBuilt = false;
        treeButton.setDisable(node == null);
        if (node == null) {
            prettyButton.setSelected(true);
            tree.setRoot(null);
        } else if (treeButton.isSelected()) {
            buildTree();
        }
    }

    private void buildTree() {
        if (!treeBuilt) {
            tree.setRoot(treeNode == null ? null : JsonTreeItem.root(treeNode));
            treeBuilt = true;
        }
    }

    StyledTextView pretty() {
        return pretty;
    }

    TreeView<String> tree() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            buildTree(); // tests look at the tree whatever is selected
        }
        return tree;
    }

    ToggleButton treeButton() {
        return treeButton;
    }
}
