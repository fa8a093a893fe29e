package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.proxy.Leg;

/**
 * The detail line that relates a frame on one leg to its copy on the other: on both legs the proxy reads what
 * comes {@code IN} and writes what goes {@code OUT}, so a frame read was forwarded as a frame on the other leg,
 * and a frame written is the copy of one read there. Frames without a copy say why they may have none.
 *
 * @param text  for people
 * @param other the seq on {@link #otherLeg} to jump to, -1 when there is none
 */
record PairLine(String text, Leg otherLeg, long other) {

    static final PairLine NONE = new PairLine("", Leg.CLIENT, -1);

    /** The leg's name as the tab shows it. */
    static String name(Leg leg) {
        return leg == Leg.CLIENT ? "client ↔ proxy" : "proxy ↔ server";
    }

    static Leg otherOf(Leg leg) {
        return leg == Leg.CLIENT ? Leg.SERVER : Leg.CLIENT;
    }

    /**
     * @param seq   the frame shown, on {@code leg}
     * @param other its copy on the other leg ({@code LegPairs.other}), -1 when none
     */
    static PairLine of(Leg leg, long seq, Direction direction, Opcode opcode, long other) {
        Leg there = otherOf(leg);
        String where = " on " + name(there);
        if (other >= 0) {
            return new PairLine(direction == Direction.IN ? "Frame " + seq + " was forwarded as frame " + other + where
                    : "Frame " + seq + " is the copy of frame " + other + where, there, other);
        }
        if (opcode.isControl()) {
            return new PairLine("Frame " + seq + ": a control frame the proxy " + (direction == Direction.IN
                    ? "answered or passed on itself" : "wrote itself") + "; no copy" + where, there, -1);
        }
        return new PairLine(direction == Direction.IN
                ? "Frame " + seq + " has no copy" + where + ": held, dropped, replaced by an edit, or not yet written"
                : "Frame " + seq + " has no original" + where + ": injected or an edited message", there, -1);
    }
}
