package dev.wsinspector.ui.timeline;

import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;

/**
 * The timeline's layout ({@code TimelineView.fxml}) wired to its {@link TimelineViewModel}. The parts that need
 * the toolkit each keep to one concern: {@link TimelineInput} (mouse, keys, wheel), {@link ViewportBar} (the
 * scroll bar over every row) and {@link TableSelectionMirror} (the selection on screen). After each of the
 * model's moves the bar and the mirror catch up once: at most once per pulse while rows arrive.
 */
public final class TimelineController {

    private final TimelineViewModel model;

    @FXML private TimelineTable timeline;
    @FXML private Label timelinePlaceholder;
    @FXML private ScrollBar timelineScrollBar;
    private ViewportBar bar;
    private TableSelectionMirror mirror;

    public TimelineController(TimelineViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        timeline.fillWidthWithLastColumn();
        timelinePlaceholder.textProperty().bind(model.placeholderProperty());
        bar = new ViewportBar(timelineScrollBar, model);
        mirror = new TableSelectionMirror(timeline, model);
        TimelineInput.install(timeline, model);
        timeline.onFitChanged(this::fitChanged);
        model.onShown(list -> timeline.setItems(list == null ? FXCollections.observableArrayList() : list));
        model.onMoved(this::moved);
        model.selection().revisionProperty().addListener((o, a, b) -> mirror.apply());
    }

    /** The table (the view hands out its rows, its menu and its focus). */
    TimelineTable table() {
        return timeline;
    }

    @FXML
    private void copyRows() {
        model.copySelection();
    }

    private void fitChanged() {
        bar.lineUp(timeline.headerHeight(), timeline.hbarHeight());
        model.fitChanged(timeline.fit());
    }

    private void moved() {
        bar.update(model.rows());
        mirror.apply();
    }
}
