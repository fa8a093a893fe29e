/**
 * Saved connection profiles and their message library, stored as one human-readable JSON file per profile in
 * {@code <data dir>/profiles/} ({@link dev.wsinspector.core.profile.ProfileRepository}, format in
 * {@link dev.wsinspector.core.profile.ProfileJson}); a profile's choice of decoder and protobuf schema is a
 * {@link dev.wsinspector.core.profile.ProfileDecoder}. Plain Java and Jackson: no JavaFX, no sockets. Turning a
 * profile into connection options and resolving its {@code {{variables}}} lives in {@code core.replay}.
 */
package dev.wsinspector.core.profile;
