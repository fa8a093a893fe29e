package dev.wsinspector.ui.profiles;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An environment being edited: its name and its variables (which override the profile's). */
public final class EnvironmentDraft {

    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<EditableEntry> values = FXCollections.observableArrayList();

    public EnvironmentDraft(String name) {
        this.name.set(name);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get().strip();
    }

    public ObservableList<EditableEntry> values() {
        return values;
    }

    @Override
    public String toString() {
        return name.get();
    }
}
