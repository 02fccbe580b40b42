package org.ts4kit.cli;

import org.ts4kit.triage.Severity;
import picocli.CommandLine;

/** {@code --min-severity}: none, low, medium or high, any case; anything else is a usage error naming them. */
final class SeverityOption implements CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
