package dev.wsinspector.core.replay;

/**
 * A snapshot of a running replay for a progress display: step {@code step} of {@code steps}, loop
 * {@code loop} of {@code loops} (0 = until stopped), {@code sent} messages so far.
 */
public record ReplayProgress(boolean running, int step, int steps, int loop, int loops, long sent) {
}
