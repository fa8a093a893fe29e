package dev.wsinspector.core.replay;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.profile.SavedMessage;

/** Saved messages turned into bytes: variables resolved, then read by type (text, JSON, hex, base64). */
public final class SavedMessages {

    private SavedMessages() {
    }

    /** The message as it goes out now; counts it for {@code {{counter}}}. Problems name the message. */
    public static ComposedMessage compose(SavedMessage message, Templates templates) {
        return parse(message, () -> templates.resolveMessage(message.body()));
    }

    /** What {@link #compose} would produce, without counting (the composer's preview). */
    public static ComposedMessage preview(SavedMessage message, Templates templates) {
        return parse(message, () -> templates.preview(message.body()));
    }

    private static ComposedMessage parse(SavedMessage message, java.util.function.Supplier<String> body) {
        try {
            return MessageParser.parse(message.type(), body.get());
        } catch (MessageParser.InvalidInputException e) {
            throw new TemplateException(label(message) + e.getMessage());
        } catch (UnknownVariablesException e) {
            throw new TemplateException(label(message) + e.getMessage());
        } catch (TemplateException e) {
            throw new TemplateException(label(message) + e.getMessage());
        }
    }

    private static String label(SavedMessage message) {
        return message.name().isEmpty() ? "" : "Message '" + message.name() + "': ";
    }
}
