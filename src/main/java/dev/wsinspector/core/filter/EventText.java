package dev.wsinspector.core.filter;

import dev.wsinspector.core.session.ConnectionEvent;

/**
 * The text an event row offers to the text and regex terms: what it says, roughly as the timeline and the CLI's
 * lines say it (the URL of a connect or an open, a close's code and reason, a failure's message, a note).
 */
final class EventText {

    private EventText() {
    }

    static String of(ConnectionEvent e) {
        if (e instanceof ConnectionEvent.Connecting c) {
            return "connecting " + c.url();
        } else if (e instanceof ConnectionEvent.Opened o) {
            return "open " + o.url();
        } else if (e instanceof ConnectionEvent.Closed c) {
            return "close " + c.code() + " " + c.reason();
        } else if (e instanceof ConnectionEvent.Failed f) {
            return "error " + f.message();
        } else if (e instanceof ConnectionEvent.Reconnecting r) {
            return r.message();
        } else if (e instanceof ConnectionEvent.Note n) {
            return n.level() + " " + n.message();
        }
        return e.toString();
    }
}
