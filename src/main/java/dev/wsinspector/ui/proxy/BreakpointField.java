package dev.wsinspector.ui.proxy;

import dev.wsinspector.ui.filter.CompletionPopup;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * A breakpoint's field, kept as the filter bar keeps its own: Enter or a pause in typing applies the expression,
 * Esc clears it, a mistake marks the field ({@code filter-invalid}) and shows under it with the caret put at its
 * position on Enter. The words of the filter language are offered as one types ({@code ui.filter}'s completion).
 */
final class BreakpointField {

    /** As long as the filter bar's pause. */
    private static final Duration TYPING_PAUSE = Duration.millis(500);

    private final TextField field;
    private final BreakpointModel model;
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    private final CompletionPopup completion;

    BreakpointField(TextField field, Label error, BreakpointModel model) {
        this.field = field;
        this.model = model;
        field.textProperty().bindBidirectional(model.expressionProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.activeProperty().get().isEmpty()
                ? "No breakpoint: every message passes. The filter bar's language: text, /regex/, $.path == 1, size>1k, type:binary…"
                : "Holding what matches: " + model.activeProperty().get(), model.activeProperty()));
        field.setTooltip(tip);
        typing.setOnFinished(e -> model.apply());
        completion = new CompletionPopup(field, typing::playFromStart);
        field.textProperty().addListener((o, a, b) -> {
            if (!completion.isAccepting()) {
                typing.playFromStart();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        model.errorPositionProperty().addListener((o, a, at) -> mark(at.intValue()));
    }

    private void key(KeyEvent e) {
        if (completion.key(e)) {
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            typing.stop();
            model.apply();
            int at = model.errorPositionProperty().get();
            if (at >= 0) {
                field.positionCaret(Math.min(at, field.getLength()));
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            typing.stop();
            model.clear();
            e.consume();
        }
    }

    private void mark(int at) {
        field.getStyleClass().remove("filter-invalid");
        if (at >= 0) {
            field.getStyleClass().add("filter-invalid");
        }
    }
}
