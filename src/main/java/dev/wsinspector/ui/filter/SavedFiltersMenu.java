package dev.wsinspector.ui.filter;

import dev.wsinspector.core.profile.SavedFilter;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;

/**
 * The saved filters' menu button beside the filter field: one entry a filter (applies it), "Save current…" (asks
 * for a name) and "Delete" with one entry a filter. Disabled, with a tooltip saying why, in a tab without a
 * profile. The list is {@link SavedFiltersModel}'s.
 */
final class SavedFiltersMenu {

    private final MenuButton button;
    private final Node holder;
    private final SavedFiltersModel saved;
    private final FilterBarViewModel bar;
    private final TextField field;
    private final Tooltip tip = new Tooltip();

    SavedFiltersMenu(MenuButton button, Node holder, SavedFiltersModel saved, FilterBarViewModel bar, TextField field) {
        this.button = button;
        this.holder = holder;
        this.saved = saved;
        this.bar = bar;
        this.field = field;
        button.disableProperty().bind(saved.availableProperty().not());
        tip.textProperty().bind(saved.whyNotProperty());
        saved.whyNotProperty().addListener((o, a, why) -> tooltip());
        saved.availableProperty().addListener((o, a, b) -> tooltip());
        button.setTooltip(new Tooltip("Saved filters of this profile"));
        tooltip();
        saved.filters().addListener((ListChangeListener<SavedFilter>) c -> rebuild());
        rebuild();
    }

    /** A disabled control shows no tooltip: the reason sits on the pane around it while it is disabled. */
    private void tooltip() {
        boolean why = !saved.availableProperty().get();
        Tooltip.uninstall(holder, tip);
        if (why) {
            Tooltip.install(holder, tip);
        }
    }

    private void rebuild() {
        button.getItems().clear();
        for (SavedFilter f : saved.filters()) {
            MenuItem use = new MenuItem(f.name() + "  —  " + f.expression());
            use.setMnemonicParsing(false);
            use.getStyleClass().add("saved-filter");
            use.setOnAction(e -> {
                bar.expressionProperty().set(f.expression());
                bar.apply();
            });
            button.getItems().add(use);
        }
        if (!saved.filters().isEmpty()) {
            button.getItems().add(new SeparatorMenuItem());
        }
        MenuItem save = new MenuItem("Save current…");
        save.setId("saveFilterMenu");
        save.disableProperty().bind(bar.expressionProperty().isEmpty());
        save.setOnAction(e -> askName());
        button.getItems().add(save);
        Menu delete = new Menu("Delete");
        delete.setId("deleteFilterMenu");
        delete.setDisable(saved.filters().isEmpty());
        for (SavedFilter f : saved.filters()) {
            MenuItem d = new MenuItem(f.name());
            d.setMnemonicParsing(false);
            d.setOnAction(e -> saved.delete(f.name()));
            delete.getItems().add(d);
        }
        button.getItems().add(delete);
    }

    private void askName() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Save filter");
        dialog.setHeaderText("Keep this filter in the profile:\n" + bar.expressionProperty().get());
        dialog.setContentText("Name:");
        dialog.getEditor().setId("filterNameField");
        if (field.getScene() != null) {
            dialog.initOwner(field.getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(name -> saved.save(name, bar.expressionProperty().get()));
    }
}
