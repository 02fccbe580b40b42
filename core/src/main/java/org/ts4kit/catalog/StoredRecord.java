package org.ts4kit.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/**
 * A record as the saved index holds it: its header (what a rescan compares, and the key filter) and where
 * its body is: bytes a walk just encoded, or a range of the file it was read from, copied as it is when
 * the index is saved again.
 */
final class StoredRecord {
    final ByteBuffer header;
    /** Where the header starts in the file (errors in it count from here); 0 for a fresh record. */
    final long headerOffset;
    private final ByteBuffer body;
    private final Bodies bodies;
    final long bodyOffset;
    final int bodyLength;
    final int bodyCrc;

    private StoredRecord(ByteBuffer header, long headerOffset, ByteBuffer body, Bodies bodies, long bodyOffset, int bodyLength,
            int bodyCrc) {
        this.header = header;
        this.headerOffset = headerOffset;
        this.body = body;
        this.bodies = bodies;
        this.bodyOffset = bodyOffset;
        this.bodyLength = bodyLength;
        this.bodyCrc = bodyCrc;
    }

    /** A record a walk just made. */
    static StoredRecord fresh(byte[] header, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        return new StoredRecord(ByteBuffer.wrap(header), 0, ByteBuffer.wrap(body), null, -1, body.length, (int) crc.getValue());
    }

    /** A record read from a file, its body at {@code offset} there. */
    static StoredRecord read(ByteBuffer header, long headerOffset, Bodies bodies, long offset, int length, int crc) {
        return new StoredRecord(header, headerOffset, null, bodies, offset, length, crc);
    }

    /** The file this record's body is read from, or null. */
    Bodies bodies() {
        return bodies;
    }

    /** The body's bytes, checked against its checksum. */
    ByteBuffer body() throws IOException {
        if (body != null) {
            return body.duplicate();
        }
        ByteBuffer b = bodies.read(bodyOffset, bodyLength);
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate());
        if ((int) crc.getValue() != bodyCrc) {
            throw new IndexFormatException(bodies.name, bodyOffset, "record checksum mismatch (the file is damaged)");
        }
        return b;
    }

    /** Writes the body to {@code out} as it is. */
    void copyBody(WritableByteChannel out) throws IOException {
        if (body != null) {
            ByteBuffer b = body.duplicate();
            while (b.hasRemaining()) {
                out.write(b);
            }
        } else {
            bodies.copy(bodyOffset, bodyLength, out);
        }
    }
}
