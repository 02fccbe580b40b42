package org.ts4kit.fuzz;

import org.ts4kit.codec.CodecException;
import org.ts4kit.io.CorruptInputException;

/**
 * What a harness accepts as a refusal of bad input: the library's own exception, saying where and
 * why. Anything else thrown out of a harness (another exception, an {@code Error}, or the
 * {@link AssertionError} these checks throw) is a finding.
 */
final class Refusals {
    private Refusals() {
    }

    /**
     * {@code e} must name a file starting with {@code file} (a zip member's is {@code archive!/member},
     * a resource's adds its key), an offset inside the {@code length} bytes it was given, and a reason.
     */
    static void check(CorruptInputException e, String file, long length) {
        if (e.file() == null || !e.file().startsWith(file)) {
            throw new AssertionError("the error names " + e.file() + ", not " + file + ": " + e.getMessage(), e);
        }
        if (e.offset() < 0 || e.offset() > length) {
            throw new AssertionError("error offset " + e.offset() + " outside the " + length + "-byte input: " + e.getMessage(), e);
        }
        if (e.reason() == null || e.reason().isBlank()) {
            throw new AssertionError("an error without a reason: " + e.getMessage(), e);
        }
    }

    /** A codec's refusal: a position inside the {@code length} bytes of its stream, and a reason. */
    static void check(CodecException e, long length) {
        if (e.position() < 0 || e.position() > length) {
            throw new AssertionError("error position " + e.position() + " outside the " + length + "-byte stream: " + e.getMessage(), e);
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a codec error without a reason", e);
        }
    }
}
