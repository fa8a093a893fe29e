package dev.wsinspector.ui.replay;

import dev.wsinspector.core.profile.SavedMessage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step of a replay sequence as edited: message, delay before it, and what to wait for after it. */
public final class StepDraft {

    /** What a step waits for after sending. */
    public enum Wait {
        NONE("no wait"), REGEX("wait for regex"), JSON("wait for JSON field");

        private final String label;

        Wait(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<SavedMessage> message = new SimpleObjectProperty<>();
    private final StringProperty delayMillis = new SimpleStringProperty("0");
    private final ObjectProperty<Wait> wait = new SimpleObjectProperty<>(Wait.NONE);
    private final StringProperty pattern = new SimpleStringProperty("");
    private final StringProperty jsonPath = new SimpleStringProperty("");
    private final StringProperty jsonValue = new SimpleStringProperty("");
    private final StringProperty timeoutSeconds = new SimpleStringProperty("5");

    public StepDraft(SavedMessage message) {
        this.message.set(message);
    }

    public ObjectProperty<SavedMessage> messageProperty() { return message; }
    public StringProperty delayMillisProperty() { return delayMillis; }
    public ObjectProperty<Wait> waitProperty() { return wait; }
    public StringProperty patternProperty() { return pattern; }
    public StringProperty jsonPathProperty() { return jsonPath; }
    public StringProperty jsonValueProperty() { return jsonValue; }
    public StringProperty timeoutSecondsProperty() { return timeoutSeconds; }
}
