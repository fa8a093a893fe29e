package dev.wsinspector.ui.profiles;

import javafx.scene.control.TreeCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;

/** A row of the sidebar's tree, folder or profile; double-clicking a profile opens it. */
final class ProfileCell extends TreeCell<ProfileTree.Node> {

    ProfileCell(Runnable open) {
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()
                    && getItem() instanceof ProfileTree.Profile) {
                open.run();
            }
        });
    }

    @Override
    protected void updateItem(ProfileTree.Node node, boolean empty) {
        super.updateItem(node, empty);
        getStyleClass().removeAll("profile-folder", "profile-item", "profile-read-only");
        if (empty || node == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(node.label());
        if (node instanceof ProfileTree.Profile p) {
            getStyleClass().add(p.stored().readOnly() ? "profile-read-only" : "profile-item");
            setTooltip(new Tooltip(p.tooltip()));
        } else {
            getStyleClass().add("profile-folder");
            setTooltip(null);
        }
    }
}
