package dev.wsinspector.ui.detail;

import dev.wsinspector.core.payload.DetailFields;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Name/value table of a frame's header fields or an event's fields; its items are the view model's list. */
public final class FieldsView extends TableView<DetailFields.Field> {

    public FieldsView() {
        getStyleClass().add("fields-table");
        TableColumn<DetailFields.Field, String> name = new TableColumn<>("Field");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.getStyleClass().add("field-name");
        name.setPrefWidth(170);
        name.setMinWidth(80); // "Method", "Result", "Opcode" stay whole beside the Protocol view's tree
        TableColumn<DetailFields.Field, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.getStyleClass().add("field-value");
        value.setPrefWidth(360);
        getColumns().add(name);
        getColumns().add(value);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getSelectionModel().setCellSelectionEnabled(false);
    }
}
