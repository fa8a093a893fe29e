package dev.wsinspector.ui.messages;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.profile.SavedMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The message library's list logic and what it saves, without the toolkit. */
class SavedMessagesViewModelTest {

    private final List<SavedMessage> saved = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private String saveProblem = "";
    private SavedMessagesViewModel model;

    @BeforeEach
    void setUp() {
        model = new SavedMessagesViewModel(m -> {
            sent.add(m.name());
            return m.body().contains("{{nope}}") ? "Not sent: Unknown variable {{nope}}" : null;
        }, (change, result) -> {
            List<SavedMessage> next = change.apply(List.copyOf(saved));
            saved.clear();
            saved.addAll(next);
            result.accept(saveProblem);
        });
        model.availableProperty().set(true);
        saved.addAll(List.of(SavedMessage.text("a", "1"), SavedMessage.text("b", "2"), SavedMessage.text("c", "3")));
        model.show(saved);
    }

    @Test
    void reorderingIsSavedInTheNewOrder() {
        model.moveDown(0);
        model.moveUp(2);
        model.moveUp(0); // already first: nothing happens

        assertThat(model.messages()).extracting(SavedMessage::name).containsExactly("b", "c", "a");
        assertThat(saved).extracting(SavedMessage::name).containsExactly("b", "c", "a");
    }

    @Test
    void sendOnConnectTogglesAndEditsReplace() {
        model.toggleSendOnConnect(1);
        assertThat(saved.get(1).sendOnConnect()).isTrue();
        model.replace(2, new SavedMessage("c2", MessageMode.JSON, "{}"));
        model.delete(0);
        assertThat(saved).extracting(SavedMessage::name).containsExactly("b", "c2");
    }

    @Test
    void addAppendsToTheLatestSavedListAndReportsFailures() {
        saveProblem = "Profile 'x' was changed by another program";
        model.add(SavedMessage.text("d", "4"));
        assertThat(saved).extracting(SavedMessage::name).containsExactly("a", "b", "c", "d");
        assertThat(model.statusProperty().get()).isEqualTo("Not saved: Profile 'x' was changed by another program");
    }

    @Test
    void aTabWithoutProfileCannotKeepMessages() {
        model.availableProperty().set(false);
        model.add(SavedMessage.text("d", "4"));
        assertThat(saved).hasSize(3);
        assertThat(model.statusProperty().get()).contains("Open a profile");
    }

    @Test
    void sendReportsWhyNot() {
        model.send(1);
        assertThat(model.statusProperty().get()).isEqualTo("Sent 'b'");
        model.replace(0, SavedMessage.text("a", "hi {{nope}}"));
        model.send(0);
        assertThat(model.statusProperty().get()).contains("Unknown variable");
        assertThat(sent).containsExactly("b", "a");
    }

    @Test
    void theFormChecksNameAndBodyByType() {
        SavedMessageForm form = new SavedMessageForm(new SavedMessage("", MessageMode.HEX, "zz"));
        assertThat(form.validate()).isFalse();
        assertThat(form.problemProperty().get()).contains("name");
        form.nameProperty().set("bytes");
        assertThat(form.validate()).isFalse();
        form.bodyProperty().set("{{payload}}"); // resolved when sent
        assertThat(form.validate()).isTrue();
        form.bodyProperty().set("de ad");
        form.sendOnConnectProperty().set(true);
        assertThat(form.validate()).isTrue();
        assertThat(form.toMessage()).isEqualTo(new SavedMessage("bytes", "", MessageMode.HEX, "de ad", true, null));
    }
}
