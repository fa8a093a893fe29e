package dev.wsinspector.core.payload.encode;

/** Makes one message of a format from what the user typed. Implementations are stateless and thread-safe. */
public interface MessageEncoder {

    /**
     * @throws EncodeException saying what is wrong with the input, for people (invalid JSON, a missing event…)
     */
    Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException;
}
