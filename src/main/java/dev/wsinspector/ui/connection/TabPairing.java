package dev.wsinspector.ui.connection;

import dev.wsinspector.core.charts.LatencySource;
import dev.wsinspector.core.filter.Pairing;
import dev.wsinspector.core.pairing.MethodStats;
import dev.wsinspector.core.pairing.PairingEngine;
import dev.wsinspector.core.pairing.PairingFeed;
import dev.wsinspector.core.pairing.PairingSettings;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.profile.ProfileFormatException;
import dev.wsinspector.core.profile.ProfilePairing;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.Session;

import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A tab's request/response pairing: fed on the window's sampler thread ({@link #sample}, with what the capture got
 * since the last sample, at most {@link #FRAMES_PER_SAMPLE} frames and {@link #BUDGET_NANOS} a time, so a large
 * stored session is paired over several samples and a flood never costs the sampler more than a fifth of a core), read on the FX thread by the Latency column and the jump between request and reply. A new
 * capture (a reconnect in a new session, a stored session) starts a new engine.
 */
final class TabPairing {

    /** Frames paired per sample: decoding them is most of the cost, and the status bar waits for the sample. */
    static final long FRAMES_PER_SAMPLE = 50_000;
    /** Time a sample may spend pairing: the window's sampler gives this to all its tabs together, each round. */
    static final long BUDGET_NANOS = 20_000_000L;

    private volatile Session shown;
    /** How to pair: the profile's {@code "pairing"} setting, else the protocol's ids and the default timeout. */
    private volatile PairingSettings settings = PairingSettings.DEFAULTS;
    private volatile PairingFeed feed;
    /** Sampler-thread state. */
    private volatile Session fed;

    /** The capture the tab shows now (FX thread). */
    void show(Session session) {
        shown = session;
    }

    /** The profile's {@code "pairing"} setting; a broken one pairs by the protocol's ids (and is logged). */
    static PairingSettings settingsOf(StoredProfile profile) {
        if (profile == null) {
            return PairingSettings.DEFAULTS;
        }
        try {
            return PairingSettings.of(ProfilePairing.of(profile.profile()));
        } catch (ProfileFormatException | IllegalArgumentException e) {
            LoggerFactory.getLogger(TabPairing.class).warn("Profile '{}': {}", profile.profile().name(), e.getMessage());
            return PairingSettings.DEFAULTS;
        }
    }

    /** Pairs from now on as {@code how} says, from the capture's first frame again (FX thread). */
    void use(PairingSettings how) {
        if (!how.equals(settings)) {
            settings = how;
            fed = null; // the sampler starts a new engine at its next sample
        }
    }

    /** Pairs what arrived for up to {@link #BUDGET_NANOS} (see {@link #sample(long)}). Sampler thread. */
    void sample() {
        sample(System.nanoTime() + BUDGET_NANOS);
    }

    /**
     * Pairs what arrived until {@code deadlineNanos} ({@link System#nanoTime}; at most {@link #FRAMES_PER_SAMPLE}),
     * the rest at the next sample; requests past their timeout (in capture time, now) are flagged once every frame
     * is in. A deadline already past pairs nothing. Sampler thread.
     *
     * @return whether frames are left to pair
     */
    boolean sample(long deadlineNanos) {
        Session session = shown;
        if (session != fed) {
            fed = session;
            feed = session == null ? null : feedFor(settings);
        }
        PairingFeed f = feed;
        if (f == null) {
            return false;
        }
        long fed = 0;
        // Decoding is the cost: a flood of 250 k frames/s would need more than a core, so a sample spends at most
        // until its deadline (the window's sampler: BUDGET_NANOS a round for all tabs, a fifth of its period) and
        // pairing falls behind a flood instead of the status bar or the capture.
        while (fed < FRAMES_PER_SAMPLE && System.nanoTime() - deadlineNanos < 0) {
            long n = f.advance(session, 1000);
            if (n == 0) {
                break;
            }
            fed += n;
        }
        if (f.engine().fed() >= session.frames().size()) {
            // Capture times are wall-clock microseconds: a stored session's waiting requests are long past it.
            f.engine().advanceTo(System.currentTimeMillis() * 1000);
            return false;
        }
        return true;
    }

    private static PairingFeed feedFor(PairingSettings how) {
        try {
            return how.feed(new ProtocolDecoders(), ProtocolHint.NONE);
        } catch (IllegalArgumentException e) {
            // A JSON path the profile's file got wrong: pair by the protocol's ids rather than not at all.
            LoggerFactory.getLogger(TabPairing.class).warn("The profile's pairing paths cannot be used: {}", e.getMessage());
            return PairingSettings.DEFAULTS.withTimeout(how.timeout()).feed(new ProtocolDecoders(), ProtocolHint.NONE);
        }
    }

    private PairingEngine engine() {
        PairingFeed f = feed;
        return f == null || fed != shown ? null : f.engine();
    }

    /** The Latency column's text for frame {@code seq}. */
    String latencyText(long seq) {
        PairingEngine e = engine();
        return e == null ? "" : PairingTexts.of(e.link(seq));
    }

    /** The request of a reply, or the first reply of a request; -1 when {@code seq} has none. */
    long partner(long seq) {
        PairingEngine e = engine();
        return e == null ? -1 : e.link(seq).other();
    }

    /** Whether {@code seq} is a request (true) or a reply (false), for the jump's menu text. */
    boolean isRequest(long seq) {
        PairingEngine e = engine();
        return e != null && e.link(seq).kind().isRequest();
    }

    /** Grows when a frame's pairing changed, so the timeline redraws its Latency cells. */
    long changes() {
        PairingEngine e = engine();
        return e == null ? 0 : e.changes();
    }

    List<MethodStats> methods() {
        PairingEngine e = engine();
        return e == null ? List.of() : e.methods();
    }

    /**
     * The filter bar's {@code unanswered} and {@code latency>…} terms over this tab's engine. A frame the engine has
     * not reached yet (pairing follows the sampler) reads as neither, until the filter is applied again.
     */
    Pairing filterPairing() {
        return new Pairing() {
            @Override
            public boolean unanswered(long seq) {
                PairingEngine e = engine();
                return e != null && e.unanswered(seq);
            }

            @Override
            public long latencyNanos(long seq) {
                PairingEngine e = engine();
                return e == null ? -1 : e.latencyNanos(seq);
            }
        };
    }

    /** The Charts panel's reply latencies: the frames the engine has been fed are settled. */
    LatencySource latencySource() {
        return new LatencySource() {
            @Override
            public long pairedUpTo() {
                PairingEngine e = engine();
                return e == null ? 0 : e.fed();
            }

            @Override
            public long latencyNanos(long seq) {
                PairingEngine e = engine();
                return e == null ? NONE : e.latencyNanos(seq);
            }
        };
    }
}
