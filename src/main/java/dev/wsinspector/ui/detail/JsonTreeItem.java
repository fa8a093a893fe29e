package dev.wsinspector.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of the JSON tree whose children are made only when it is first expanded, so a document with a
 * hundred thousand elements costs one item until the user opens it.
 */
final class JsonTreeItem extends TreeItem<String> {

    /** Children beyond this are summarised in one item: the pretty view shows them all. */
    static final int MAX_CHILDREN = 10_000;
    private static final int MAX_VALUE_CHARS = 200;

    private final JsonNode node;
    private boolean childrenLoaded;

    JsonTreeItem(String name, JsonNode node) {
        super(label(name, node));
        this.node = node;
    }

    static JsonTreeItem root(JsonNode node) {
        JsonTreeItem root = new JsonTreeItem(null, node);
        root.setExpanded(true);
        return root;
    }

    @Override
    public boolean isLeaf() {
        return node == null || !node.isContainerNode() || node.isEmpty();
    }

    @Override
    public ObservableList<TreeItem<String>> getChildren() {
        if (!childrenLoaded) {
            childrenLoaded = true;
            super.getChildren().setAll(makeChildren());
        }
        return super.getChildren();
    }

    private List<TreeItem<String>> makeChildren() {
        List<TreeItem<String>> out = new ArrayList<>();
        if (isLeaf()) {
            return out;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (out.size() == MAX_CHILDREN) {
                    break;
                }
                out.add(new JsonTreeItem(e.getKey(), e.getValue()));
            }
        } else {
            for (int i = 0; i < node.size() && out.size() < MAX_CHILDREN; i++) {
                out.add(new JsonTreeItem("[" + i + "]", node.get(i)));
            }
        }
        if (node.size() > out.size()) {
            out.add(new JsonTreeItem("… " + (node.size() - out.size()) + " more (see the pretty view)", null));
        }
        return out;
    }

    /** {@code name: "value"}, {@code name {3}}, {@code name [5]}; the root has no name. */
    static String label(String name, JsonNode node) {
        if (node == null) {
            return name;
        }
        String prefix = name == null ? "" : name;
        if (node.isObject()) {
            return (prefix + " {" + node.size() + "}").trim();
        }
        if (node.isArray()) {
            return (prefix + " [" + node.size() + "]").trim();
        }
        String value = node.isTextual() ? "\"" + node.textValue() + "\"" : node.toString();
        if (value.length() > MAX_VALUE_CHARS) {
            value = value.substring(0, MAX_VALUE_CHARS - 1) + "…";
        }
        return name == null ? value : name + ": " + value;
    }
}
