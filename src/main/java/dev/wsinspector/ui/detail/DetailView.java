package dev.wsinspector.ui.detail;

/** The views of the detail pane, in tab order. */
public enum DetailView {
    TEXT("Text"),
    JSON("JSON"),
    HEX("Hex"),
    /** The payload read as a sub-protocol message (Socket.IO, JSON-RPC, STOMP, GraphQL); only when one is recognised. */
    PROTOCOL("Protocol"),
    /** Header fields of a frame, or the fields of a connection event. */
    FIELDS("Frame"),
    HANDSHAKE("Handshake");

    private final String title;

    DetailView(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
