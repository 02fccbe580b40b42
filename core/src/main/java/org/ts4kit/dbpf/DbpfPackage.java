package org.ts4kit.dbpf;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.Decoder;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.telemetry.PackageOpenEvent;
import org.ts4kit.telemetry.ResourceReadEvent;
import org.ts4kit.telemetry.Telemetry;


/**
 * An open package: its header, its columnar {@link DbpfIndex}, and reads of its resources.
 * Opening parses only the header and the index; no resource byte is touched until asked for.
 *
 * <pre>{@code
 * try (DbpfPackage pkg = DbpfPackage.open(Path.of("mod.package"))) {
 *     for (int i = 0; i < pkg.entryCount(); i++) {
 *         System.out.println(pkg.index().key(i) + " " + pkg.index().memSize(i));
 *     }
 *     int e = pkg.index().find(ResourceKey.parse("220557DA:80000000:0021000000000001"));
 *     byte[] text = pkg.read(e);
 * }
 * }</pre>
 *
 * Thread-safe for concurrent reads once open.
 */
public final class DbpfPackage implements Closeable {
    /** Headroom over a codec's ratio bound (headers, tiny streams); none must match exactly. */
    private static final long RATIO_SLACK = 64;
    private final ByteSource source;
    private final DbpfHeader header;
    private final DbpfIndex index;
    private final ReadOptions options;
    /** What this package may decompress in all ({@link ReadOptions#decodeBudget}), and what it has. */
    private final long decodeBudget;
    private final AtomicLong decoded = new AtomicLong();
    private final Telemetry telemetry;

    private DbpfPackage(ByteSource source, DbpfHeader header, DbpfIndex index, ReadOptions options) {
        this.source = source;
        this.header = header;
        this.index = index;
        this.options = options;
        this.decodeBudget = options.decodeBudget(source.length());
        this.telemetry = options.telemetry();
    }

    /** Memory-maps {@code file} (in several windows when over 1 GiB) and parses its header and index. */
    public static DbpfPackage open(Path file) throws IOException {
        return open(file, ReadOptions.defaults());
    }

    /** As {@link #open(Path)}, reading under {@code options}. */
    public static DbpfPackage open(Path file, ReadOptions options) throws IOException {
        return open(ByteSources.map(file), options);
    }

    /** Reads a package held in a buffer (a zip entry, a remote file); the buffer is not copied. */
    public static DbpfPackage open(String name, ByteBuffer buffer) throws DbpfFormatException {
        return open(ByteSources.wrap(name, buffer));
    }

    /**
     * Parses the header and index of any source; the package owns the source from here on, and
     * closes it when the header or index does not parse (a pooled source gives its array back).
     */
    public static DbpfPackage open(ByteSource source) throws DbpfFormatException {
        return open(source, ReadOptions.defaults());
    }

    /** As {@link #open(ByteSource)}, reading under {@code options}. */
    public static DbpfPackage open(ByteSource source, ReadOptions options) throws DbpfFormatException {
        long start = Telemetry.start();
        PackageOpenEvent event = Telemetry.beginOpen();
        try {
            DbpfHeader header = IndexParser.parseHeader(source);
            DbpfIndex index = IndexParser.parseIndex(source, header, options.maxEntries());
            options.telemetry().packageOpened(start, event, source.name(), index.size(), source.length());
            return new DbpfPackage(source, header, index, options);
        } catch (DbpfFormatException e) {
            options.telemetry().error();
            source.close();
            throw e;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        } catch (InternalError e) {
            source.close();
            if (!CorruptInputException.isMappedFault(e)) {
                throw e;
            }
            options.telemetry().error();
            throw new DbpfFormatException(source.name(), 0, "header or index: " + CorruptInputException.FILE_CHANGED, e);
        }
    }

    public String name() {
        return source.name();
    }

    /** The file's size in bytes. */
    public long length() {
        return source.length();
    }

    /** The bytes underneath: for whole-file work such as hashing the file. */
    public ByteSource source() {
        return source;
    }

    public DbpfHeader header() {
        return header;
    }

    public DbpfIndex index() {
        return index;
    }

    /** What this package was opened with: its size cap, pool and telemetry. */
    public ReadOptions options() {
        return options;
    }

    public int entryCount() {
        return index.size();
    }

    /** Every index entry in order, deleted ones included: {@code for (Entry e : pkg.entries())}. */
    public Iterable<Entry> entries() {
        return () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < index.size();
            }

