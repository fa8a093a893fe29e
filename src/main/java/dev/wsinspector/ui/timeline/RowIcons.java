package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.session.ConnectionEvent;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The timeline's icons as characters of the Material Design Icons font (the one Ikonli's FontIcon draws with, and
 * that the toolbar has loaded): a cell shows one as its text, in that font (app.css, {@code .col-direction}), so an
 * icon costs a row no more than the arrow text did, where a FontIcon node per row would cost a node, its CSS and
 * its layout on every scroll. Frames show their direction; events their kind. Colours come from the row's kind.
 */
final class RowIcons {

    static final String SENT = glyph(MaterialDesignA.ARROW_UP_BOLD);
    static final String RECEIVED = glyph(MaterialDesignA.ARROW_DOWN_BOLD);
    static final String CONNECTING = glyph(MaterialDesignL.LAN_PENDING);
    static final String OPEN = glyph(MaterialDesignL.LAN_CONNECT);
    static final String CLOSED = glyph(MaterialDesignL.LAN_DISCONNECT);
    static final String ERROR = glyph(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
    static final String WARNING = glyph(MaterialDesignA.ALERT_OUTLINE);
    static final String NOTE = glyph(MaterialDesignI.INFORMATION_OUTLINE);

    private static boolean fontLoaded;

    private RowIcons() {
    }

    /** Ikonli registers the font with JavaFX on its first icon; the toolbar's come first, but not in every test. */
    static void loadFont() {
        if (!fontLoaded) {
            fontLoaded = true;
            new FontIcon(MaterialDesignA.ARROW_UP_BOLD);
        }
    }

    static String of(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Connecting) {
            return CONNECTING;
        }
        if (event instanceof ConnectionEvent.Opened) {
            return OPEN;
        }
        if (event instanceof ConnectionEvent.Failed) {
            return ERROR;
        }
        if (event instanceof ConnectionEvent.Reconnecting) {
            return WARNING;
        }
        if (event instanceof ConnectionEvent.Note n) {
            return switch (n.level()) {
                case ConnectionEvent.Note.ERROR -> ERROR;
                case ConnectionEvent.Note.WARNING -> WARNING;
                default -> NOTE;
            };
        }
        return CLOSED;
    }

    private static String glyph(Ikon ikon) {
        return new String(Character.toChars(ikon.getCode()));
    }
}
