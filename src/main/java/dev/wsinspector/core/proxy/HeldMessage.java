package dev.wsinspector.core.proxy;

/**
 * A message a breakpoint holds, whole (all its fragments). It waits until it is forwarded (as it was or
 * edited) or dropped; messages behind it in the same flow wait too (order is kept; pings and pongs pass),
 * the other flow never waits.
 *
 * @param id          unique in its proxy, for {@link Interceptor#forward} and {@link Interceptor#drop}
 * @param client      the client connection (1, 2, … in accept order)
 * @param flow        which way it travels
 * @param text        a text message (else binary)
 * @param payload     the message's payload, reassembled (decompressed when it came compressed)
 * @param sourceSeq   the seq of its first frame on the source leg's capture
 * @param frames      how many frames it came in
 * @param epochMicros when it was held
 */
public record HeldMessage(long id, int client, Flow flow, boolean text, byte[] payload, long sourceSeq, int frames,
                          long epochMicros) {

    public HeldMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int length() {
        return payload.length;
    }
}
