package dev.wsinspector.ui.detail;

import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The detail pane beside the timeline: Text, JSON, Hex, Protocol, Frame and Handshake views of the selected row, the
 * best one picked automatically, and copy actions for the payload. All state lives in
 * {@link DetailViewModel}; this class only builds the nodes and binds them. The views are built the first time
 * something is shown (or on {@link #prepare()}): until then only a placeholder is visible, so a new window does
 * not build and style them. Call it from the FX thread.
 *
 * <p>Styling: add {@link #STYLESHEET} to the scene before the theme's stylesheet, so the theme's
 * looked-up colours win over the defaults in it.
 */
public final class DetailPane extends BorderPane {

    /** Room after the last tab header, so that rounding never brings the tab pane's overflow menu up. */
    private static final double HEADER_SLACK = 12;
    /** The views' tab headers (in the tab pane's skin), looked up once for {@link #computeMinWidth}. */
    private Node tabHeaders;

    /** URL of the pane's stylesheet (CSS classes and default looked-up colours). */
    public static final String STYLESHEET = Objects.requireNonNull(
            DetailPane.class.getResource("/dev/wsinspector/ui/theme/detail.css"), "detail.css").toExternalForm();

    private final DetailViewModel viewModel;
    /** The placeholder, and below it the views once built. */
    private final StackPane body;
    private final ChangeListener<Boolean> buildWhenShown = (obs, was, showing) -> {
        if (showing) {
            prepare();
        }
    };
    /** Null until something is shown or {@link #prepare()} is called: at start only the placeholder is visible. */
    private Views views;

    public DetailPane(BackgroundTasks tasks) {
        this(new DetailViewModel(tasks));
    }

    public DetailPane(DetailViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("detail-pane");
        setTop(header());
        Label placeholder = new Label("Select a frame or a connection event to see its details.");
        placeholder.getStyleClass().add("detail-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMinWidth(0);
        StackPane.setMargin(placeholder, new javafx.geometry.Insets(8));
        placeholder.visibleProperty().bind(viewModel.showingProperty().not());
        body = new StackPane(placeholder);
        setCenter(body);
        if (viewModel.showingProperty().get()) {
            prepare();
        } else {
            viewModel.showingProperty().addListener(buildWhenShown);
        }
    }

    /**
     * Builds the views now (they are otherwise built the first time something is shown), so that the first
     * selection does not pay for it. Does nothing once they are built.
     */
    public void prepare() {
        views();
    }

    /** Shows a frame; {@code partOfTextMessage} marks a continuation frame of a text message. */
    public void showFrame(Frame frame, boolean partOfTextMessage) {
        viewModel.showFrame(frame, partOfTextMessage);
    }

    /**
     * The connection's negotiated subprotocol and URL, so that frames shown from now on are decoded as its
     * sub-protocol (Socket.IO, STOMP, GraphQL, JSON-RPC); {@code null} or {@link ProtocolHint#NONE} when unknown.
     */
    public void setProtocolHint(ProtocolHint hint) {
        viewModel.setProtocolHint(hint);
    }

    /** Shows a connection event (the handshake for Opened and for a refused upgrade). */
    public void showEvent(ConnectionEvent event) {
        viewModel.showEvent(event);
    }

    /**
     * Never narrower than the views' tab headers: a split pane gives the room to the timeline's preview instead
     * of hiding a view behind the tab pane's overflow menu.
     */
    @Override
    protected double computeMinWidth(double height) {
        // Not the views' own minimum (a hex table's columns): they scroll, their tab headers must not.
        Node top = getTop();
        double min = (top == null ? 0 : top.minWidth(-1)) + snappedLeftInset() + snappedRightInset();
        if (views != null) {
            // The tabs themselves (the header area's own preferred width also counts its hidden menu button).
            if (tabHeaders == null) {
                tabHeaders = views.tabs.lookup(".headers-region"); // once the skin is there; then kept
            }
            Node headers = tabHeaders;
            if (headers != null && headers.getParent() instanceof Region area) {
                min = Math.max(min, headers.prefWidth(-1) + area.snappedLeftInset() + area.snappedRightInset()
                        + HEADER_SLACK + snappedLeftInset() + snappedRightInset());
            }
        }
        return min;
    }

    /** Shows nothing, for when the selection is empty. */
    public void clear() {
        viewModel.clear();
    }

    public DetailViewModel viewModel() {
        return viewModel;
    }

    private Views views() {
        if (views == null) {
            viewModel.showingProperty().removeListener(buildWhenShown);
            views = new Views();
            body.getChildren().add(0, views.tabs);
        }
        return views;
    }

    private Node header() {
        Label summary = new Label();
        summary.getStyleClass().add("detail-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("detail-busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        MenuButton copy = new MenuButton("Copy");
        copy.getStyleClass().add("detail-copy");
        copy.getItems().addAll(copyItem("Copy payload as text", viewModel::payloadAsText),
                copyItem("Copy payload as hex", viewModel::payloadAsHex),
                copyItem("Copy payload as base64", viewModel::payloadAsBase64));
        copy.disableProperty().bind(viewModel.hasPayloadProperty().not());
        copy.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinWidth(0);
        HBox bar = new HBox(summary, busy, grow, copy);
        bar.getStyleClass().add("detail-header");
        return bar;
    }

    /** The tab pane with the six views, bound to the view model; shows what the model holds when built. */
    private final class Views {
        final TabPane tabs = new TabPane();
        final Map<DetailView, Tab> tabByView = new EnumMap<>(DetailView.class);
        final StyledTextView textView = new StyledTextView("text-area-view", true);
        final JsonView jsonView = new JsonView();
        final HexView hexView = new HexView(viewModel.hexNoticeProperty());
        final FieldsView fieldsView = new FieldsView(viewModel.getFields());
        final ProtocolView protocolView = new ProtocolView(viewModel.getProtocolFields());
        final HandshakeView handshakeView = new HandshakeView(viewModel.handshakeRequestProperty(),
                viewModel.handshakeResponseProperty(), viewModel.revealSecretsProperty());

        Views() {
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.getStyleClass().add("detail-tabs");
            addTab(DetailView.TEXT, textView);
            addTab(DetailView.JSON, jsonView);
            addTab(DetailView.HEX, hexView);
            addTab(DetailView.PROTOCOL, protocolView);
            addTab(DetailView.FIELDS, fieldsView);
            addTab(DetailView.HANDSHAKE, handshakeView);
            tabByView.get(DetailView.FIELDS).textProperty().bind(viewModel.fieldsTitleProperty());
            tabs.visibleProperty().bind(viewModel.showingProperty());
            bind();
        }

        private void addTab(DetailView view, Node content) {
            Tab tab = new Tab(view.title(), content);
            tab.setId("detail-tab-" + view.name().toLowerCase(Locale.ROOT));
            tab.setUserData(view);
            tab.setDisable(true);
            tabByView.put(view, tab);
            tabs.getTabs().add(tab);
        }

        /** Views whose model content changed while another tab was on top: refreshed when theirs is selected. */
        private final java.util.Set<DetailView> stale = java.util.EnumSet.noneOf(DetailView.class);

        /**
         * What the model holds now, then every change of it. Only the view on top is refreshed at once; the
         * others when their tab is selected, so a click pays for the one view the user looks at (a JSON tree,
         * a styled document and a hex table each cost milliseconds to fill).
         */
        private void bind() {
            for (DetailView view : List.of(DetailView.TEXT, DetailView.JSON, DetailView.HEX, DetailView.PROTOCOL)) {
                refresh(view);
            }
            enableAvailableTabs();
            viewModel.textContentProperty().addListener((obs, was, now) -> changed(DetailView.TEXT));
            viewModel.jsonContentProperty().addListener((obs, was, now) -> changed(DetailView.JSON));
            viewModel.jsonTreeProperty().addListener((obs, was, now) -> changed(DetailView.JSON));
            viewModel.hexDumpProperty().addListener((obs, was, now) -> changed(DetailView.HEX));
            viewModel.protocolProperty().addListener((obs, was, now) -> changed(DetailView.PROTOCOL));
            viewModel.protocolBodyProperty().addListener((obs, was, now) -> changed(DetailView.PROTOCOL));
            viewModel.getAvailableViews().addListener((ListChangeListener<DetailView>) change -> enableAvailableTabs());
            viewModel.selectedViewProperty().addListener((obs, was, now) -> tabs.getSelectionModel().select(tabByView.get(now)));
            tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    DetailView view = (DetailView) now.getUserData();
                    if (stale.remove(view)) {
                        refresh(view);
                    }
                    viewModel.selectedViewProperty().set(view);
                }
            });
            tabs.getSelectionModel().select(tabByView.get(viewModel.getSelectedView()));
        }

        private void changed(DetailView view) {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            if (selected != null && selected.getUserData() == view) {
                refresh(view);
            } else {
                stale.add(view);
            }
        }

        /** Fills every view that is behind the model (tests look at views whose tab is not on top). */
        Views current() {
            for (DetailView view : List.copyOf(stale)) {
                refresh(view);
            }
            stale.clear();
            return this;
        }

        private void refresh(DetailView view) {
            switch (view) {
                case TEXT -> textView.show(viewModel.textContentProperty().get());
                case JSON -> {
                    jsonView.show(viewModel.jsonContentProperty().get());
                    jsonView.showTree(viewModel.jsonTreeProperty().get());
                }
                case HEX -> hexView.show(viewModel.hexDumpProperty().get());
                case PROTOCOL -> {
                    protocolView.show(viewModel.protocolProperty().get());
                    protocolView.showBody(viewModel.protocolBodyProperty().get());
                }
                default -> { }
            }
        }

        private void enableAvailableTabs() {
            tabByView.forEach((view, tab) -> tab.setDisable(!viewModel.getAvailableViews().contains(view)));
        }
    }

    private MenuItem copyItem(String label, Supplier<String> payload) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> copyToClipboard(payload.get()));
        return item;
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    // Package-private handles for tests in this package; they build the views if needed.

    /** The views, each filled with what the model holds when asked on the FX thread. */
    private Views shownViews() {
        return javafx.application.Platform.isFxApplicationThread() ? views().current() : views();
    }

    TabPane tabs() {
        return shownViews().tabs;
    }

    StyledTextView textView() {
        return shownViews().textView;
    }

    JsonView jsonView() {
        return shownViews().jsonView;
    }

    HexView hexView() {
        return shownViews().hexView;
    }

    FieldsView fieldsView() {
        return shownViews().fieldsView;
    }

    ProtocolView protocolView() {
        return shownViews().protocolView;
    }

    HandshakeView handshakeView() {
        return shownViews().handshakeView;
    }
}
