package org.ts4kit.cli;

import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine;

/** Converts a {@code --type} value: 1–8 hex digits (optional {@code 0x}) or a known type name ({@link ResourceTypes#parse}). */
final class TypeOption implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
        return parse(text);
    }

    static int parse(String text) {
        try {
            return ResourceTypes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
