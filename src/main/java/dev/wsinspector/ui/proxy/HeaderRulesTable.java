package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.proxy.HeaderRule;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The handshake-rewrite table's cells: on the request or the response, add / set / remove, the name and value. */
final class HeaderRulesTable {

    private HeaderRulesTable() {
    }

    static void bind(TableView<HeaderRuleRow> table, TableColumn<HeaderRuleRow, HeaderRule.Side> side,
                     TableColumn<HeaderRuleRow, HeaderRule.Action> action, TableColumn<HeaderRuleRow, String> name,
                     TableColumn<HeaderRuleRow, String> value, ObservableList<HeaderRuleRow> rows) {
        table.setItems(rows);
        side.setCellValueFactory(c -> c.getValue().sideProperty());
        side.setCellFactory(ChoiceBoxTableCell.forTableColumn(converter(s -> s == HeaderRule.Side.REQUEST
                ? "Request" : "Response"), HeaderRule.Side.values()));
        action.setCellValueFactory(c -> c.getValue().actionProperty());
        action.setCellFactory(ChoiceBoxTableCell.forTableColumn(converter(a -> switch (a) {
            case ADD -> "Add";
            case SET -> "Set";
            case REMOVE -> "Remove";
        }), HeaderRule.Action.values()));
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
    }

    /** Names for the choices of a choice box (it is never typed into). */
    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices only");
            }
        };
    }
}
