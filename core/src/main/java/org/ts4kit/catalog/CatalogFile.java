package org.ts4kit.catalog;

import java.io.IOException;
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
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The saved index on disk: a directory of record headers first, then the records' bodies.
 * <pre>
 * magic      8 bytes  "TS4KIDX\0"
 * version    i32      {@link #VERSION}: another one is rebuilt, never read
 * directory  i64      length of the directory, which starts at byte 24
 * reserved   i32      0
 * directory: identity string (what the index was made for: the inputs as given and resolved, the read limits),
 *            record count, then per record: header length (varint), header ({@link RecordCodec}), body offset
 *            (i64, from the start of the bodies), body length (varint), body CRC-32C (i32)
 * checksum   i32      CRC-32C of bytes [0, 24 + directory length)
 * bodies     each record's body, in directory order
 * </pre>
 * A rescan reads the directory only (names, stamps, problems, key filters: a few percent of the file); a body is
 * read by position, and checked against its own CRC, when a command first uses the record's resources. Written
 * to a temporary file beside the target and renamed over it, so a reader sees the old index or the new one;
 * unchanged bodies are copied file to file, never through the heap.
 */
final class CatalogFile {
    static final byte[] MAGIC = "TS4KIDX\0".getBytes(StandardCharsets.US_ASCII);
    /** Raised whenever what a record holds, or means, or the layout changes. */
    static final int VERSION = 4;
    static final int DIRECTORY_START = 24;
    /** A directory larger than this is not read (it would be a collection of millions of packages). */
    static final long MAX_DIRECTORY = Integer.MAX_VALUE - 64;

    private CatalogFile() {
    }

    static void write(Path file, String identity, List<StoredRecord> records) throws IOException {
        RecordOutput dir = new RecordOutput();
        dir.string(identity);
        dir.varint(records.size());
        long bodyAt = 0;
        for (StoredRecord r : records) {
            dir.varint(r.header.remaining());
            dir.bytes(r.header);
            dir.i64(bodyAt);
            dir.varint(r.bodyLength);
            dir.i32(r.bodyCrc);
            bodyAt += r.bodyLength;
        }
        byte[] directory = dir.toByteArray();
        ByteBuffer head = ByteBuffer.allocate(DIRECTORY_START).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).putInt(VERSION).putLong(directory.length).putInt(0).flip();
        CRC32C crc = new CRC32C();
        crc.update(head.duplicate());
        crc.update(directory, 0, directory.length);
        ByteBuffer sum = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).flip();

        Path dirOfFile = file.toAbsolutePath().getParent();
        Files.createDirectories(dirOfFile);
        Path tmp = Files.createTempFile(dirOfFile, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeAll(out, head);
                writeAll(out, ByteBuffer.wrap(directory));
                writeAll(out, sum);
                for (StoredRecord r : records) {
                    r.copyBody(out);
                }
                out.force(true); // the rename must not land before the bytes
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

    private static void writeAll(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    /** The directory of {@code file} (made for {@code identity}); bodies are read from the file when used. */
    static List<StoredRecord> read(Path file, String identity) throws IOException {
        String name = file.toString();
        long size;
        ByteBuffer directory;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            ByteBuffer head = readFully(ch, 0, (int) Math.min(size, DIRECTORY_START), name);
            long length = directoryLength(name, head, size);
            directory = readFully(ch, 0, (int) (DIRECTORY_START + length + 4), name);
        }
        return parseDirectory(name, directory, size, identity, Bodies.of(file));
    }

    /** The records of a saved index whose bytes are all of {@code all} ({@code name} in errors). */
    static List<StoredRecord> parse(String name, byte[] all, String identity) throws IndexFormatException {
        ByteBuffer whole = ByteBuffer.wrap(all);
        long length = directoryLength(name, ByteBuffer.wrap(all, 0, Math.min(all.length, DIRECTORY_START)).slice(), all.length);
        ByteBuffer directory = ByteBuffer.wrap(all, 0, (int) (DIRECTORY_START + length + 4)).slice();
        return parseDirectory(name, directory, all.length, identity, Bodies.of(name, whole));
    }

    private static ByteBuffer readFully(FileChannel ch, long at, int length, String name) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IndexFormatException(name, at + b.position(), "the file ends early");
            }
        }
        return b.flip();
    }

    /** Checks magic and version and returns the directory's length, which must fit in a file of {@code size} bytes. */
    private static long directoryLength(String name, ByteBuffer head, long size) throws IndexFormatException {
        byte[] magic = new byte[Math.min(MAGIC.length, head.remaining())];
        head.duplicate().get(magic);
        if (head.remaining() < DIRECTORY_START || !Arrays.equals(magic, MAGIC)) {
            throw new IndexFormatException(name, 0, "not a ts4kit saved index");
        }
        ByteBuffer h = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int version = h.getInt(MAGIC.length);
        if (version != VERSION) {
            throw new IndexFormatException(name, MAGIC.length, "format version " + version + ", this ts4kit reads " + VERSION);
        }
        long length = h.getLong(12);
        if (length < 0 || length > MAX_DIRECTORY || DIRECTORY_START + length + 4 > size) {
            throw new IndexFormatException(name, 12, "a directory of " + length + " bytes in a file of " + size);
        }
        return length;
    }

    private static List<StoredRecord> parseDirectory(String name, ByteBuffer directory, long size, String identity, Bodies bodies)
            throws IndexFormatException {
        int end = directory.limit() - 4;
        CRC32C crc = new CRC32C();
        crc.update(directory.duplicate().limit(end));
        if ((int) crc.getValue() != directory.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(end)) {
            throw new IndexFormatException(name, end, "checksum mismatch (the file is damaged)");
        }
        long bodiesStart = directory.limit();
        RecordInput in = new RecordInput(name, directory.duplicate().position(DIRECTORY_START).limit(end), DIRECTORY_START);
        if (!in.string().equals(identity)) {
            throw new IndexFormatException(name, DIRECTORY_START, "made for other inputs or limits");
        }
        int n = in.count(8, "records");
        List<StoredRecord> records = new ArrayList<>(n);
        long expected = 0;
        for (int i = 0; i < n; i++) {
            int headerLength = in.count(1, "header bytes");
            long headerAt = in.offset();
            ByteBuffer header = in.slice(headerLength);
            long at = in.offset();
            long offset = in.i64();
            long length = in.varint();
            int bodyCrc = in.i32();
            if (offset != expected || length > Integer.MAX_VALUE || bodiesStart + offset + length > size) {
                throw in.corruptAt(at, "a body at " + offset + "+" + length + " where " + expected + " was next, in a file of " + size);
            }
            expected += length;
            records.add(StoredRecord.read(header, headerAt, bodies, bodiesStart + offset, (int) length, bodyCrc));
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the last record");
        }
        return records;
    }
}
