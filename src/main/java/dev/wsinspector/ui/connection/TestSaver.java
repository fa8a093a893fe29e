package dev.wsinspector.ui.connection;

import dev.wsinspector.core.session.Session;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * <em>Save selection as test…</em> of the timeline rows' menu: frames {@code from} to {@code to} (both included) of
 * {@code session} as a scenario, reviewed before it is saved. The composition root provides it ({@code ui.tests}'
 * {@code SaveAsTest}); {@code notice} tells what became of it. FX thread.
 */
@FunctionalInterface
public interface TestSaver {
    void save(Window owner, String name, Session session, long from, long to, Consumer<String> notice);
}
