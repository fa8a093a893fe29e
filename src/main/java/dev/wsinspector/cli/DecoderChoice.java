package dev.wsinspector.cli;

import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.payload.protocol.ProtocolId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code --decode FORMAT}: {@code auto}, {@code none} or a protocol's machine name that some decoder reads. As
 * picocli's completion candidates it is also the list {@code --help} prints, so a decoder added to
 * {@link ProtocolDecoders} shows up there by itself.
 */
final class DecoderChoice implements Iterable<String>, ITypeConverter<String> {

    @Override
    public Iterator<String> iterator() {
        List<String> choices = new ArrayList<>(List.of("auto", "none"));
        new ProtocolDecoders().protocols().forEach(p -> choices.add(p.id()));
        return choices.iterator();
    }

    @Override
    public String convert(String value) {
        String choice;
        try {
            choice = ProtocolHint.checkedDecoder(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a decoder; choose one of " + String.join(", ", this));
        }
        var id = ProtocolId.byId(choice);
        if (id.isPresent() && new ProtocolDecoders().decoder(id.get()).isEmpty()) {
            throw new TypeConversionException("no decoder reads " + id.get().displayName() + " yet; choose one of "
                    + String.join(", ", this));
        }
        return choice;
    }
}
