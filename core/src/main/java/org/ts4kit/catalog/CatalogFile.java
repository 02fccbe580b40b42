package org.ts4kit.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The saved index on disk:
 * <pre>
 * magic      8 bytes  "TS4KIDX\0"
 * version    i32      {@link #VERSION}: another one is rebuilt, never read
 * identity   string   what the index was made for (the inputs as given and resolved, the read limits)
 * records    count, then per record: its length (varint) and its bytes ({@link RecordCodec})
 * checksum   i32      CRC-32C of every byte before it
 * </pre>
 * Written whole to a temporary file beside the target and renamed over it, so a reader sees the old index
 * or the new one, never half of one. Read whole, checksum first: a file damaged on disk fails there; a
 * crafted one with a right checksum still meets the bounds checks of every record.
 */
final class CatalogFile {
    static final byte[] MAGIC = "TS4KIDX\0".getBytes(StandardCharsets.US_ASCII);
    /** Raised whenever what a record holds, or means, changes. */
    static final int VERSION = 2;
    /** A saved index larger than this is not read (it would be a collection of tens of millions of resources). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private CatalogFile() {
    }

    static void write(Path file, String identity, List<ByteBuffer> records) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            CRC32C crc = new CRC32C();
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                RecordOutput head = new RecordOutput();
                head.bytes(MAGIC);
                head.i32(VERSION);
                head.string(identity);
                head.varint(records.size());
                write(out, crc, head.toByteArray());
                byte[] chunk = new byte[1 << 16];
                for (ByteBuffer r : records) {
                    RecordOutput len = new RecordOutput();
                    len.varint(r.remaining());
                    write(out, crc, len.toByteArray());
                    ByteBuffer from = r.duplicate();
                    while (from.hasRemaining()) {
                        int n = Math.min(chunk.length, from.remaining());
                        from.get(chunk, 0, n);
                        crc.update(chunk, 0, n);
                        out.write(chunk, 0, n);
                    }
                }
                RecordOutput tail = new RecordOutput();
                tail.i32((int) crc.getValue());
                out.write(tail.toByteArray());
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true); // the rename must not land before the bytes
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void write(OutputStream out, CRC32C crc, byte[] b) throws IOException {
        crc.update(b, 0, b.length);
        out.write(b);
    }

    /** One record's bytes and where they start in the file. */
    record Blob(long offset, ByteBuffer bytes) {
    }

    /** The records' bytes of {@code file}, when it is a whole saved index made for {@code identity}. */
    static List<Blob> read(Path file, String identity) throws IOException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IndexFormatException(name, 0, "larger than " + MAX_BYTES + " bytes");
        }
        // read whole, not mapped: it is parsed whole anyway, and a file replaced under a mapping would fault
        return parse(name, Files.readAllBytes(file), identity);
    }

    /** The records of a saved index held in {@code all}, named {@code name} in errors. */
    static List<Blob> parse(String name, byte[] all, String identity) throws IndexFormatException {
        if (all.length < MAGIC.length + 8 || !java.util.Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IndexFormatException(name, 0, "not a ts4kit saved index");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int version = buf.getInt(MAGIC.length);
        if (version != VERSION) {
            throw new IndexFormatException(name, MAGIC.length, "format version " + version + ", this ts4kit reads " + VERSION);
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 4);
        if ((int) crc.getValue() != buf.getInt(all.length - 4)) {
            throw new IndexFormatException(name, all.length - 4, "checksum mismatch (the file is damaged)");
        }
        RecordInput in = new RecordInput(name, buf.position(MAGIC.length + 4).limit(all.length - 4), MAGIC.length + 4);
        String madeFor = in.string();
        if (!madeFor.equals(identity)) {
            throw new IndexFormatException(name, MAGIC.length + 4, "made for other inputs or limits");
        }
        int n = in.count(1, "records");
        List<Blob> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int length = in.count(1, "record bytes");
            long at = in.offset();
            records.add(new Blob(at, in.slice(length)));
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the last record");
        }
        return records;
    }
}
