package dev.wsinspector.ui.timeline;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timeline's selection in absolute rows (see {@link TimelineList}), so it means the same rows wherever the
 * viewport is: a set of disjoint row ranges, the <em>anchor</em> a Shift-click or Shift+arrow extends from, and the
 * <em>lead</em> — the row clicked or moved to last, whose frame the detail pane shows.
 *
 * <p>Selecting all of a ten-million-row session is two numbers, not ten million. Plain Java with JavaFX
 * properties; FX thread only.
 */
public final class RowSelection {

    /** start → end (exclusive); disjoint and never touching (touching ranges are merged). */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long anchor = -1;
    private final ReadOnlyLongWrapper lead = new ReadOnlyLongWrapper(this, "lead", -1);
    /** Counts changes, so a view can tell whether it must repaint the selection. */
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision", 0);

    /** Selects only {@code row}; it becomes anchor and lead. */
    public void select(long row) {
        ranges.clear();
        ranges.put(row, row + 1);
        anchor = row;
        changed(row);
    }

    /** Adds {@code row} to the selection or takes it out (Ctrl/Cmd-click); it becomes anchor and lead. */
    public void toggle(long row) {
        if (isSelected(row)) {
            remove(row, row + 1);
        } else {
            add(row, row + 1);
        }
        anchor = row;
        changed(row);
    }

    /**
     * Selects the rows from the anchor to {@code row} (Shift-click, Shift+arrows); with {@code keepOthers} (Ctrl as
     * well) the rest of the selection stays. Without an anchor this is {@link #select}. {@code row} becomes lead.
     */
    public void extendTo(long row, boolean keepOthers) {
        if (anchor < 0) {
            select(row);
            return;
        }
        if (!keepOthers) {
            ranges.clear();
        }
        add(Math.min(anchor, row), Math.max(anchor, row) + 1);
        changed(row);
    }

    /** Selects rows [from, to) (Ctrl+A); the lead stays if it is among them, else it becomes {@code from}. */
    public void selectRange(long from, long to) {
        if (from >= to) {
            clear();
            return;
        }
        ranges.clear();
        ranges.put(from, to);
        long keep = lead.get() >= from && lead.get() < to ? lead.get() : from;
        anchor = anchor >= from && anchor < to ? anchor : from;
        changed(keep);
    }

    public void clear() {
        ranges.clear();
        anchor = -1;
        changed(-1);
    }

    /** Forgets rows before {@code row} (they were cleared from view). */
    public void dropBefore(long row) {
        if (!ranges.isEmpty() && ranges.firstKey() < row) {
            remove(Long.MIN_VALUE, row);
            anchor = anchor < row ? -1 : anchor;
            changed(lead.get() < row ? -1 : lead.get());
        }
    }

    public boolean isSelected(long row) {
        Map.Entry<Long, Long> range = ranges.floorEntry(row);
        return range != null && row < range.getValue();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Number of selected rows. */
    public long count() {
        long count = 0;
        for (Map.Entry<Long, Long> range : ranges.entrySet()) {
            count += range.getValue() - range.getKey();
        }
        return count;
    }

    /** Lowest selected row, or -1. */
    public long first() {
        return ranges.isEmpty() ? -1 : ranges.firstKey();
    }

    /** Highest selected row, or -1. */
    public long last() {
        return ranges.isEmpty() ? -1 : ranges.lastEntry().getValue() - 1;
    }

    /** The first {@code limit} selected rows in order. */
    public long[] rows(int limit) {
        long[] out = new long[(int) Math.min(limit, count())];
        int n = 0;
        for (Map.Entry<Long, Long> range : ranges.entrySet()) {
            for (long row = range.getKey(); row < range.getValue() && n < out.length; row++) {
                out[n++] = row;
            }
            if (n == out.length) {
                break;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    public long anchor() {
        return anchor;
    }

    /** The row clicked or moved to last, or -1: the one the detail pane shows. */
    public long lead() {
        return lead.get();
    }

    public ReadOnlyLongProperty leadProperty() {
        return lead.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void add(long from, long to) {
        // Swallow every range that overlaps or touches [from, to).
        Map.Entry<Long, Long> before = ranges.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
        }
        while (true) {
            Map.Entry<Long, Long> next = ranges.ceilingEntry(from);
            if (next == null || next.getKey() > to) {
                break;
            }
            to = Math.max(to, next.getValue());
            ranges.remove(next.getKey());
        }
        ranges.put(from, to);
    }

    private void remove(long from, long to) {
        Map.Entry<Long, Long> before = ranges.lowerEntry(from);
        if (before != null && before.getValue() > from) {
            ranges.put(before.getKey(), from);
            if (before.getValue() > to) {
                ranges.put(to, before.getValue());
            }
        }
        while (true) {
            Map.Entry<Long, Long> next = ranges.ceilingEntry(from);
            if (next == null || next.getKey() >= to) {
                break;
            }
            ranges.remove(next.getKey());
            if (next.getValue() > to) {
                ranges.put(to, next.getValue());
            }
        }
    }

    private void changed(long newLead) {
        lead.set(newLead);
        revision.set(revision.get() + 1);
    }
}
