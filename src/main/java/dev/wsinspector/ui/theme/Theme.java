package dev.wsinspector.ui.theme;

import dev.wsinspector.core.settings.ThemeChoice;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

import java.util.List;
import java.util.Objects;

/**
 * The light and dark looks: AtlantaFX's Primer Light or Primer Dark as the user-agent stylesheet (for the whole
 * application: dialogs follow too), with our stylesheets on the scene, which build on AtlantaFX's colour
 * variables ({@code -color-fg-default}, {@code -color-accent-emphasis}, …): app.css and detail.css for every
 * theme, light.css or dark.css for the few shades that differ. Which one shows follows the user's
 * {@link ThemeChoice}; for {@link ThemeChoice#SYSTEM}, the desktop's preference ({@link #systemDarkProperty}).
 *
 * <p>A stylesheet is parsed when it becomes the user-agent one (≈ 190 kB each), so the app's window is built with
 * {@link #notShownYet} and shown with the saved choice once it is read ({@link #show}): one parse, and not
 * JavaFX's Modena as well, which the first control would otherwise load.
 */
public final class Theme {

    private static final String BASE = css("app.css");
    private static final String DETAIL = css("detail.css");
    private static final String LIGHT = css("light.css");
    private static final String DARK = css("dark.css");
    /** Keeps JavaFX from loading Modena while the window is built without a theme (it is never styled so). */
    private static final String NONE_YET = css("none-yet.css");
    /*
     * AtlantaFX's stylesheets, pre-compiled (.bss: no CSS parsing). By path, not through its PrimerLight and
     * PrimerDark classes: atlantafx-base 2.1.0 is compiled for Java 21, and the app runs on 17 (the jar ships
     * only these two files: the pom's shade filter).
     */
    private static final String LIGHT_AGENT = css("/atlantafx/base/theme/primer-light.bss");
    private static final String DARK_AGENT = css("/atlantafx/base/theme/primer-dark.bss");

    private final Scene scene;
    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(this, "choice", ThemeChoice.SYSTEM) {
        @Override
        protected void invalidated() {
            apply();
        }
    };
    private final BooleanProperty systemDark = new SimpleBooleanProperty(this, "systemDark") {
        @Override
        protected void invalidated() {
            apply();
        }
    };
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private boolean shown;

    /** Shown at once, light or dark (dialogs and tests). */
    public Theme(Scene scene, boolean dark) {
        this(scene);
        show(dark ? ThemeChoice.DARK : ThemeChoice.LIGHT);
    }

    private Theme(Scene scene) {
        this.scene = Objects.requireNonNull(scene, "scene");
    }

    /** Not shown until {@link #show}: build the window meanwhile, without any stylesheet parsed for it. */
    public static Theme notShownYet(Scene scene) {
        if (Application.getUserAgentStylesheet() == null) {
            Application.setUserAgentStylesheet(NONE_YET);
        }
        return new Theme(scene);
    }

    /** Shows {@code value} (with the system's preference as set now), and from now on every change. */
    public void show(ThemeChoice value) {
        shown = true;
        choice.set(Objects.requireNonNull(value, "value"));
        apply();
    }

    /** The user's pick; the toolbar's theme menu follows it both ways, and whoever remembers it listens. */
    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    public ThemeChoice getChoice() {
        return choice.get();
    }

    public void setChoice(ThemeChoice value) {
        choice.set(Objects.requireNonNull(value, "value"));
    }

    /** Whether the desktop prefers dark ({@link SystemColorScheme}); it decides only while the choice is System. */
    public BooleanProperty systemDarkProperty() {
        return systemDark;
    }

    /** True while the dark look shows. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public boolean isDark() {
        return dark.get();
    }

    private void apply() {
        if (!shown) {
            return;
        }
        boolean value = choice.get() == ThemeChoice.DARK || choice.get() == ThemeChoice.SYSTEM && systemDark.get();
        String agent = value ? DARK_AGENT : LIGHT_AGENT;
        // Setting either again would parse it and restyle every window again, for nothing.
        if (!agent.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(agent);
        }
        List<String> sheets = List.of(DETAIL, BASE, value ? DARK : LIGHT);
        if (!scene.getStylesheets().equals(sheets)) {
            scene.getStylesheets().setAll(sheets);
        }
        dark.set(value);
    }

    private static String css(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), "missing stylesheet " + name).toExternalForm();
    }
}
