package dev.wsinspector.core.payload.protocol;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The message type protobuf payloads are read as, from a descriptor set ({@code protoc --descriptor_set_out=x.desc
 * --include_imports}). The caller reads the file (this package does no I/O) and keeps the schema with the
 * connection's {@link ProtocolHint}, so the same {@link ProtobufDecoder} serves every tab.
 *
 * @param messageType the full name, e.g. {@code demo.Reading}
 * @param descriptor  its descriptor
 */
public record ProtobufSchema(String messageType, Descriptor descriptor) {

    public ProtobufSchema {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /**
     * Reads a descriptor set and finds {@code messageType} in it (a leading dot is allowed).
     *
     * @throws IllegalArgumentException saying why, for people: not a descriptor set, a missing import, no such type
     */
    public static ProtobufSchema parse(byte[] descriptorSet, String messageType) {
        String type = messageType == null ? "" : messageType.strip();
        type = type.startsWith(".") ? type.substring(1) : type;
        if (type.isEmpty()) {
            throw new IllegalArgumentException("no message type given (e.g. my.package.MyMessage)");
        }
        FileDescriptorSet set;
        try {
            set = FileDescriptorSet.parseFrom(descriptorSet);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a descriptor set (protoc --descriptor_set_out): " + e.getMessage());
        }
        Map<String, FileDescriptor> built = new HashMap<>();
        List<FileDescriptorProto> pending = new ArrayList<>(set.getFileList());
        // Files in any order: each pass builds those whose imports are built; a pass that builds none ends it.
        for (int pass = 0; pass <= set.getFileCount() && !pending.isEmpty(); pass++) {
            List<FileDescriptorProto> next = new ArrayList<>();
            for (FileDescriptorProto file : pending) {
                if (!built.keySet().containsAll(file.getDependencyList())) {
                    next.add(file);
                    continue;
                }
                FileDescriptor[] deps = file.getDependencyList().stream().map(built::get).toArray(FileDescriptor[]::new);
                try {
                    built.put(file.getName(), FileDescriptor.buildFrom(file, deps));
                } catch (DescriptorValidationException e) {
                    throw new IllegalArgumentException("invalid descriptor " + file.getName() + ": " + e.getMessage());
                }
            }
            if (next.size() == pending.size()) {
                throw new IllegalArgumentException("the descriptor set lacks imports of " + next.get(0).getName()
                        + " " + next.get(0).getDependencyList() + " (protoc --include_imports)");
            }
            pending = next;
        }
        List<String> known = new ArrayList<>();
        for (FileDescriptor file : built.values()) {
            Descriptor d = find(file.getMessageTypes(), type);
            if (d != null) {
                return new ProtobufSchema(type, d);
            }
            file.getMessageTypes().forEach(m -> known.add(m.getFullName()));
        }
        throw new IllegalArgumentException("no message type " + type + " in the descriptor set"
                + (known.isEmpty() ? "" : " (it has " + String.join(", ", known.stream().sorted().limit(10).toList())
                + (known.size() > 10 ? ", …" : "") + ")"));
    }

    /** Nested types ({@code pkg.Outer.Inner}) by full name. */
    private static Descriptor find(List<Descriptor> types, String name) {
        for (Descriptor d : types) {
            if (d.getFullName().equals(name)) {
                return d;
            }
            Descriptor nested = find(d.getNestedTypes(), name);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
