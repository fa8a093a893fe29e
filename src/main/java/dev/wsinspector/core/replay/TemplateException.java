package dev.wsinspector.core.replay;

/** A template that cannot be resolved; the message is one line for people and says where or what. */
public class TemplateException extends IllegalArgumentException {

    public TemplateException(String message) {
        super(message);
    }
}
