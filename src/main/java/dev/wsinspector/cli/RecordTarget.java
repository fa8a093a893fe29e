package dev.wsinspector.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Locale;

/** {@code --record FILE}: the format follows the extension, so an unknown one is a usage error. */
record RecordTarget(Path path, Format format) {

    enum Format { HAR, JSONL }

    static final class Converter implements ITypeConverter<RecordTarget> {
        @Override
        public RecordTarget convert(String value) {
            String name = value.toLowerCase(Locale.ROOT);
            if (name.endsWith(".har")) {
                return new RecordTarget(Path.of(value), Format.HAR);
            }
            if (name.endsWith(".jsonl")) {
                return new RecordTarget(Path.of(value), Format.JSONL);
            }
            throw new TypeConversionException("'" + value + "' must end in .har or .jsonl");
        }
    }
}
