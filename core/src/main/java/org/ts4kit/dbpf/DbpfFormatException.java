package org.ts4kit.dbpf;

import org.ts4kit.io.CorruptInputException;

/**
 * A package that is not what DBPF 2.1 says: names the file, the byte offset where the problem was
 * found and the reason ({@code PATH: offset N: reason}).
 *
 * <p>Offsets follow one rule: the position in the file of the bytes that are wrong. A bad magic
 * is at 0; a version at 4; an index that lies outside the file at the header field that points
 * there; an entry whose data lies outside the file at its index record; corrupt compressed data
 * at the first byte of that entry's stored data.
 */
public class DbpfFormatException extends CorruptInputException {
    public DbpfFormatException(String file, long offset, String reason) {
        super(file, offset, reason);
    }

    public DbpfFormatException(String file, long offset, String reason, Throwable cause) {
        super(file, offset, reason, cause);
    }
}
