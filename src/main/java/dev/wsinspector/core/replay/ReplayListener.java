package dev.wsinspector.core.replay;

/** Receives a replay's events on the scheduler's thread: return quickly, queue for the UI. */
@FunctionalInterface
public interface ReplayListener {
    void onEvent(ReplayEvent event);
}
