package org.ts4kit.job;

import java.io.Serializable;
import org.ts4kit.scan.Problem;

/** A row of the {@code errors} table: one problem, as the CLI's {@code PATH: offset N: reason} line splits. */
public final class ErrorRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String path;
    public final long offset;
    public final String reason;

    ErrorRow(String path, long offset, String reason) {
        this.path = path;
        this.offset = offset;
        this.reason = reason;
    }

    static ErrorRow of(Problem p) {
        return new ErrorRow(p.location(), p.offset(), p.reason());
    }

    Object[] values() {
        return new Object[] {path, offset, reason};
    }
}
