package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

import java.io.IOException;

/** JSON text → one CBOR data item (RFC 8949) with Jackson's CBOR generator. */
final class CborEncoder implements MessageEncoder {

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper(CBORFactory.builder().build());
    }

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        try {
            return Encoded.binary(Holder.MAPPER.writeValueAsBytes(EncodeJson.parse(request.body(), "CBOR value")));
        } catch (IOException e) {
            throw new EncodeException("could not write CBOR: " + e.getMessage());
        }
    }
}
