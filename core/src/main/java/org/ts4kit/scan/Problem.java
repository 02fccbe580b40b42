package org.ts4kit.scan;

import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.ErrorLine;

/** One thing wrong with one input: where (a path, or {@code archive.zip!/inner.package}), at which offset, and why. */
public final class Problem {
    private final String location;
    private final long offset;
    private final String reason;

    public Problem(String location, long offset, String reason) {
        this.location = location;
        this.offset = offset;
        this.reason = reason;
    }

    public static Problem of(String location, Exception e) {
        if (e instanceof CorruptInputException) {
            CorruptInputException d = (CorruptInputException) e;
            return new Problem(d.file(), d.offset(), d.reason());
        }
        String m = e.getMessage();
        return new Problem(location, 0, "cannot read: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }

    public String location() {
        return location;
    }

    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }

    /** {@code PATH: offset N: reason}, the CLI's error line, control characters escaped ({@link ErrorLine}). */
    @Override
    public String toString() {
        return ErrorLine.of(location, offset, reason);
    }
}
