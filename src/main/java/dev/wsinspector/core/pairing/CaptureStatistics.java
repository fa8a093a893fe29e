package dev.wsinspector.core.pairing;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of {@code ws-inspector stats}: per direction and frame type (and all types of a direction) the
 * count, bytes (payload as the application sees it), rates over the capture's span (first to last frame) and
 * size percentiles; the paired replies' latency per direction of the reply; and the engine's per-method figures.
 *
 * @param seconds the span from the first frame to the last, 0 for fewer than two frames
 */
public record CaptureStatistics(long frames, long bytes, double seconds, List<Group> groups,
                                Map<Direction, Percentiles> latency, List<MethodStats> methods) {

    /**
     * One row: {@code type} is an opcode's JSON name, or {@code "all"}.
     */
    public record Group(Direction direction, String type, long frames, long bytes, double framesPerSecond,
                        double bytesPerSecond, Percentiles sizes) {
    }

    /** Reads every frame's header once (no payloads); {@code engine} has paired the same frames. */
    public static CaptureStatistics of(FrameStore store, PairingEngine engine) {
        long size = store.size();
        Map<Direction, Map<Opcode, LongList>> sizes = new EnumMap<>(Direction.class);
        Map<Direction, LongList> all = new EnumMap<>(Direction.class);
        Map<Direction, LongList> latencies = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            sizes.put(d, new EnumMap<>(Opcode.class));
            all.put(d, new LongList());
            latencies.put(d, new LongList());
        }
        long bytes = 0;
        long first = size > 0 ? store.epochMicros(0) : 0;
        long last = first;
        for (long seq = 0; seq < size; seq++) {
            Direction d = store.direction(seq);
            int length = store.payloadLength(seq);
            bytes += length;
            sizes.get(d).computeIfAbsent(store.opcode(seq), o -> new LongList()).add(length);
            all.get(d).add(length);
            long micros = store.epochMicros(seq);
            first = Math.min(first, micros);
            last = Math.max(last, micros);
            long latency = engine.latencyNanos(seq);
            if (latency >= 0) {
                latencies.get(d).add(latency);
            }
        }
        double seconds = (last - first) / 1e6;
        List<Group> groups = new ArrayList<>();
        Map<Direction, Percentiles> latency = new EnumMap<>(Direction.class);
        for (Direction d : new Direction[]{Direction.OUT, Direction.IN}) {
            for (Map.Entry<Opcode, LongList> e : sizes.get(d).entrySet()) {
                groups.add(group(d, e.getKey().jsonName(), e.getValue(), seconds));
            }
            if (all.get(d).size() > 0) {
                groups.add(group(d, "all", all.get(d), seconds));
            }
            latency.put(d, Percentiles.of(latencies.get(d).toArray()));
        }
        return new CaptureStatistics(size, bytes, seconds, groups, latency, engine.methods());
    }

    private static Group group(Direction d, String type, LongList values, double seconds) {
        long[] v = values.toArray();
        long sum = 0;
        for (long x : v) {
            sum += x;
        }
        return new Group(d, type, v.length, sum, seconds > 0 ? v.length / seconds : 0, seconds > 0 ? sum / seconds : 0,
                Percentiles.of(v));
    }
}
