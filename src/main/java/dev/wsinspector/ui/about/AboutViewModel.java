package dev.wsinspector.ui.about;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * The About window's state: the facts it shows and its Copy button, whose label says the facts were copied
 * (there is nothing else to see when the clipboard changes). The clipboard is given, so this is tested without
 * a toolkit.
 */
public final class AboutViewModel {

    private final AboutInfo info;
    private final Consumer<String> clipboard;
    private final ReadOnlyStringWrapper copyText = new ReadOnlyStringWrapper("Copy");

    /** @param clipboard puts a text on the system clipboard */
    public AboutViewModel(AboutInfo info, Consumer<String> clipboard) {
        this.info = info;
        this.clipboard = clipboard;
    }

    public AboutInfo info() {
        return info;
    }

    /** "Copy", then "Copied". */
    public ReadOnlyStringProperty copyTextProperty() {
        return copyText.getReadOnlyProperty();
    }

    /** Copies the facts as plain text, for a bug report. */
    public void copy() {
        clipboard.accept(info.text());
        copyText.set("Copied");
    }
}
