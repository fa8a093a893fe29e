package dev.wsinspector.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the --send messages that never went out. After a lost connection every queued send fails; one line
 * per message (1,430 of them once) buries the reason, so the run reports them once, with their count and the
 * first failure's reason. Called from the connection's send thread and read by the run's thread at the end.
 */
final class UnsentMessages {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<String> firstReason = new AtomicReference<>();

    void failed(Throwable error) {
        count.incrementAndGet();
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        firstReason.compareAndSet(null, cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage());
    }

    int count() {
        return count.get();
    }

    /** One line on stderr when something was not sent, else nothing. */
    void report(PrintStream err) {
        int n = count.get();
        if (n > 0) {
            err.println(String.format(Locale.ROOT, "ws-inspector: %,d message%s not sent: %s", n,
                    n == 1 ? " was" : "s were", firstReason.get()));
        }
    }
}
