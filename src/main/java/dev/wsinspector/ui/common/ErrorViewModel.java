package dev.wsinspector.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * What the error window says: the first failure's headline and sentence, every failure's details (later ones
 * appended under a separator, the headline counting them), and what its buttons say. Apart from the window so
 * that a flood of reports is checked without a toolkit.
 */
public final class ErrorViewModel {

    private final boolean fatal;
    private final Consumer<String> clipboard;
    private final String hint;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper copyText = new ReadOnlyStringWrapper("Copy details");
    private int reports;

    /**
     * @param hint      what to do now and where the log is, one or two sentences
     * @param fatal     the app could not start: closing the window quits
     * @param clipboard puts a text on the system clipboard
     */
    public ErrorViewModel(String hint, boolean fatal, Consumer<String> clipboard) {
        this.hint = hint;
        this.fatal = fatal;
        this.clipboard = clipboard;
    }

    /** Adds one report: the first sets the headline; later ones count up and append their details. */
    public void report(String headlineText, String messageText, String detailText) {
        reports++;
        if (reports == 1) {
            headline.set(headlineText);
            message.set(messageText);
            details.set(detailText);
        } else {
            headline.set(headlineText + " (" + reports + " errors)");
            details.set(details.get() + "\n\n---- error " + reports + " ----\n" + detailText);
        }
    }

    public int reports() {
        return reports;
    }

    public boolean fatal() {
        return fatal;
    }

    public String hint() {
        return hint;
    }

    /** What the closing button does: "Quit" when nothing else is shown, else "Close". */
    public String closeText() {
        return fatal ? "Quit" : "Close";
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Versions, paths and stack traces of every report. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** "Copy details", then "Copied". */
    public ReadOnlyStringProperty copyTextProperty() {
        return copyText.getReadOnlyProperty();
    }

    /** Copies headline, sentence and details, for a bug report. */
    public void copy() {
        clipboard.accept(headline.get() + "\n" + message.get() + "\n\n" + details.get());
        copyText.set("Copied");
    }
}
