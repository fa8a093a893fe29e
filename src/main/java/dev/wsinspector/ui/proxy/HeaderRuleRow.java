package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.proxy.HeaderRule;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the proxy's handshake-rewrite table, as typed: on the request or the response, add, set or remove a
 * header. {@link #toRule} makes the {@code core.proxy.HeaderRule}, whose checks (a header name, no line break in
 * the value) are the ones that count.
 */
public final class HeaderRuleRow {

    private final ObjectProperty<HeaderRule.Side> side = new SimpleObjectProperty<>(HeaderRule.Side.REQUEST);
    private final ObjectProperty<HeaderRule.Action> action = new SimpleObjectProperty<>(HeaderRule.Action.SET);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public HeaderRuleRow() {
    }

    public HeaderRuleRow(HeaderRule.Side side, HeaderRule.Action action, String name, String value) {
        this.side.set(side);
        this.action.set(action);
        this.name.set(name);
        this.value.set(value);
    }

    public ObjectProperty<HeaderRule.Side> sideProperty() {
        return side;
    }

    public ObjectProperty<HeaderRule.Action> actionProperty() {
        return action;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** True for a row nobody filled in (it is left out). */
    boolean isBlank() {
        return name.get() == null || name.get().isBlank();
    }

    /** The rule, or {@link IllegalArgumentException} with a message for people. */
    HeaderRule toRule() {
        return new HeaderRule(side.get(), action.get(), name.get().strip(), value.get());
    }
}
