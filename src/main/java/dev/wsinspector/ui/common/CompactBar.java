package dev.wsinspector.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar of buttons that never cuts a text: every item keeps at least its preferred width, and when the bar is
 * narrower than that, the buttons given to {@link #collapsible} show only their icon (in the order given, one by
 * one, until the bar fits), with their text in the tooltip and for screen readers. Where there is room, the text
 * comes back. Items that may give way (a search field) keep their own min width below their preferred one.
 */
public class CompactBar extends HBox {

    private final List<Labeled> collapsible = new ArrayList<>();

    public CompactBar(double spacing, Node... children) {
        super(spacing, children);
    }

    /** For FXML: spacing and children set as properties. */
    public CompactBar() {
        super();
    }

    /** An icon from the Material Design pack ({@code org.kordamp.ikonli.materialdesign2}), sized by the CSS. */
    public static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("bar-icon");
        return icon;
    }

    /**
     * Gives {@code labeled} its icon, keeps it from shrinking below its preferred width, and makes sure its text
     * reaches the user when only the icon shows: in the accessible text, and in the tooltip when it has none.
     */
    public static <T extends Labeled> T withIcon(T labeled, Ikon ikon) {
        labeled.setGraphic(icon(ikon));
        labeled.setMinWidth(Region.USE_PREF_SIZE);
        labeled.accessibleTextProperty().bind(labeled.textProperty());
        if (labeled.getTooltip() == null) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(labeled.textProperty());
            labeled.setTooltip(tip);
        }
        return labeled;
    }

    /** These lose their text first to last when the bar is short of room; each should have a graphic. */
    public CompactBar collapsible(Labeled... labeled) {
        for (Labeled l : labeled) {
            l.setMinWidth(Region.USE_PREF_SIZE);
            collapsible.add(l);
        }
        requestLayout();
        return this;
    }

    /** For tests: how many of the collapsible items show only their icon now. */
    public long collapsedCount() {
        return collapsible.stream().filter(l -> l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY).count();
    }

    /**
     * What the managed children want, summed now: the bar's own cached preferred width is not cleared while it
     * lays out (a child's change of content display does not reach a parent in the middle of its layout).
     */
    private double childrenWidth() {
        double sum = snappedLeftInset() + snappedRightInset();
        int managed = 0;
        for (Node child : getManagedChildren()) {
            sum += child.prefWidth(-1);
            managed++;
        }
        return sum + Math.max(0, managed - 1) * snapSpaceX(getSpacing());
    }

    /**
     * As narrow as the bar can get: the collapsible items as icons only, the rest at their own minimum. (HBox's
     * own answer would count every text, and a parent that honours minimum widths would then never let the bar
     * collapse anything.)
     */
    @Override
    protected double computeMinWidth(double height) {
        if (collapsible.isEmpty()) {
            return super.computeMinWidth(height);
        }
        double sum = snappedLeftInset() + snappedRightInset();
        int managed = 0;
        for (Node child : getManagedChildren()) {
            if (child instanceof Labeled l && collapsible.contains(l) && l.getGraphic() != null) {
                sum += l.snappedLeftInset() + l.snappedRightInset() + l.getGraphic().prefWidth(-1);
            } else {
                sum += child.minWidth(-1);
            }
            managed++;
        }
        return sum + Math.max(0, managed - 1) * snapSpaceX(getSpacing());
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        if (width > 0 && !collapsible.isEmpty()) {
            // Widest first: with every text shown, does the bar fit? If not, drop texts one by one until it does.
            collapsible.forEach(l -> l.setContentDisplay(ContentDisplay.LEFT));
            for (Labeled l : collapsible) {
                if (childrenWidth() <= width) {
                    break;
                }
                if (l.isManaged() && l.isVisible()) {
                    l.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                }
            }
        }
        super.layoutChildren();
    }
}
