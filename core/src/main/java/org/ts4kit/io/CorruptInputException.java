package org.ts4kit.io;

import java.io.IOException;

/**
 * Bad input, said precisely: the file, the byte offset where the problem was found, and the
 * reason. Its message reads {@code PATH: offset N: reason}, the CLI's error-line format
 * ({@link ErrorLine}: control characters in the path and reason escaped). Each
 * format has its own subclass ({@code DbpfFormatException} for packages, {@code ZipFormatException}
 * for mod archives), so a caller can catch one format's problems or all of them here.
 */
public class CorruptInputException extends IOException {
    private final String file;
    private final long offset;
    private final String reason;

    public CorruptInputException(String file, long offset, String reason) {
        this(file, offset, reason, null);
    }

    public CorruptInputException(String file, long offset, String reason, Throwable cause) {
        super(ErrorLine.of(file, offset, reason), cause);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    /** The file, or {@code archive.zip!/inner.package} for a package inside an archive. */
    public String file() {
        return file;
    }

    /** Where the wrong bytes are, from the start of {@link #file()}. */
    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }

    /** The reason given when a mapped file's pages vanish under a reader (see {@link #isMappedFault}). */
    public static final String FILE_CHANGED = "file changed while being read (it shrank or vanished under its mapping)";

    /**
     * Whether {@code t} is the JVM's report of a fault while Java code read a mapped file: a page that
     * is no longer backed by the file because the file shrank (the JVM turns that SIGBUS into an
     * {@link InternalError} at the faulting access). Input that changed, not a broken JVM: readers
     * report it as bad input at a known offset and go on with other files.
     */
    public static boolean isMappedFault(Throwable t) {
        return t instanceof InternalError && t.getMessage() != null && t.getMessage().contains("unsafe memory access");
    }
}
