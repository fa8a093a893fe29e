package dev.wsinspector.core.compose;

import java.util.List;

/** How the composer reads what the user typed. */
public enum MessageMode {
    TEXT("Text"),
    JSON("JSON"),
    HEX("Binary (hex)"),
    BASE64("Binary (base64)"),
    /**
     * A crafted frame ({@code core.frame.FrameSpec}): the composer's frame fields say how it goes on the wire, the
     * input is its payload. Composer only: it is no message, so saved messages and profiles never hold it.
     */
    FRAME("Frame (crafted)"),
    /**
     * The input written as a protocol message or binary format ({@code core.payload.encode.MessageFormat}:
     * MessagePack, CBOR, protobuf, Socket.IO, SignalR, STOMP, MQTT, JSON-RPC …), chosen with its own inputs in the
     * composer; a saved message keeps the format and its inputs ({@code core.profile.SavedMessage.Format}).
     */
    PROTOCOL("Protocol / format");

    private static final List<MessageMode> SAVABLE = List.of(TEXT, JSON, HEX, BASE64, PROTOCOL);

    private final String label;

    MessageMode(String label) {
        this.label = label;
    }

    public boolean isBinary() {
        return this == HEX || this == BASE64;
    }

    /** False for {@link #FRAME}, which a saved message cannot hold. */
    public boolean isSavable() {
        return SAVABLE.contains(this);
    }

    /** The modes a saved message may have. */
    public static List<MessageMode> savable() {
        return SAVABLE;
    }

    @Override
    public String toString() {
        return label;
    }
}
