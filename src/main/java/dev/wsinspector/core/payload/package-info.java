/**
 * Payload presentation as pure functions: UTF-8 decoding that shows invalid bytes, lazy hex dumps, JSON
 * formatting and highlighting with size caps, close codes, handshake text, frame/event field lists, and
 * timestamps as written ({@link dev.wsinspector.core.payload.IsoTime}, shared by the detail view and the files
 * of {@code core.io}, which depends on this package and never the other way round).
 * No JavaFX here (an ArchUnit rule enforces it), so everything is unit-tested without a toolkit and can run
 * on background threads. Rendering these results belongs to {@code ui.detail}.
 */
package dev.wsinspector.core.payload;
