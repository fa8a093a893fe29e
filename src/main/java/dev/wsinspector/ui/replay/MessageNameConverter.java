package dev.wsinspector.ui.replay;

import dev.wsinspector.core.profile.SavedMessage;
import javafx.util.StringConverter;

/** A saved message by its name in a replay's pickers; "(choose)" while none is picked. Pick only, never typed. */
final class MessageNameConverter extends StringConverter<SavedMessage> {

    @Override
    public String toString(SavedMessage m) {
        return m == null ? "(choose)" : m.name();
    }

    @Override
    public SavedMessage fromString(String s) {
        throw new UnsupportedOperationException("saved messages are picked, not typed");
    }
}
