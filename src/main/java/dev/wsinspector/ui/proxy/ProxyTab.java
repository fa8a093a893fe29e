package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.common.WindowTab;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Tab;

/**
 * The intercepting proxy's tab (issue 16): its set-up and controls ({@link ProxyTabController} over
 * {@link ProxyViewModel}) and both legs of the client connection shown, each in a client tab's timeline
 * ({@link LegTimeline}), over one detail pane with the line that relates the frame shown to its copy on the
 * other leg ({@link PairLine}) and jumps to it. The window's pulse calls {@link #pulse}: the proxy's news and new
 * frames come in once per pulse; nothing here is called from the proxy's threads.
 */
public final class ProxyTab extends Tab implements WindowTab {

    /** How often a proxy tab that is not on screen takes new rows into its timelines (as a connection tab). */
    private static final long HIDDEN_TIMELINE_NANOS = 250_000_000L;

    private final ProxyViewModel model;
    private final DetailPane detail;
    private final LegTimeline clientLeg = new LegTimeline(Leg.CLIENT, row -> selected(Leg.CLIENT, row));
    private final LegTimeline serverLeg = new LegTimeline(Leg.SERVER, row -> selected(Leg.SERVER, row));
    private final ReadOnlyStringWrapper pairText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pairJumpable = new ReadOnlyBooleanWrapper(false);
    private PairLine pair = PairLine.NONE;
    private Leg detailLeg;
    private long detailSeq = -1;
    private long lastTimelines;

    public ProxyTab(ViewLoader views, ProxyViewModel model, DetailPane detail) {
        this.model = model;
        this.detail = detail;
        getStyleClass().add("proxy-tab");
        setText(model.title());
        ViewLoader.View<Parent, ProxyTabController> view = views.load(ProxyTabController.class, model,
                new ProxyTabController.Parts(clientLeg.view(), serverLeg.view(), detail,
                        pairText.getReadOnlyProperty(), pairJumpable.getReadOnlyProperty(), this::jumpToCopy));
        setContent(view.root());
        setOnClosed(e -> closeNow());
        model.upstreamProperty().addListener((o, a, b) -> title());
        model.held().countProperty().addListener((o, a, b) -> title());
    }

    public ProxyViewModel model() {
        return model;
    }

    /** The timeline of {@code leg} (tests look at its rows). */
    public dev.wsinspector.ui.timeline.TimelineView timeline(Leg leg) {
        return leg == Leg.CLIENT ? clientLeg.view() : serverLeg.view();
    }

    public DetailPane detailPane() {
        return detail;
    }

    /** The line that relates the frame shown to its copy on the other leg ("" when no frame is shown). */
    public String pairText() {
        return pairText.get();
    }

    @Override
    public void pulse(long nowNanos) {
        model.refresh();
        ProxiedClient shown = model.shownClient();
        clientLeg.pulse(shown == null ? null : shown.clientLeg());
        serverLeg.pulse(shown == null ? null : shown.serverLeg());
        lastTimelines = nowNanos;
        showPair(); // a frame just read gets its copy once written
    }

    @Override
    public void pulseHidden(long nowNanos) {
        if (nowNanos - lastTimelines >= HIDDEN_TIMELINE_NANOS) {
            pulse(nowNanos);
        } else {
            model.refresh();
        }
    }

    /** Client connections through the running proxy that are not closed. */
    @Override
    public long openConnections() {
        return model.openClients();
    }

    @Override
    public void closeNow() {
        model.close();
    }

    /** Selects the shown frame's copy on the other leg (the pair line's Go to). */
    public boolean jumpToCopy() {
        return pair.other() >= 0 && legOf(pair.otherLeg()).goToFrame(pair.other());
    }

    private void selected(Leg leg, TimelineRow row) {
        LegTimeline shown = legOf(leg);
        shown.showIn(detail, row);
        detailLeg = leg;
        detailSeq = row != null && row.isFrame() ? row.seq() : -1;
        showPair();
    }

    private void showPair() {
        ProxiedClient client = model.shownClient();
        Session session = detailLeg == null ? null : legOf(detailLeg).session();
        if (client == null || session == null || detailSeq < 0 || detailSeq >= session.frames().size()) {
            pair = PairLine.NONE;
        } else {
            pair = PairLine.of(detailLeg, detailSeq, session.frames().direction(detailSeq),
                    session.frames().opcode(detailSeq), client.pairs().other(detailLeg, detailSeq));
        }
        pairText.set(pair.text());
        pairJumpable.set(pair.other() >= 0);
    }

    private LegTimeline legOf(Leg leg) {
        return leg == Leg.CLIENT ? clientLeg : serverLeg;
    }

    private void title() {
        int held = model.held().countProperty().get();
        setText(model.title() + (held > 0 ? " · " + held + " held" : ""));
    }
}
