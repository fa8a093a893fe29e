package dev.wsinspector.ui.filter;

import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The filter bar (FilterBarView.fxml) bound to its {@link FilterBarViewModel}: Enter or a pause in typing applies
 * the expression, Esc or ✕ clears it; the completion popup offers {@link FilterCompletion}'s words (Tab or Enter
 * takes the first); a mistake puts the caret at its position and marks the field. The saved filters' menu is
 * {@link SavedFiltersMenu}'s.
 */
public final class FilterBarController {

    /** A pause in typing this long applies the expression. */
    static final Duration TYPING_PAUSE = Duration.millis(500);

    private final FilterBarViewModel model;
    private final SavedFiltersModel saved;
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    private CompletionPopup completion;

    @FXML private VBox filterBar;
    @FXML private TextField filterField;
    @FXML private Button filterClear;
    @FXML private CheckBox hideHeartbeats;
    @FXML private CheckBox showFragments;
    @FXML private MenuButton savedFilters;
    @FXML private StackPane savedFiltersHolder;
    @FXML private ProgressBar filterProgress;
    @FXML private Button filterCancel;
    @FXML private Label filterCount;
    @FXML private Label filterError;

    public FilterBarController(FilterBarViewModel model, SavedFiltersModel saved) {
        this.model = model;
        this.saved = saved;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(model.expressionProperty());
        hideHeartbeats.selectedProperty().bindBidirectional(model.hideHeartbeatsProperty());
        showFragments.selectedProperty().bindBidirectional(model.showFragmentsProperty());
        filterCount.textProperty().bind(model.countProperty());
        filterError.textProperty().bind(model.errorProperty());
        filterError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        filterError.managedProperty().bind(filterError.visibleProperty());
        filterProgress.progressProperty().bind(model.progressProperty());
        filterProgress.visibleProperty().bind(model.runningProperty());
        filterProgress.managedProperty().bind(filterProgress.visibleProperty());
        filterCancel.visibleProperty().bind(model.runningProperty());
        filterCancel.managedProperty().bind(filterCancel.visibleProperty());
        filterClear.disableProperty().bind(model.expressionProperty().isEmpty());
        model.errorPositionProperty().addListener((o, a, at) -> markError(at.intValue()));
        typing.setOnFinished(e -> model.apply());
        completion = new CompletionPopup(filterField, typing::playFromStart);
        filterField.textProperty().addListener((o, a, b) -> {
            if (!completion.isAccepting()) {
                typing.playFromStart();
            }
        });
        filterField.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        new SavedFiltersMenu(savedFilters, savedFiltersHolder, saved, model, filterField);
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        if (completion.key(e)) {
            e.consume();
        } else if (code == KeyCode.ENTER) {
            typing.stop();
            model.apply();
            int at = model.errorPositionProperty().get();
            if (at >= 0) { // Enter puts the caret at the mistake; a pause in typing leaves it where one types
                filterField.positionCaret(Math.min(at, filterField.getLength()));
            }
            e.consume();
        } else if (code == KeyCode.ESCAPE) {
            clear();
            e.consume();
        }
    }

    private void markError(int at) {
        filterField.getStyleClass().remove("filter-invalid");
        if (at >= 0) {
            filterField.getStyleClass().add("filter-invalid");
        }
    }

    /** Puts the cursor in the field (Ctrl+L). */
    public void focus() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    @FXML
    private void clear() {
        typing.stop();
        completion.hide();
        model.clear();
    }

    @FXML
    private void cancel() {
        typing.stop();
        model.cancel();
    }
}
