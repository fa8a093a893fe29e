/**
 * Request/response pairing (issue #14, item 2): {@link dev.wsinspector.core.pairing.PairingEngine} pairs frames
 * fed in seq order by the correlation keys that {@link dev.wsinspector.core.pairing.CorrelationKeys} find (per
 * protocol in {@link dev.wsinspector.core.pairing.ProtocolKeys}, or the user's JSON paths in
 * {@link dev.wsinspector.core.pairing.JsonPathKeys}); {@link dev.wsinspector.core.pairing.PairingFeed} feeds it from a
 * {@code FrameStore}, live or stored; {@link dev.wsinspector.core.pairing.CaptureStatistics} is {@code stats}' figures.
 * Pure Java; no JavaFX, sockets or files.
 */
package dev.wsinspector.core.pairing;
