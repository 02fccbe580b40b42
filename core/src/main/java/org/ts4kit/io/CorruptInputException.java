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
}
