package org.ts4kit.dbpf;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a DBPF 2.1 package. Resource bytes stream out as they are added; the index and the
 * header are written by {@link #finish()}. Each resource picks its compression (none, zlib,
 * RefPack); the index writes the constant-type/group/instance-high flags when every entry shares
 * them, and always the extended form (compression and committed words) as the game does.
 *
 * <pre>{@code
 * try (DbpfWriter w = DbpfWriter.create(Path.of("out.package"))) {
 *     w.add(ResourceKey.parse("0333406C:00000000:00000000000ABCDE"), xmlBytes, Compression.ZLIB);
 *     w.addDeleted(ResourceKey.parse("545AC67A:00000000:0000000000003039"));
 * }
 * }</pre>
 *
 * {@link #copyOf} re-saves a package keeping every resource's stored bytes, so their decompressed
 * bytes stay identical.
 */
public final class DbpfWriter implements Closeable {
    private final Sink sink;
    private int count;
    private int[] types = new int[64];
    private int[] groups = new int[64];
    private long[] instances = new long[64];
    private long[] positions = new long[64];
    private int[] fileSizes = new int[64];
    private int[] memSizes = new int[64];
    private short[] compressions = new short[64];
    private boolean finished;

    private DbpfWriter(Sink sink) throws IOException {
        this.sink = sink;
        sink.write(ByteBuffer.allocate(DbpfHeader.SIZE)); // patched by finish()
    }

    /** A writer to a file (created or truncated). */
    public static DbpfWriter create(Path file) throws IOException {
        return new DbpfWriter(new FileSink(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)));
    }

    /** A writer to memory; {@link #toByteArray()} returns the package once finished. */
    public static DbpfWriter inMemory() {
        try {
            return new DbpfWriter(new MemorySink());
        } catch (IOException e) {
            throw new AssertionError("memory sinks do not fail", e);
        }
    }

    /** Re-saves every entry of {@code pkg} (deleted ones included) with its stored bytes unchanged. */
    public static void copyOf(DbpfPackage pkg, DbpfWriter out) throws IOException {
        DbpfIndex idx = pkg.index();
        for (int i = 0; i < idx.size(); i++) {
            ResourceKey key = idx.key(i);
            if (idx.isDeleted(i)) {
                out.addDeleted(key);
            } else {
                pkg.checkEntry(i);
                out.addStored(key, pkg.storedBytes(i), idx.memSize(i), idx.compression(i));
            }
        }
    }

    /** Compresses {@code data} with {@code compression} ({@link Compression#NONE}, ZLIB or REFPACK) and adds it. */
    public DbpfWriter add(ResourceKey key, byte[] data, int compression) throws IOException {
        byte[] stored = Compression.encode(compression, data, 0, data.length);
        return addStored(key, ByteBuffer.wrap(stored), data.length, compression);
    }

    /** Adds bytes already in their stored form (compressed with {@code compression}) as they are. */
    public DbpfWriter addStored(ResourceKey key, ByteBuffer stored, long memSize, int compression) throws IOException {
        checkOpen();
        if (memSize < 0 || memSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("mem size must fit 32 bits: " + memSize);
        }
        if (compression == Compression.DELETED) {
            return addDeleted(key);
        }
        long pos = sink.position();
        if (pos > 0xFFFF_FFFFL) {
            throw new IOException("resource data past 4 GiB cannot be addressed by a DBPF index");
        }
        int size = stored.remaining();
        sink.write(stored.duplicate());
        append(key, pos, size, (int) memSize, compression);
        return this;
    }

    /** Adds a deleted entry: a key with no data, as tools write to mask a resource. */
    public DbpfWriter addDeleted(ResourceKey key) throws IOException {
        checkOpen();
        append(key, Math.min(sink.position(), 0xFFFF_FFFFL), 0, 0, Compression.DELETED);
        return this;
    }

    public int entryCount() {
        return count;
    }

    private void append(ResourceKey key, long pos, int fileSize, int memSize, int compression) {
        if (count == types.length) {
            int n = count * 2;
            types = Arrays.copyOf(types, n);
            groups = Arrays.copyOf(groups, n);
            instances = Arrays.copyOf(instances, n);
            positions = Arrays.copyOf(positions, n);
            fileSizes = Arrays.copyOf(fileSizes, n);
            memSizes = Arrays.copyOf(memSizes, n);
            compressions = Arrays.copyOf(compressions, n);
        }
        types[count] = key.type();
        groups[count] = key.group();
        instances[count] = key.instance();
        positions[count] = pos;
        fileSizes[count] = fileSize;
        memSizes[count] = memSize;
        compressions[count] = (short) compression;
        count++;
    }

    /** Writes the index and the header. Idempotent; {@link #close()} calls it. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        int flags = 0;
        if (count > 0) {
            flags |= allSame(types) ? 1 : 0;
            flags |= allSame(groups) ? 2 : 0;
            boolean sameHigh = true;
            for (int i = 1; i < count && sameHigh; i++) {
                sameHigh = (int) (instances[i] >>> 32) == (int) (instances[0] >>> 32);
            }
            flags |= sameHigh ? 4 : 0;
        }
        int perEntry = 20 + 4 * (3 - Integer.bitCount(flags));
        int indexSize = 4 + 4 * Integer.bitCount(flags) + perEntry * count;
        ByteBuffer index = ByteBuffer.allocate(indexSize).order(ByteOrder.LITTLE_ENDIAN);
        index.putInt(flags);
        if ((flags & 1) != 0) {
            index.putInt(types[0]);
        }
        if ((flags & 2) != 0) {
            index.putInt(groups[0]);
        }
        if ((flags & 4) != 0) {
            index.putInt((int) (instances[0] >>> 32));
        }
        for (int i = 0; i < count; i++) {
            if ((flags & 1) == 0) {
                index.putInt(types[i]);
            }
            if ((flags & 2) == 0) {
                index.putInt(groups[i]);
            }
            if ((flags & 4) == 0) {
                index.putInt((int) (instances[i] >>> 32));
            }
            index.putInt((int) instances[i]);
            index.putInt((int) positions[i]);
            index.putInt(fileSizes[i] | 0x8000_0000);
            index.putInt(memSizes[i]);
            index.putShort(compressions[i]);
            index.putShort((short) 1);
        }
        long indexPos = sink.position();
        index.flip();
        sink.write(index);
        sink.writeAt(0, header(count, indexPos, indexSize));
        sink.finish();
    }

    private boolean allSame(int[] values) {
        for (int i = 1; i < count; i++) {
            if (values[i] != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer header(int count, long indexPos, int indexSize) {
        ByteBuffer h = ByteBuffer.allocate(DbpfHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, DbpfHeader.MAGIC);
        h.putInt(4, 2);
        h.putInt(8, 1);
        h.putInt(36, count);
        h.putInt(44, indexSize);
        h.putInt(60, 3);
        h.putLong(64, indexPos);
        return h;
    }

    /** The finished package's bytes; only for {@link #inMemory()} writers. */
    public byte[] toByteArray() throws IOException {
        finish();
        if (!(sink instanceof MemorySink)) {
            throw new IllegalStateException("toByteArray() is for in-memory writers");
        }
        return ((MemorySink) sink).bytes();
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("writer already finished");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            sink.close();
        }
    }

    /** Where the bytes go: sequential writes plus one patch of the header at the end. */
    private interface Sink extends Closeable {
        long position() throws IOException;

        void write(ByteBuffer b) throws IOException;

        void writeAt(long pos, ByteBuffer b) throws IOException;

        default void finish() throws IOException {
        }
    }

    private static final class FileSink implements Sink {
        private final FileChannel ch;

        FileSink(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public long position() throws IOException {
            return ch.position();
        }

        @Override
        public void write(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }

        @Override
        public void writeAt(long pos, ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                pos += ch.write(b, pos);
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    private static final class MemorySink implements Sink {
        private byte[] buf = new byte[4096];
        private int size;

        @Override
        public long position() {
            return size;
        }

        @Override
        public void write(ByteBuffer b) {
            int n = b.remaining();
            if (n > buf.length - size) {
                long want = Math.max((long) buf.length * 2, (long) size + n);
                if (want > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("in-memory packages are limited to 2 GiB; write to a file");
                }
                buf = Arrays.copyOf(buf, (int) want);
            }
            b.get(buf, size, n);
            size += n;
        }

        @Override
        public void writeAt(long pos, ByteBuffer b) {
            b.get(buf, (int) pos, b.remaining());
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }

        @Override
        public void close() {
        }
    }
}
