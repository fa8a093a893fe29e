package dev.wsinspector.ui.theme;

import dev.wsinspector.core.settings.ThemeChoice;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The toolbar's theme control: "Theme" with System, Light and Dark as radio items, in step with
 * {@link Theme#choiceProperty} both ways (the saved choice arrives after the window is built). A menu rather than
 * a toggle, because System is a third state that a light/dark toggle cannot show.
 */
public final class ThemeMenu {

    /** The node id; each item's id is {@code "theme-" + choice.jsonName()} ({@code theme-dark}, …). */
    public static final String ID = "themeMenu";

    private ThemeMenu() {
    }

    public static MenuButton create(Theme theme) {
        MenuButton menu = new MenuButton("Theme");
        menu.setId(ID);
        FontIcon icon = new FontIcon(MaterialDesignT.THEME_LIGHT_DARK);
        icon.getStyleClass().add("bar-icon");
        menu.setGraphic(icon);
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.setTooltip(new Tooltip("Light or dark; System follows the desktop's setting"));
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(label(choice));
            item.setId("theme-" + choice.jsonName());
            item.setUserData(choice);
            item.setToggleGroup(group);
            menu.getItems().add(item);
        }
        select(group, theme.getChoice());
        theme.choiceProperty().addListener((o, was, now) -> select(group, now));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                theme.setChoice((ThemeChoice) now.getUserData());
            } else if (was != null) {
                was.setSelected(true);  // a radio item clicked again stays chosen
            }
        });
        return menu;
    }

    private static String label(ThemeChoice choice) {
        return switch (choice) {
            case SYSTEM -> "System";
            case LIGHT -> "Light";
            case DARK -> "Dark";
        };
    }

    private static void select(ToggleGroup group, ThemeChoice choice) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == choice && !toggle.isSelected()) {
                toggle.setSelected(true);
            }
        }
    }
}
