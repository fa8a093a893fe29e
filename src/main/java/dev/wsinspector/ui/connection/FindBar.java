package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.timeline.FrameSearch;
import dev.wsinspector.ui.timeline.TimelineList;
import dev.wsinspector.ui.timeline.TimelineView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Find in capture, under a tab's timeline bar: a query, Previous / Next (Enter, Shift+Enter), a status and ✕
 * (Esc). Hidden until {@link #open()}. The search ({@link FrameSearch}) runs off the FX thread, from the selected
 * row on, wrapping once; a newer search supersedes an older one. The FX thread only scrolls the timeline
 * to the match and selects it.
 */
final class FindBar extends HBox {

    private final TimelineView timeline;
    private final Supplier<BackgroundTasks> tasks;
    /** Key of this bar's search in {@link #tasks}. */
    private final Object key = new Object();
    private final TextField field = new TextField();
    private final Label status = new Label();

    /**
     * @param tasks runs the search
     */
    FindBar(TimelineView timeline, Supplier<BackgroundTasks> tasks) {
        super(6);
        this.timeline = timeline;
        this.tasks = tasks;
        field.setId("findField");
        field.setPromptText("Find in capture (Enter: next, Shift+Enter: previous)");
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(420);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                find(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        field.textProperty().addListener((o, a, b) -> status.setText(""));
        Button previous = new Button("Previous");
        previous.setId("findPreviousButton");
        previous.setOnAction(e -> find(false));
        Button next = new Button("Next");
        next.setId("findNextButton");
        next.setOnAction(e -> find(true));
        Button closeButton = new Button("✕");
        closeButton.setId("findCloseButton");
        closeButton.setTooltip(new Tooltip("Close (Esc)"));
        closeButton.setOnAction(e -> close());
        status.setId("findStatus");
        status.getStyleClass().add("find-status");
        getChildren().setAll(new Label("Find:"), field, previous, next, status, closeButton);
        setId("findBar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 8, 6, 8));
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Shows the bar and puts the cursor in its field. */
    void open() {
        setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    private void close() {
        tasks.get().cancel(key);
        setVisible(false);
        status.setText("");
        timeline.requestFocus();
    }

    /** Searches from the selected row on (the first row when nothing is selected) in the background. */
    private void find(boolean forward) {
        TimelineList rows = timeline.rows();
        String query = field.getText();
        if (rows == null || query == null || query.isEmpty()) {
            status.setText(rows == null ? "no capture" : "");
            return;
        }
        long from = timeline.selection().lead();
        FrameSearch search = new FrameSearch(rows.searchRows(), query);
        status.setText("searching…");
        tasks.get().submitLatest(key, () -> Optional.ofNullable(search.find(from, forward)),
                found -> show(rows, found.orElse(null)),
                e -> status.setText(e instanceof CancellationException ? "" : "search failed"));
    }

    /** Scrolls to the match and selects it; "no match" when there is none (or the capture changed). */
    private void show(TimelineList rows, FrameSearch.Match match) {
        if (match == null || rows != timeline.rows() || !timeline.selectRow(match.row())) {
            status.setText("no match");
            return;
        }
        status.setText((match.isFrame() ? "frame #" + match.seq() : "event row " + (match.row() + 1))
                + (match.wrapped() ? " (wrapped)" : ""));
    }
}
