package dev.wsinspector.cli;

import dev.wsinspector.core.session.HttpHeader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code -H 'Name: value'} to an {@link HttpHeader}; a malformed header is a usage error, not a failed connection. */
final class HeaderConverter implements ITypeConverter<HttpHeader> {

    @Override
    public HttpHeader convert(String value) {
        try {
            return HttpHeader.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
