package dev.wsinspector.ui.detail;

import javafx.collections.ObservableListBase;

/**
 * The read-only list {@code 0, 1, …, size-1} without storing it: the items of the hex ListView, whose cells
 * turn an index into a line of the dump only when they are on screen. A 16 MiB payload is a million rows, and
 * this list costs the same for one row as for a million.
 */
final class LineIndexList extends ObservableListBase<Integer> {

    private final int size;

    LineIndexList(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }

    // The defaults scan the whole list; selection code calls these.
    @Override
    public int indexOf(Object o) {
        return o instanceof Integer i && i >= 0 && i < size ? i : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
