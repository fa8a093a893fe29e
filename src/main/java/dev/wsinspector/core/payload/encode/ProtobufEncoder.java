package dev.wsinspector.core.payload.encode;

import dev.wsinspector.core.payload.protocol.ProtobufSchema;

/** JSON text → a Protocol Buffers message of the profile's message type (descriptor set + type name). */
final class ProtobufEncoder implements MessageEncoder {

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        ProtobufSchema schema = context.protobufSchema().orElseThrow(() -> new EncodeException(
                "no protobuf message type: choose a descriptor set (protoc --descriptor_set_out --include_imports)"
                        + " and a message type in the profile"));
        return Encoded.binary(ProtobufJson.message(schema.descriptor(),
                EncodeJson.parse(request.body(), schema.messageType())).toByteArray());
    }
}
