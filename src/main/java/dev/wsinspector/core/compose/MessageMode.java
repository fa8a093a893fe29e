package dev.wsinspector.core.compose;

/** How the composer reads what the user typed. */
public enum MessageMode {
    TEXT("Text"),
    JSON("JSON"),
    HEX("Binary (hex)"),
    BASE64("Binary (base64)");

    private final String label;

    MessageMode(String label) {
        this.label = label;
    }

    public boolean isBinary() {
        return this == HEX || this == BASE64;
    }

    @Override
    public String toString() {
        return label;
    }
}
