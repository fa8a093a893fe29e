package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.Interceptor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The breakpoint of one {@link Flow}: a {@code core.filter} expression (the filter bar's language) that holds a
 * matching message until it is forwarded or dropped. A mistake is shown as the filter bar shows one ("at 5: …",
 * the position marked) and leaves the breakpoint that was set before; blank removes it. Set before the proxy runs,
 * it is applied when it starts. FX thread only.
 */
public final class BreakpointModel {

    private final Flow flow;
    private final StringProperty expression = new SimpleStringProperty(this, "expression", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyIntegerWrapper errorPosition = new ReadOnlyIntegerWrapper(this, "errorPosition", -1);
    /** What the proxy holds by now ("" none), for the field's tooltip and the tests. */
    private final ReadOnlyStringWrapper active = new ReadOnlyStringWrapper(this, "active", "");
    private Interceptor proxy;

    BreakpointModel(Flow flow) {
        this.flow = flow;
    }

    public Flow flow() {
        return flow;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the mistake is (a caret position in the expression), -1 without one. */
    public ReadOnlyIntegerProperty errorPositionProperty() {
        return errorPosition.getReadOnlyProperty();
    }

    /** The expression in force ("" when none). */
    public ReadOnlyStringProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The proxy now running (null: stopped); what was typed is applied to it. */
    void attach(Interceptor running) {
        proxy = running;
        if (running != null) {
            apply();
        }
    }

    /** Checks and sets what was typed (Enter, a pause in typing, Start). */
    public void apply() {
        String text = expression.get() == null ? "" : expression.get();
        try {
            if (!text.isBlank()) {
                Filter.compile(text, FilterContext.defaults());
            }
            if (proxy != null) {
                proxy.setBreakpoint(flow, text.isBlank() ? null : text);
            }
        } catch (FilterSyntaxException e) {
            int at = Math.max(0, Math.min(text.length(), e.position()));
            errorPosition.set(at);
            error.set("at " + (at + 1) + ": " + e.problem());
            return;
        }
        errorPosition.set(-1);
        error.set("");
        active.set(text.isBlank() ? "" : text.strip());
    }

    /** Removes the breakpoint (✕): what it held is forwarded. */
    public void clear() {
        expression.set("");
        apply();
    }
}
