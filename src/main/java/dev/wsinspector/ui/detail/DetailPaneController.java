package dev.wsinspector.ui.detail;

import dev.wsinspector.ui.common.ViewLoader;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The detail pane's frame (DetailPaneView.fxml): the summary line with the busy mark and the Copy menu, and a
 * placeholder while nothing is selected. The six views ({@link DetailViewsController}) are loaded below the
 * placeholder the first time the model shows something, or on {@link #prepare()}: a new window neither builds
 * nor styles them.
 */
public final class DetailPaneController {

    private final DetailViewModel model;
    private final ViewLoader views;
    private final ChangeListener<Boolean> buildWhenShown = (obs, was, showing) -> {
        if (showing) {
            prepare();
        }
    };
    /** Null until something is shown or {@link #prepare()} is called. */
    private DetailViewsController shown;

    @FXML private HBox detailHeader;
    @FXML private Label detailSummary;
    @FXML private ProgressIndicator detailBusy;
    @FXML private MenuButton detailCopy;
    @FXML private StackPane detailBody;
    @FXML private Label detailPlaceholder;

    public DetailPaneController(DetailViewModel model, ViewLoader views) {
        this.model = model;
        this.views = views;
    }

    @FXML
    private void initialize() {
        detailSummary.textProperty().bind(model.summaryProperty());
        detailBusy.visibleProperty().bind(model.busyProperty());
        detailCopy.disableProperty().bind(model.hasPayloadProperty().not());
        detailPlaceholder.visibleProperty().bind(model.showingProperty().not());
        if (model.showingProperty().get()) {
            prepare();
        } else {
            model.showingProperty().addListener(buildWhenShown);
        }
    }

    /** Builds the views now (if they are not yet), so that the first selection does not pay for it. */
    void prepare() {
        views();
    }

    /** The views, built if need be. */
    DetailViewsController views() {
        if (shown == null) {
            model.showingProperty().removeListener(buildWhenShown);
            ViewLoader.View<Parent, DetailViewsController> loaded = views.load(DetailViewsController.class, model);
            shown = loaded.controller();
            detailBody.getChildren().add(0, loaded.root());
        }
        return shown;
    }

    /** The views if they are built, else null (measuring the pane must not build them). */
    DetailViewsController viewsIfBuilt() {
        return shown;
    }

    Node header() {
        return detailHeader;
    }

    @FXML
    private void copyText() {
        copy(model.payloadAsText());
    }

    @FXML
    private void copyHex() {
        copy(model.payloadAsHex());
    }

    @FXML
    private void copyBase64() {
        copy(model.payloadAsBase64());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
