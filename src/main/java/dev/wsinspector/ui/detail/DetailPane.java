package dev.wsinspector.ui.detail;

import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.Objects;

/**
 * The detail pane beside the timeline, as the node a tab places: Text, JSON, Hex, Protocol, Frame and Handshake
 * views of the selected row, the best one picked automatically, and copy actions for the payload. The layout is
 * DetailPaneView.fxml and DetailViewsView.fxml, the state is {@link DetailViewModel}; this class is the tab's
 * handle on them, and keeps the pane at least as wide as the views' tab headers. Its views need nothing but the
 * model, so it loads them itself and a tab is given a ready pane. Call it from the FX thread.
 *
 * <p>Styling: add {@link #STYLESHEET} to the scene before the theme's stylesheet, so the theme's
 * looked-up colours win over the defaults in it.
 */
public final class DetailPane extends StackPane {

    /** URL of the pane's stylesheet (CSS classes and default looked-up colours). */
    public static final String STYLESHEET = Objects.requireNonNull(
            DetailPane.class.getResource("/dev/wsinspector/ui/theme/detail.css"), "detail.css").toExternalForm();

    /** Room after the last tab header, so that rounding never brings the tab pane's overflow menu up. */
    private static final double HEADER_SLACK = 12;

    private final DetailViewModel viewModel;
    private final DetailPaneController controller;
    /** The views' tab headers (in the tab pane's skin), looked up once for {@link #computeMinWidth}. */
    private Node tabHeaders;

    public DetailPane(BackgroundTasks tasks) {
        this(new DetailViewModel(tasks));
    }

    public DetailPane(DetailViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("detail-pane");
        ViewLoader.View<Parent, DetailPaneController> view = new ViewLoader(Controllers.none())
                .load(DetailPaneController.class, viewModel);
        controller = view.controller();
        getChildren().add(view.root());
    }

    /**
     * Builds the views now (they are otherwise built the first time something is shown), so that the first
     * selection does not pay for it. Does nothing once they are built.
     */
    public void prepare() {
        controller.prepare();
    }

    /** Shows a frame; {@code partOfTextMessage} marks a continuation frame of a text message. */
    public void showFrame(Frame frame, boolean partOfTextMessage) {
        viewModel.showFrame(frame, partOfTextMessage);
    }

    /** Shows a fragmented message as one (see {@link DetailViewModel#showMessage}). */
    public void showMessage(dev.wsinspector.core.frame.Frame first, dev.wsinspector.core.frame.WholeMessage message,
                            byte[] whole) {
        viewModel.showMessage(first, message, whole);
    }

    /** Shows a fragmented message, reassembled in the background (see {@link DetailViewModel#showMessage}). */
    public void showMessage(Frame first, dev.wsinspector.core.frame.WholeMessage message,
                            java.util.function.Supplier<byte[]> reassemble) {
        viewModel.showMessage(first, message, reassemble);
    }

    /**
     * The connection's negotiated subprotocol and URL, so that frames shown from now on are decoded as its
     * sub-protocol (Socket.IO, STOMP, GraphQL, JSON-RPC); {@code null} or {@link ProtocolHint#NONE} when unknown.
     */
    /** What the Text and JSON views mark as matches, from the next row shown on. */
    public void setHighlights(Highlights highlights) {
        viewModel.setHighlights(highlights);
    }

    public void setProtocolHint(ProtocolHint hint) {
        viewModel.setProtocolHint(hint);
    }

    /** Shows a connection event (the handshake for Opened and for a refused upgrade). */
    public void showEvent(ConnectionEvent event) {
        viewModel.showEvent(event);
    }

    /** Shows nothing, for when the selection is empty. */
    public void clear() {
        viewModel.clear();
    }

    public DetailViewModel viewModel() {
        return viewModel;
    }

    /**
     * Never narrower than the views' tab headers: a split pane gives the room to the timeline's preview instead
     * of hiding a view behind the tab pane's overflow menu.
     */
    @Override
    protected double computeMinWidth(double height) {
        // Not the views' own minimum (a hex table's columns): they scroll, their tab headers must not.
        double insets = snappedLeftInset() + snappedRightInset();
        double min = controller.header().minWidth(-1) + insets;
        DetailViewsController views = controller.viewsIfBuilt();
        if (views != null) {
            // The tabs themselves (the header area's own preferred width also counts its hidden menu button).
            if (tabHeaders == null) {
                tabHeaders = views.tabs().lookup(".headers-region"); // once the skin is there; then kept
            }
            Node headers = tabHeaders;
            if (headers != null && headers.getParent() instanceof Region area) {
                min = Math.max(min, headers.prefWidth(-1) + area.snappedLeftInset() + area.snappedRightInset()
                        + HEADER_SLACK + insets);
            }
        }
        return min;
    }

    // Package-private handles for tests in this package; they build the views if needed.

    /** The views, each filled with what the model holds when asked on the FX thread. */
    private DetailViewsController shownViews() {
        return Platform.isFxApplicationThread() ? controller.views().current() : controller.views();
    }

    TabPane tabs() {
        return shownViews().tabs();
    }

    StyledTextView textView() {
        return shownViews().textView();
    }

    JsonView jsonView() {
        return shownViews().jsonView();
    }

    HexView hexView() {
        return shownViews().hexView();
    }

    FieldsView fieldsView() {
        return shownViews().fieldsView();
    }

    ProtocolView protocolView() {
        return shownViews().protocolView();
    }

    HandshakeView handshakeView() {
        return shownViews().handshakeView();
    }
}
