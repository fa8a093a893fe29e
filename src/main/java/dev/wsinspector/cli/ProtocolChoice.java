package dev.wsinspector.cli;

import dev.wsinspector.core.protocol.ClientProtocol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;

/** {@code --protocol NAME}: the protocol-aware client's name, with completion and a clear refusal. */
final class ProtocolChoice implements Iterable<String>, ITypeConverter<ClientProtocol> {

    @Override
    public Iterator<String> iterator() {
        return ClientProtocol.ids().iterator();
    }

    @Override
    public ClientProtocol convert(String value) {
        return ClientProtocol.byId(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a protocol; choose one of " + String.join(", ", this)));
    }
}
