/**
 * Captured frames and where they are kept: {@link dev.wsinspector.core.frame.WireHeader} as on the wire, the
 * append-only, thread-safe {@link dev.wsinspector.core.frame.FrameStore} (columns of primitives in
 * {@link dev.wsinspector.core.frame.ColumnarFrameStore}, chained into segments that can be released to the journal
 * by {@link dev.wsinspector.core.frame.SegmentedFrameStore}), {@link dev.wsinspector.core.frame.Frame} made on
 * demand, the chunk-tolerant {@link dev.wsinspector.core.frame.WireHeaderParser}, and
 * {@link dev.wsinspector.core.frame.MessageKinds}, the one rule for which frames (continuations included) belong
 * to a text message, and {@link dev.wsinspector.core.frame.FrameRules} with
 * {@link dev.wsinspector.core.frame.ProtocolViolation}, the RFC 6455 rules a received frame must keep (for the
 * client and the echo server alike). What the user crafts is here too: {@link dev.wsinspector.core.frame.FrameSpec}
 * (a frame as it should go on the wire, whatever the RFC says, and its SPEC syntax) and
 * {@link dev.wsinspector.core.frame.WireFrames} (raw bytes read back as frames). No events, files or sockets here:
 * events live in {@code core.session}, the journal in
 * {@code core.journal}.
 */
package dev.wsinspector.core.frame;
