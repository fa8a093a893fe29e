package dev.wsinspector.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The problem lines of one import. Bounded: a file that is broken on every line would otherwise produce a list
 * as long as itself; past the cap, problems are counted and summed up in one last line.
 */
final class Problems {

    static final int MAX_LISTED = 200;

    private final List<String> listed = new ArrayList<>();
    private final List<String> closing = new ArrayList<>();
    private long unlisted;

    void add(String problem) {
        if (listed.size() < MAX_LISTED) {
            listed.add(problem);
        } else {
            unlisted++;
        }
    }

    /** A problem listed past the cap too, last: where a file is cut off or broken (at most one per import). */
    void addClosing(String problem) {
        closing.add(problem);
    }

    boolean isEmpty() {
        return listed.isEmpty() && closing.isEmpty();
    }

    String first() {
        return !listed.isEmpty() ? listed.get(0) : closing.isEmpty() ? null : closing.get(0);
    }

    List<String> toList() {
        List<String> all = new ArrayList<>(listed);
        if (unlisted > 0) {
            all.add("… and " + unlisted + " more problem" + (unlisted == 1 ? "" : "s") + " not listed");
        }
        all.addAll(closing);
        return all;
    }
}
