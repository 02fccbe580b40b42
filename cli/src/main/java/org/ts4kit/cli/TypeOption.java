package org.ts4kit.cli;

import java.util.Locale;
import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine;

/** Converts a {@code --type} value: 1–8 hex digits (optional {@code 0x}) or a known type name. */
final class TypeOption implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
        return parse(text);
    }

    static int parse(String text) {
        String s = text.trim();
        java.util.OptionalInt named = ResourceTypes.byName(s);
        if (named.isPresent()) {
            return named.getAsInt();
        }
        String digits = s.toLowerCase(Locale.ROOT).startsWith("0x") ? s.substring(2) : s;
        if (!digits.isEmpty() && digits.length() <= 8) {
            try {
                return (int) Long.parseLong(digits, 16);
            } catch (NumberFormatException e) {
                // fall through to the explanation
            }
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is neither 1 to 8 hex digits nor a known type name");
    }
}
