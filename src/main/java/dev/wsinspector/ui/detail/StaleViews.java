package dev.wsinspector.ui.detail;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the detail pane's views are behind their view model. A click pays for the one view the user looks
 * at: only the view on top is filled when the model changes (a JSON tree, a styled document and a hex table
 * each cost milliseconds to fill), the others are marked here and filled when their tab comes on top.
 */
final class StaleViews {

    private final Set<DetailView> stale = EnumSet.noneOf(DetailView.class);

    /**
     * The model's content for {@code view} changed while {@code onTop} is shown (null for none).
     *
     * @return true when {@code view} is to be filled now; otherwise it is marked stale
     */
    boolean changed(DetailView view, DetailView onTop) {
        if (view == onTop) {
            return true;
        }
        stale.add(view);
        return false;
    }

    /** {@code view} came on top: true when it is behind the model and is to be filled (it is no longer stale). */
    boolean cameOnTop(DetailView view) {
        return stale.remove(view);
    }

    /** The views behind the model, in tab order, which count as filled from now on. */
    List<DetailView> takeAll() {
        List<DetailView> all = List.copyOf(stale);
        stale.clear();
        return all;
    }

    boolean isStale(DetailView view) {
        return stale.contains(view);
    }
}
