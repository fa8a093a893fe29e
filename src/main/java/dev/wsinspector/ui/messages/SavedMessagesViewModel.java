package dev.wsinspector.ui.messages;

import dev.wsinspector.core.profile.SavedMessage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The message library of the tab's profile. Edits show at once and are saved into the profile through
 * {@link Store} (off the FX thread); a failed save is reported in {@link #statusProperty()}, and the list is
 * replaced by the profile's when it comes back from disk ({@link #show}).
 */
public final class SavedMessagesViewModel {

    /** Saves a change of the profile's message list; reports "" when saved, else why not. */
    @FunctionalInterface
    public interface Store {
        void update(UnaryOperator<List<SavedMessage>> change, Consumer<String> result);
    }

    private final Function<SavedMessage, String> sender;
    private final Store store;
    private final ObservableList<SavedMessage> messages = FXCollections.observableArrayList();
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param sender sends one message now; returns why not (e.g. not connected, unknown variable), or null
     * @param store  saves changes into the profile
     */
    public SavedMessagesViewModel(Function<SavedMessage, String> sender, Store store) {
        this.sender = sender;
        this.store = store;
    }

    public ObservableList<SavedMessage> messages() {
        return messages;
    }

    /** True in a tab opened from a profile (others have no library to save into). */
    public BooleanProperty availableProperty() {
        return available;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The profile's messages as loaded or saved. */
    public void show(List<SavedMessage> list) {
        if (!messages.equals(list)) {
            messages.setAll(list);
        }
    }

    public void send(int index) {
        if (valid(index)) {
            String problem = sender.apply(messages.get(index));
            status.set(problem == null ? "Sent '" + messages.get(index).name() + "'" : problem);
        }
    }

    public void moveUp(int index) {
        if (index > 0 && valid(index)) {
            swap(index, index - 1);
        }
    }

    public void moveDown(int index) {
        if (valid(index) && index < messages.size() - 1) {
            swap(index, index + 1);
        }
    }

    public void toggleSendOnConnect(int index) {
        if (valid(index)) {
            SavedMessage m = messages.get(index);
            replace(index, m.withSendOnConnect(!m.sendOnConnect()));
        }
    }

    public void replace(int index, SavedMessage message) {
        if (valid(index)) {
            messages.set(index, message);
            saveAll();
        }
    }

    public void delete(int index) {
        if (valid(index)) {
            messages.remove(index);
            saveAll();
        }
    }

    /** Adds to the end of the library (Save from composer, Save this frame). */
    public void add(SavedMessage message) {
        if (!available.get()) {
            status.set("Open a profile to keep messages: this tab has none");
            return;
        }
        messages.add(message);
        status.set("Saving '" + message.name() + "'…");
        store.update(list -> {
            List<SavedMessage> out = new ArrayList<>(list);
            out.add(message);
            return out;
        }, this::saved);
    }

    private void swap(int a, int b) {
        SavedMessage first = messages.get(a);
        messages.set(a, messages.get(b));
        messages.set(b, first);
        saveAll();
    }

    /** The list as the user sees it now becomes the profile's. */
    private void saveAll() {
        List<SavedMessage> snapshot = List.copyOf(messages);
        store.update(list -> snapshot, this::saved);
    }

    private void saved(String problem) {
        status.set(problem.isEmpty() ? "" : "Not saved: " + problem);
    }

    private boolean valid(int index) {
        return index >= 0 && index < messages.size();
    }
}
