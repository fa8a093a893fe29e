package dev.wsinspector.ui.filter;

import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The filter language's completion on a text field: as the caret moves the words {@link FilterCompletion} offers
 * at it pop up under the field; Tab or Enter takes the first (Enter the focused one), Esc hides them. The filter
 * bar and the proxy's breakpoint fields use it.
 */
public final class CompletionPopup {

    private final TextField field;
    private final Runnable accepted;
    private final ContextMenu menu = new ContextMenu();
    private FilterCompletion.Suggestions suggestions = FilterCompletion.Suggestions.NONE;
    private boolean accepting;

    /** @param accepted called once a word was put in the field (the filter bar then waits for a pause again) */
    public CompletionPopup(TextField field, Runnable accepted) {
        this.field = field;
        this.accepted = accepted;
        // The caret moves after the text changed: the word at it is known then.
        field.caretPositionProperty().addListener((o, a, b) -> {
            if (!accepting) {
                suggest();
            }
        });
        // While the popup shows, keys reach it first: Tab takes the first word, Enter the focused one (or the first).
        menu.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean itemFocused = menu.getSkin() != null && menu.getSkin().getNode().lookup(".menu-item:focused") != null;
            if (!suggestions.isEmpty() && (e.getCode() == KeyCode.TAB || (e.getCode() == KeyCode.ENTER && !itemFocused))) {
                accept(suggestions.items().get(0));
                e.consume();
            }
        });
    }

    /** True while a word is being put in: the text changes, but nobody typed. */
    public boolean isAccepting() {
        return accepting;
    }

    public boolean isShowing() {
        return menu.isShowing();
    }

    public void hide() {
        menu.hide();
    }

    /**
     * A key pressed in the field: Tab or Enter while words are offered takes the first, Esc while they show hides
     * them. True when the key was used so (the caller consumes it).
     */
    public boolean key(KeyEvent e) {
        KeyCode code = e.getCode();
        if ((code == KeyCode.TAB || code == KeyCode.ENTER) && menu.isShowing() && !suggestions.isEmpty()) {
            accept(suggestions.items().get(0));
            return true;
        }
        if (code == KeyCode.ESCAPE && menu.isShowing()) {
            menu.hide();
            return true;
        }
        return false;
    }

    private void suggest() {
        suggestions = FilterCompletion.suggest(field.getText(), field.getCaretPosition());
        // The field's own focus, not the window's (a popup may take that).
        boolean owner = field.getScene() != null && field.getScene().getFocusOwner() == field;
        if (suggestions.isEmpty() || !owner) {
            menu.hide();
            return;
        }
        menu.getItems().clear();
        for (String item : suggestions.items()) {
            MenuItem m = new MenuItem(item);
            m.getStyleClass().add("filter-suggestion");
            m.setOnAction(e -> accept(item));
            menu.getItems().add(m);
        }
        if (!menu.isShowing()) {
            menu.show(field, Side.BOTTOM, 0, 0);
        }
    }

    /** Puts {@code item} in place of the word being typed. */
    private void accept(String item) {
        FilterCompletion.Suggestions s = suggestions;
        String text = field.getText();
        if (s.caret() > text.length()) {
            return;
        }
        accepting = true;
        try {
            field.setText(FilterCompletion.accept(text, s, item));
            field.positionCaret(FilterCompletion.caretAfter(s, item));
        } finally {
            accepting = false;
        }
        menu.hide();
        suggestions = FilterCompletion.Suggestions.NONE;
        accepted.run();
    }
}
