package org.ts4kit.dbpf;

import java.io.IOException;

/**
 * The one error for bad input: names the file, the byte offset where the problem was found and
 * the reason. Its message reads {@code PATH: offset N: reason}, the CLI's error-line format.
 *
 * <p>Offsets follow one rule: the position in the file of the bytes that are wrong. A bad magic
 * is at 0; a version at 4; an index that lies outside the file at the header field that points
 * there; an entry whose data lies outside the file at its index record; corrupt compressed data
 * at the first byte of that entry's stored data.
 */
public class DbpfFormatException extends IOException {
    private final String file;
    private final long offset;
    private final String reason;

    public DbpfFormatException(String file, long offset, String reason) {
        this(file, offset, reason, null);
    }

    public DbpfFormatException(String file, long offset, String reason, Throwable cause) {
        super(file + ": offset " + offset + ": " + reason, cause);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
