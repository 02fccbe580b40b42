package org.ts4kit.io.zip;

import org.ts4kit.io.CorruptInputException;

/**
 * A mod archive that is not a zip we can read safely: bad records, lying sizes or offsets,
 * encryption, an unsupported method, a CRC mismatch. Names the archive (or the member), the
 * offset and the reason, like every {@link CorruptInputException}.
 */
public final class ZipFormatException extends CorruptInputException {
    public ZipFormatException(String file, long offset, String reason) {
        super(file, offset, reason);
    }

    public ZipFormatException(String file, long offset, String reason, Throwable cause) {
        super(file, offset, reason, cause);
    }
}