            @Override
            public Entry next() {
                if (next >= index.size()) {
                    throw new java.util.NoSuchElementException();
                }
                return new Entry(index, next++);
            }
        };
    }

    /**
     * Checks what can be checked of entry {@code i} without decoding: it is not deleted, its
     * stored bytes lie inside the file, its compression is known and its declared size is under
     * the cap. The error points at the entry's index record.
     */
    public void checkEntry(int i) throws DbpfFormatException {
        try {
            check(i);
        } catch (DbpfFormatException e) {
            telemetry.error();
            throw e;
        }
    }

    private void check(int i) throws DbpfFormatException {
        int code = index.compression(i);
        if (code == Compression.DELETED) {
            throw new DbpfFormatException(name(), index.recordOffset(i), what(i) + " is deleted: it has no data");
        }
        long offset = index.offset(i);
        long fileSize = index.fileSize(i);
        if (!source.contains(offset, fileSize)) {
            throw new DbpfFormatException(name(), index.recordOffset(i), what(i) + ": data at " + offset + "+" + fileSize
                    + " lies outside the file (" + source.length() + " bytes)");
        }
        if (!Compression.isKnown(code)) {
            throw new DbpfFormatException(name(), index.recordOffset(i), what(i) + ": unknown compression 0x" + Compression.name(code));
        }
        long memSize = index.memSize(i);
        if (memSize > options.maxResourceBytes()) {
            throw new DbpfFormatException(name(), index.recordOffset(i), what(i) + ": declared size " + memSize
                    + " exceeds the cap of " + options.maxResourceBytes() + " bytes (-Dts4kit.maxResourceBytes)");
        }
        // no codec expands past its ratio: refuse before allocating mem size bytes for a lie
        if (memSize > fileSize * Compression.decoder(code).maxRatio() + RATIO_SLACK) {
            throw new DbpfFormatException(name(), index.recordOffset(i), what(i) + ": mem size " + memSize + " cannot come from "
                    + fileSize + " stored bytes of " + Compression.name(code));
        }
    }

    /** How errors name an entry; built only when there is an error (the read path allocates nothing for it). */
    private String what(int i) {
        return "entry " + i + " (" + index.key(i) + ")";
    }

    /** Entry {@code i}'s stored bytes as they are in the file: a read-only view of the mapping, no copy. */
    public ByteBuffer storedBytes(int i) throws DbpfFormatException {
        checkStored(i);
        return source.slice(index.offset(i), (int) index.fileSize(i));
    }

    /** What {@link #storedBytes} needs: the entry has data and it lies inside the file. */
    void checkStored(int i) throws DbpfFormatException {
        if (index.compression(i) == Compression.DELETED || !source.contains(index.offset(i), index.fileSize(i))) {
            checkEntry(i); // throws with the full message
        }
    }

    /**
     * A reader for the calling thread that decodes into {@code buffer} and allocates nothing per
     * resource: the way to read many resources. See {@link ResourceReader}.
     */
    public ResourceReader reader(ResourceBuffer buffer) {
        return new ResourceReader(this, source.cursor(), buffer);
    }

    /** Entry {@code i}'s decompressed bytes in a new array of exactly its mem size. */
    public byte[] read(int i) throws DbpfFormatException {
        checkEntry(i);
        byte[] out = new byte[(int) index.memSize(i)];
        decodeInto(i, stored(i), out, 0);
        return out;
    }

    /**
     * Decompresses entry {@code i} into {@code dst} at {@code off}; returns its length. The
     * array must have room for {@link DbpfIndex#memSize} bytes.
     */
    public int read(int i, byte[] dst, int off) throws DbpfFormatException {
        checkEntry(i);
        int size = (int) index.memSize(i);
        if (off < 0 || size > dst.length - off) {
            throw new IllegalArgumentException("entry " + i + " needs " + size + " bytes, destination has " + (dst.length - off));
        }
        decodeInto(i, stored(i), dst, off);
        return size;
    }

    /**
     * Decompresses entry {@code i} into a reusable buffer (grown as needed) and returns a view of
     * exactly its bytes. The view is valid until the buffer's next use. Allocates a view of the
     * stored bytes per call; loops over many resources use {@link #reader} instead.
     */
    public ByteBuffer read(int i, ResourceBuffer buffer) throws DbpfFormatException {
        checkEntry(i);
        int size = (int) index.memSize(i);
        ByteBuffer view = buffer.view(size);
        decodeInto(i, stored(i), view.array(), 0);
        return view;
    }

    private ByteBuffer stored(int i) {
        return source.slice(index.offset(i), (int) index.fileSize(i));
    }

    /** Decodes checked entry {@code i} from its {@code stored} bytes; telemetry and error wrapping in one place. */
    void decodeInto(int i, ByteBuffer stored, byte[] dst, int off) throws DbpfFormatException {
        int code = index.compression(i);
        Decoder decoder = Compression.decoder(code);
        if (decoder == null) { // checkEntry refused deleted and unknown codes before any caller gets here
            throw new IllegalStateException(what(i) + " has no decoder: it was not checked");
        }
        long mem = index.memSize(i);
        if (decoded.addAndGet(mem) > decodeBudget) { // stored copies count too: one range read 10,000 times is a bomb
            decoded.addAndGet(-mem);
            telemetry.error();
            throw new DbpfFormatException(name(), index.offset(i), "entry " + i + " (" + index.key(i) + "): its " + mem
                    + " bytes would bring what this package decompressed over its limit of " + decodeBudget + " bytes ("
                    + options.maxDecodeRatio() + " x its " + length() + " bytes, -Dts4kit.maxDecodeRatio; at most "
                    + options.maxDecodedBytes() + ", -Dts4kit.maxDecodedBytes)");
        }
        long start = Telemetry.start();
        ResourceReadEvent event = Telemetry.beginRead();
        try {
            decoder.decode(stored, dst, off, (int) index.memSize(i));
            telemetry.resourceRead(start, event, event == null ? null : index.key(i), Compression.name(code),
                    index.fileSize(i), index.memSize(i));
        } catch (CodecException e) {
            telemetry.error();
            throw new DbpfFormatException(name(), index.offset(i), "entry " + i + " (" + index.key(i) + "), "
                    + Compression.name(code) + ": " + e.getMessage(), e);
        } catch (InternalError e) {
            throw changedUnder(i, e);
        }
    }

    /**
     * Entry {@code i}'s error for a mapped-memory fault {@code e} (the file shrank under its mapping),
     * counted; any other {@link InternalError} is rethrown as it is. The JVM may deliver such a fault
     * late, after the read that caused it, so code that works on read bytes ({@link BulkRead}) asks
     * here too.
     */
    DbpfFormatException changedUnder(int i, InternalError e) {
        if (!CorruptInputException.isMappedFault(e)) {
            throw e;
        }
        telemetry.error();
        return new DbpfFormatException(name(), index.offset(i), "entry " + i + " (" + index.key(i) + "): "
                + CorruptInputException.FILE_CHANGED, e);
    }

    @Override
    public void close() {
        source.close();
    }
}
