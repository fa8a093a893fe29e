package dev.wsinspector.ui.profiles;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The bindings every form of the profile editor repeats: a field's error line, rows shown on a condition. */
final class Forms {

    private Forms() {
    }

    /** {@code label} shows {@code error} under its field, and takes no room while there is none. */
    static void showError(Label label, ObservableStringValue error) {
        label.textProperty().bind(error);
        shownWhen(label.textProperty().isNotEmpty(), label);
    }

    /** Shows {@code nodes} (a row's label and field, say) only while {@code shown}. */
    static void shownWhen(ObservableBooleanValue shown, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(shown);
            node.managedProperty().bind(node.visibleProperty());
        }
    }

    /**
     * {@code control}'s tooltip and accessible help follow {@code tip} (what it does, or why it cannot). The
     * tooltip is on {@code holder}, the control's parent, because a disabled control shows no tooltip of its own.
     */
    static void explain(Node holder, Node control, ObservableStringValue tip) {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(tip);
        Tooltip.install(holder, tooltip);
        control.accessibleHelpProperty().bind(tip);
    }

    /** Choice texts for {@code T} (shown only; a choice box never parses them back). */
    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
