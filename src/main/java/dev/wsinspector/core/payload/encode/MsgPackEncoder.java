package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.io.IOException;

/** JSON text → one MessagePack value (msgpack-java's Jackson generator: the smallest encoding of each value). */
final class MsgPackEncoder implements MessageEncoder {

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper(new MessagePackFactory());
    }

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        return Encoded.binary(bytes(EncodeJson.parse(request.body(), "MessagePack value")));
    }

    static byte[] bytes(JsonNode value) throws EncodeException {
        try {
            return Holder.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new EncodeException("could not write MessagePack: " + e.getMessage());
        }
    }
}
