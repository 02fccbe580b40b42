package org.ts4kit.catalog;

import org.ts4kit.io.CorruptInputException;

/**
 * A saved index that cannot be trusted: not one (magic), another format version, a checksum that does not
 * match, made for other inputs or limits, or a record that lies about its sizes. Never fatal: the index is
 * rebuilt from the packages, and the reason is said once.
 */
public final class IndexFormatException extends CorruptInputException {
    public IndexFormatException(String file, long offset, String reason) {
        super(file, offset, reason);
    }
}
