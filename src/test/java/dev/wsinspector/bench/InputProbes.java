package dev.wsinspector.bench;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How long the window takes to answer a person: from the moment a robot sends an input event (a click on a row,
 * a wheel turn, a key in the composer, a click on a tab) to the end of the first layout pulse after the FX thread
 * handled that event in which the scene shows its effect (that pulse paints it next). The queueing behind a busy
 * FX thread is part of it, as it is for a person.
 */
final class InputProbes {

    enum Kind {
        CLICK_TO_VIEWS(MouseEvent.MOUSE_PRESSED), SCROLL(ScrollEvent.SCROLL), TYPE(KeyEvent.KEY_TYPED),
        SWITCH_TAB(MouseEvent.MOUSE_PRESSED);

        final EventType<?> event;

        Kind(EventType<?> event) {
            this.event = event;
        }
    }

    /** How long one probe may wait for its answer before it counts as none. */
    private static final long GIVE_UP_MILLIS = 5_000;

    private static final class Probe {
        final Kind kind;
        final BooleanSupplier shown;
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean handled;
        volatile long doneAt;

        Probe(Kind kind, BooleanSupplier shown) {
            this.kind = kind;
            this.shown = shown;
        }
    }

    private volatile Probe armed;
    private final Map<Kind, List<Long>> results = new EnumMap<>(Kind.class);
    private int unanswered;

    /** FX thread, once. */
    void install(Scene scene) {
        for (EventType<?> type : List.of(MouseEvent.MOUSE_PRESSED, ScrollEvent.SCROLL, KeyEvent.KEY_TYPED)) {
            scene.addEventFilter(type, this::seen);
        }
        scene.addPostLayoutPulseListener(this::afterLayout);
    }

    private void seen(Event event) {
        Probe probe = armed;
        if (probe != null && probe.kind.event == event.getEventType()) {
            probe.handled = true;
        }
    }

    private void afterLayout() {
        Probe probe = armed;
        if (probe != null && probe.handled && probe.shown.getAsBoolean()) {
            probe.doneAt = System.nanoTime();
            armed = null;
            probe.done.countDown();
        }
    }

    /**
     * Sends {@code input} (on the calling thread, through the robot) and waits until the FX thread handled it and a
     * layout pulse shows what {@code shown} (checked on the FX thread) says.
     */
    void measure(Kind kind, BooleanSupplier shown, Runnable input) throws InterruptedException {
        Probe probe = new Probe(kind, shown);
        armed = probe;
        long start = System.nanoTime();
        input.run();
        boolean answered = probe.done.await(GIVE_UP_MILLIS, TimeUnit.MILLISECONDS);
        armed = null;
        synchronized (results) {
            if (answered) {
                results.computeIfAbsent(kind, k -> new ArrayList<>()).add(probe.doneAt - start);
            } else {
                unanswered++;
            }
        }
    }

    /** One line per kind: median, p90 and longest in ms, and how many were measured. */
    String report() {
        StringBuilder out = new StringBuilder();
        synchronized (results) {
            for (Kind kind : Kind.values()) {
                List<Long> all = new ArrayList<>(results.getOrDefault(kind, List.of()));
                all.sort(null);
                if (all.isEmpty()) {
                    out.append(String.format(Locale.ROOT, "  %-24s none measured%n", kind));
                    continue;
                }
                out.append(String.format(Locale.ROOT, "  %-24s median %.1f · p90 %.1f · max %.1f ms (n=%d)%n", kind,
                        at(all, 0.5), at(all, 0.9), all.get(all.size() - 1) / 1e6, all.size()));
            }
            if (unanswered > 0) {
                out.append(String.format(Locale.ROOT, "  NO ANSWER within %d ms: %d probes%n", GIVE_UP_MILLIS,
                        unanswered));
            }
        }
        return out.toString();
    }

    /** The longest click-to-views latency, ms (the goal is about it). */
    double longestMillis(Kind kind) {
        synchronized (results) {
            return results.getOrDefault(kind, List.of()).stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
        }
    }

    /** The median latency of {@code kind}, ms, or -1 when none was measured. */
    double medianMillis(Kind kind) {
        synchronized (results) {
            List<Long> all = new ArrayList<>(results.getOrDefault(kind, List.of()));
            all.sort(null);
            return all.isEmpty() ? -1 : at(all, 0.5);
        }
    }

    int unanswered() {
        synchronized (results) {
            return unanswered;
        }
    }

    private static double at(List<Long> sorted, double share) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size()) - 1)) / 1e6;
    }
}
