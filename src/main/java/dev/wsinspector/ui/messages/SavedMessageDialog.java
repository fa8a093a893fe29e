package dev.wsinspector.ui.messages;

import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Edits one saved message (its fields are SavedMessageFormView.fxml over {@link SavedMessageForm}). Not modal, so
 * the user can look at the timeline while editing; Save checks the form first and stays open on a problem.
 */
public final class SavedMessageDialog extends Dialog<SavedMessage> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final SavedMessageForm form;

    public SavedMessageDialog(ViewLoader views, Window owner, String title, SavedMessage initial,
                              Consumer<SavedMessage> onSave) {
        form = new SavedMessageForm(initial);
        initOwner(owner);
        initModality(Modality.NONE);
        setResizable(true);
        setTitle(title);
        getDialogPane().setId("savedMessageEditor");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        getDialogPane().setContent(views.load(SavedMessageFormController.class, form).root());

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("saveMessageButton");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!form.validate()) {
                e.consume(); // stays open, the problem is shown under the body
            }
        });
        setResultConverter(b -> b == SAVE ? form.toMessage() : null);
        resultProperty().addListener((o, a, message) -> {
            if (message != null) {
                onSave.accept(message);
            }
        });
    }

    public SavedMessageForm form() {
        return form;
    }
}
