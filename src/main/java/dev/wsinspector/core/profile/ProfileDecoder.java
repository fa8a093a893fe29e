package dev.wsinspector.core.profile;

import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import dev.wsinspector.core.payload.protocol.ProtocolHint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which decoder reads a profile's messages, and the protobuf schema for it. Kept apart from the connection
 * options because it changes only what is shown (GUI detail pane, {@code connect --profile}'s {@code "decoded"}),
 * never what is sent.
 *
 * @param choice        {@code ""} auto (subprotocol, URL, content), {@code none}, or a protocol id such as {@code
 *                      msgpack} ({@link ProtocolHint#checkedDecoder} rules)
 * @param descriptorSet a descriptor set file ({@code protoc --descriptor_set_out}), relative to the profiles
 *                      directory unless absolute; empty for none
 * @param messageType   the protobuf message type its payloads are, e.g. {@code pkg.Msg}; empty for none
 */
public record ProfileDecoder(String choice, String descriptorSet, String messageType) {

    /** Automatic choice, no schema: what a profile without the fields means. */
    public static final ProfileDecoder AUTO = new ProfileDecoder("", "", "");

    public ProfileDecoder {
        choice = ProtocolHint.checkedDecoder(choice);
        descriptorSet = descriptorSet == null ? "" : descriptorSet.strip();
        messageType = messageType == null ? "" : messageType.strip();
    }

    /** True when a protobuf schema is configured (both fields set). */
    public boolean hasProtobufSchema() {
        return !descriptorSet.isEmpty() && !messageType.isEmpty();
    }

    /** The descriptor set's path: {@code descriptorSet} against {@code profilesDir} when relative. */
    public Path descriptorSetPath(Path profilesDir) {
        Path p = Path.of(descriptorSet);
        return p.isAbsolute() || profilesDir == null ? p : profilesDir.resolve(p);
    }

    public boolean isDefault() {
        return equals(AUTO);
    }

    /** The choice as a profile file and {@code --decode} write it: {@code auto}, {@code none} or a protocol id. */
    public String choiceName() {
        return choice.isEmpty() ? "auto" : choice;
    }

    public ProfileDecoder withChoice(String c) {
        return new ProfileDecoder(c, descriptorSet, messageType);
    }

    /**
     * The configured protobuf schema, read from its descriptor set; empty when none is configured.
     *
     * @throws IOException              the file cannot be read
     * @throws IllegalArgumentException it is no descriptor set, or lacks the message type (the message says which)
     */
    public Optional<ProtobufSchema> protobufSchema(Path profilesDir) throws IOException {
        if (!hasProtobufSchema()) {
            return Optional.empty();
        }
        return Optional.of(readSchema(descriptorSetPath(profilesDir), messageType));
    }

    /** {@code messageType} from the descriptor set {@code file} ({@link ProtobufSchema#parse} rules). */
    public static ProtobufSchema readSchema(Path file, String messageType) throws IOException {
        long size = Files.size(file);
        if (size > 64L * 1024 * 1024) {
            throw new IllegalArgumentException(file + " is " + size / (1024 * 1024) + " MiB: too large for a descriptor set");
        }
        try {
            return ProtobufSchema.parse(Files.readAllBytes(file), messageType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code hint} with this choice of decoder and {@code schema}. */
    public ProtocolHint applyTo(ProtocolHint hint, ProtobufSchema schema) {
        return hint.withDecoder(choice).withProtobuf(schema);
    }

    static ProfileDecoder orAuto(ProfileDecoder d) {
        return Objects.requireNonNullElse(d, AUTO);
    }
}
