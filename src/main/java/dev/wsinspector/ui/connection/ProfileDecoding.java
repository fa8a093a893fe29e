package dev.wsinspector.ui.connection;

import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.ProfileDecoder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A profile tab's choice of decoder with its protobuf schema read once (when the profile is taken, not per
 * selected frame), laid over what each connection said ({@link ShownCapture#protocolHint}). A schema that cannot
 * be read leaves protobuf schema-less and says why, rather than failing the tab.
 *
 * @param decoder the profile's setting
 * @param schema  the schema read from its descriptor set, or null
 * @param problem why the schema could not be read; empty when fine
 */
record ProfileDecoding(ProfileDecoder decoder, ProtobufSchema schema, String problem) {

    /** A tab without a profile: the connection's hint as it is. */
    static final ProfileDecoding AUTO = new ProfileDecoding(ProfileDecoder.AUTO, null, "");

    /** Reads the profile's descriptor set, if it names one (a small file, read on the caller's thread). */
    static ProfileDecoding of(ProfileDecoder decoder, Path profilesDir) {
        try {
            return new ProfileDecoding(decoder, decoder.protobufSchema(profilesDir).orElse(null), "");
        } catch (IOException e) {
            return new ProfileDecoding(decoder, null, "Cannot read the descriptor set "
                    + decoder.descriptorSetPath(profilesDir) + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            return new ProfileDecoding(decoder, null, e.getMessage());
        }
    }

    /** The connection's hint with the profile's decoder and schema on top. */
    ProtocolHint apply(ProtocolHint connection) {
        return decoder.applyTo(connection == null ? ProtocolHint.NONE : connection, schema);
    }
}
