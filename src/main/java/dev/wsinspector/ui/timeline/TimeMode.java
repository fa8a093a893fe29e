package dev.wsinspector.ui.timeline;

/** How the timeline's time column reads. */
public enum TimeMode {
    ABSOLUTE("Clock time"),
    SINCE_PREVIOUS("Since previous row"),
    SINCE_CONNECT("Since connect");

    private final String label;

    TimeMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
