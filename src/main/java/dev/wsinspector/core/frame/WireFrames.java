package dev.wsinspector.core.frame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw bytes written to a connection, read back the way a peer would read them, so they can be captured as
 * frames: what the user sends past the library's encoder ({@code --send-raw}, crafted frames) is captured by
 * what it says on the wire, not by what the user meant. Each write is read on its own, from a frame boundary.
 */
public final class WireFrames {

    /**
     * One frame found in the bytes.
     *
     * @param header  as on the wire (its length may be more than the bytes that followed: {@code cut})
     * @param payload the payload bytes that were there, unmasked
     * @param cut     true when the bytes ended before the payload the header announced
     */
    public record Piece(WireHeader header, byte[] payload, boolean cut) {
        public Piece {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    /**
     * @param frames   the frames, in order, the last one possibly cut short
     * @param trailing bytes at the end too few to make a frame header (0 when the bytes end on a boundary or in a
     *                 payload)
     */
    public record Split(List<Piece> frames, int trailing) {
        public Split {
            frames = List.copyOf(frames);
        }
    }

    private WireFrames() {
    }

    /** Reads {@code wire} from a frame boundary. */
    public static Split split(byte[] wire) {
        List<Piece> frames = new ArrayList<>();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        WireHeaderParser parser = new WireHeaderParser(new WireHeaderParser.Listener() {
            @Override
            public void onHeader(WireHeader header) {
                payload.reset();
            }

            @Override
            public void onPayload(ByteBuffer part, long payloadOffset) {
                byte[] bytes = new byte[part.remaining()];
                part.duplicate().get(bytes);
                payload.writeBytes(bytes);
            }

            @Override
            public void onFrameEnd(WireHeader header) {
                frames.add(piece(header, payload.toByteArray(), false));
            }
        });
        parser.feed(ByteBuffer.wrap(wire));
        int trailing = 0;
        WireHeader open = parser.currentHeader();
        if (open != null) {
            frames.add(piece(open, payload.toByteArray(), true));
        } else if (parser.isMidFrame()) {
            long used = 0;
            for (Piece p : frames) {
                used += p.header().headerLength() + p.payload.length;
            }
            trailing = (int) (wire.length - used);
        }
        return new Split(frames, trailing);
    }

    private static Piece piece(WireHeader header, byte[] masked, boolean cut) {
        if (header.masked()) {
            WireHeaderParser.unmask(masked, 0, masked.length, header.maskKey(), 0);
        }
        return new Piece(header, masked, cut);
    }
}
