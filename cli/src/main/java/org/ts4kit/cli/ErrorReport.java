package org.ts4kit.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.scan.Problem;

/**
 * Collects what went wrong during one command: prints each problem to stderr as
 * {@code PATH: offset N: reason} for the input, {@code PATH: reason} for a file not written (one line
 * each: {@link ErrorLine} escapes control characters in names and reasons), and turns "anything went
 * wrong" into exit code 1.
 */
final class ErrorReport {
    private final PrintWriter err;
    private int count;

    ErrorReport(PrintWriter err) {
        this.err = err;
    }

    void report(CorruptInputException e) {
        report(e.file(), e.offset(), e.reason());
    }

    void report(String path, long offset, String reason) {
        count++;
        err.println(ErrorLine.of(path, offset, reason));
        err.flush();
    }

    /**
     * The problems of a collection read through its saved index, in the order a scan prints them: the
     * listing's (missing paths, unreadable zips), then each broken package's in listing order.
     */
    void reportAll(org.ts4kit.scan.Listing listing, org.ts4kit.catalog.Catalog catalog) {
        listing.problems().forEach(this::report);
        for (org.ts4kit.catalog.PackageRecord r : catalog.records()) {
            r.problems().forEach(this::report);
        }
    }

    /** A problem of a collection scan. */
    void report(Problem p) {
        report(p.location(), p.offset(), p.reason());
    }

    /** An I/O failure that is not about the bytes (missing file, permission). */
    void report(String path, Exception e) {
        if (e instanceof CorruptInputException) {
            report((CorruptInputException) e);
        } else {
            report(path, 0, "cannot read: " + describe(e));
        }
    }

    /** An output file not written; the exception's message is {@code PATH: reason}. */
    void notWritten(FileSystemException e) {
        count++;
        err.println(e.getMessage());
        err.flush();
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        String type = e.getClass().getSimpleName();
        return m == null ? type : type + ": " + m;
    }

    int count() {
        return count;
    }

    int exitCode() {
        return count == 0 ? 0 : 1;
    }
}
