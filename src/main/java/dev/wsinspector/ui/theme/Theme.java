package dev.wsinspector.ui.theme;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

import java.util.List;
import java.util.Objects;

/** Light and dark themes: one base stylesheet plus a palette of looked-up colours per theme. */
public final class Theme {

    private static final String BASE = css("app.css");
    private static final String DETAIL = css("detail.css");
    private static final String LIGHT = css("light.css");
    private static final String DARK = css("dark.css");

    private final Scene scene;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark") {
        @Override
        protected void invalidated() {
            apply(get());
        }
    };

    public Theme(Scene scene, boolean dark) {
        this.scene = scene;
        apply(dark);
        this.dark.set(dark);
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    /** True for the dark theme; the toolbar's toggle follows it, and whoever remembers the choice listens. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    private void apply(boolean value) {
        scene.getStylesheets().setAll(List.of(DETAIL, BASE, value ? DARK : LIGHT));
    }

    private static String css(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), "missing stylesheet " + name).toExternalForm();
    }
}
