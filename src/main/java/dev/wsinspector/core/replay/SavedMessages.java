package dev.wsinspector.core.replay;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.profile.SavedMessage;

/** Saved messages turned into bytes: variables resolved, then read by type (text, JSON, hex, base64). */
public final class SavedMessages {

    private SavedMessages() {
    }

    /** The message as it goes out now; counts it for {@code {{counter}}}. Problems name the message. */
    public static ComposedMessage compose(SavedMessage message, Templates templates) {
        if (message.type() == MessageMode.PROTOCOL) {
            preview(message, templates); // checked in full first, so a bad message never counts {{counter}}
            return encode(message, templates::resolveMessage, templates::resolve);
        }
        return parse(message, () -> templates.resolveMessage(message.body()));
    }

    /** What {@link #compose} would produce, without counting (the composer's preview). */
    public static ComposedMessage preview(SavedMessage message, Templates templates) {
        if (message.type() == MessageMode.PROTOCOL) {
            return encode(message, templates::preview, templates::preview);
        }
        return parse(message, () -> templates.preview(message.body()));
    }

    /**
     * A protocol message: its body and then its format's inputs resolved (the body counts the message once, the
     * inputs see the same {@code {{counter}}}), then encoded again (ids from a fresh counter: each saved send of a
     * JSON-RPC call without an id says id 1).
     */
    private static ComposedMessage encode(SavedMessage message, java.util.function.UnaryOperator<String> body,
                                          java.util.function.UnaryOperator<String> resolve) {
        MessageFormat format = MessageFormat.byId(message.format().id()).orElseThrow(() -> new TemplateException(
                label(message) + "unknown format '" + message.format().id() + "'"));
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        try {
            String resolvedBody = body.apply(message.body());
            message.format().params().forEach((k, v) -> params.put(k, resolve.apply(v)));
            Encoded encoded = format.encode(new EncodeRequest(resolvedBody, params),
                    EncodeContext.fresh());
            return encoded.text() ? ComposedMessage.text(encoded.asText()) : new ComposedMessage(true, encoded.payload());
        } catch (EncodeException e) {
            throw new TemplateException(label(message) + e.getMessage());
        } catch (TemplateException e) {
            throw new TemplateException(label(message) + e.getMessage());
        }
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
