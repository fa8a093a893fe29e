package dev.wsinspector.cli;

import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.ProfileDecoder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The decoder {@code connect} prints {@code "decoded"} with: {@code --decode} when given, else the profile's
 * {@code "decoder"}; the protobuf schema from {@code --proto-descriptor}/{@code --proto-type} when given, else the
 * profile's {@code "protobuf"}. Read before connecting, so a missing file is a usage error, not a silent fallback.
 *
 * @param choice   {@link ProtocolHint#checkedDecoder} form
 * @param protobuf the message type protobuf payloads are read as, or null
 */
record DecoderSetup(String choice, ProtobufSchema protobuf) {

    /**
     * @param cliChoice   {@code --decode}'s value, or null when not given
     * @param descriptor  {@code --proto-descriptor}, or null
     * @param type        {@code --proto-type}, or null
     * @param profile     the profile's setting, or null without a profile
     * @param profilesDir what a profile's relative descriptor path is relative to
     * @throws IllegalArgumentException for people: one flag without the other, an unreadable file, no such type
     */
    static DecoderSetup resolve(String cliChoice, Path descriptor, String type, ProfileDecoder profile, Path profilesDir) {
        ProfileDecoder fromProfile = profile == null ? ProfileDecoder.AUTO : profile;
        String choice = cliChoice != null ? ProtocolHint.checkedDecoder(cliChoice) : fromProfile.choice();
        if ((descriptor == null) != (type == null)) {
            throw new IllegalArgumentException("--proto-descriptor and --proto-type go together");
        }
        try {
            ProtobufSchema schema = descriptor != null ? ProfileDecoder.readSchema(descriptor, type)
                    : fromProfile.protobufSchema(profilesDir).orElse(null);
            return new DecoderSetup(choice, schema);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the descriptor set " + (descriptor != null ? descriptor
                    : fromProfile.descriptorSetPath(profilesDir)) + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }
}
