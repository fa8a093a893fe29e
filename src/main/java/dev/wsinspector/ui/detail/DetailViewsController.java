package dev.wsinspector.ui.detail;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The six views of the detail pane (DetailViewsView.fxml), bound to its {@link DetailViewModel}. Loaded by
 * {@link DetailPaneController} only when something is first shown (or on prepare), so a new window does not
 * build and style them. Fills only the view on top when the model changes, the others when their tab is
 * selected ({@link StaleViews}).
 */
public final class DetailViewsController {

    private final DetailViewModel model;
    private final StaleViews stale = new StaleViews();
    private final Map<DetailView, Tab> tabByView = new EnumMap<>(DetailView.class);

    @FXML private TabPane detailTabs;
    @FXML private Tab textTab;
    @FXML private Tab jsonTab;
    @FXML private Tab hexTab;
    @FXML private Tab protocolTab;
    @FXML private Tab fieldsTab;
    @FXML private Tab handshakeTab;
    @FXML private StyledTextView textView;
    @FXML private JsonView jsonView;
    @FXML private HexView hexView;
    @FXML private ProtocolView protocolView;
    @FXML private FieldsView fieldsView;
    @FXML private HandshakeView handshakeView;

    public DetailViewsController(DetailViewModel model) {
        this.model = model;
    }

    /** What the model holds now, then every change of it. */
    @FXML
    private void initialize() {
        tab(DetailView.TEXT, textTab);
        tab(DetailView.JSON, jsonTab);
        tab(DetailView.HEX, hexTab);
        tab(DetailView.PROTOCOL, protocolTab);
        tab(DetailView.FIELDS, fieldsTab);
        tab(DetailView.HANDSHAKE, handshakeTab);
        fieldsTab.textProperty().bind(model.fieldsTitleProperty());
        detailTabs.visibleProperty().bind(model.showingProperty());
        hexView.noticeTextProperty().bind(model.hexNoticeProperty());
        fieldsView.setItems(model.getFields());
        protocolView.fields().setItems(model.getProtocolFields());
        handshakeView.bind(model.handshakeRequestProperty(), model.handshakeResponseProperty(),
                model.revealSecretsProperty());

        for (DetailView view : List.of(DetailView.TEXT, DetailView.JSON, DetailView.HEX, DetailView.PROTOCOL)) {
            fill(view);
        }
        enableAvailableTabs();
        model.textContentProperty().addListener((obs, was, now) -> changed(DetailView.TEXT));
        model.jsonContentProperty().addListener((obs, was, now) -> changed(DetailView.JSON));
        model.jsonTreeProperty().addListener((obs, was, now) -> changed(DetailView.JSON));
        model.hexDumpProperty().addListener((obs, was, now) -> changed(DetailView.HEX));
        model.protocolProperty().addListener((obs, was, now) -> changed(DetailView.PROTOCOL));
        model.protocolBodyProperty().addListener((obs, was, now) -> changed(DetailView.PROTOCOL));
        model.getAvailableViews().addListener((ListChangeListener<DetailView>) change -> enableAvailableTabs());
        model.selectedViewProperty().addListener((obs, was, now) -> detailTabs.getSelectionModel().select(tabByView.get(now)));
        detailTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                DetailView view = (DetailView) now.getUserData();
                if (stale.cameOnTop(view)) {
                    fill(view);
                }
                model.selectedViewProperty().set(view);
            }
        });
        detailTabs.getSelectionModel().select(tabByView.get(model.getSelectedView()));
    }

    private void tab(DetailView view, Tab tab) {
        tab.setUserData(view);
        tabByView.put(view, tab);
    }

    private void changed(DetailView view) {
        Tab selected = detailTabs.getSelectionModel().getSelectedItem();
        if (stale.changed(view, selected == null ? null : (DetailView) selected.getUserData())) {
            fill(view);
        }
    }

    private void fill(DetailView view) {
        switch (view) {
            case TEXT -> textView.show(model.textContentProperty().get());
            case JSON -> {
                jsonView.show(model.jsonContentProperty().get());
                jsonView.showTree(model.jsonTreeProperty().get());
            }
            case HEX -> hexView.show(model.hexDumpProperty().get());
            case PROTOCOL -> {
                protocolView.show(model.protocolProperty().get());
                protocolView.showBody(model.protocolBodyProperty().get());
            }
            default -> { }
        }
    }

    private void enableAvailableTabs() {
        tabByView.forEach((view, tab) -> tab.setDisable(!model.getAvailableViews().contains(view)));
    }

    /** The views' tab pane, which the pane places and measures. */
    TabPane tabs() {
        return detailTabs;
    }

    // Handles for tests in this package.

    /** Fills every view that is behind the model (tests look at views whose tab is not on top). */
    DetailViewsController current() {
        stale.takeAll().forEach(this::fill);
        return this;
    }

    StyledTextView textView() {
        return textView;
    }

    JsonView jsonView() {
        return jsonView;
    }

    HexView hexView() {
        return hexView;
    }

    FieldsView fieldsView() {
        return fieldsView;
    }

    ProtocolView protocolView() {
        return protocolView;
    }

    HandshakeView handshakeView() {
        return handshakeView;
    }
}
