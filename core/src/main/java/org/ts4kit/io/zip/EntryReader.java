package org.ts4kit.io.zip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.ts4kit.codec.HeapInput;
import org.ts4kit.codec.ZlibDecoder;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.memory.ObjectPool;

/**
 * Reads one entry's bytes: finds its data through the local header (whose own name and extra
 * lengths decide where the data starts), then returns a view of stored bytes or inflates
 * deflated ones into an array of exactly the declared size, and checks the CRC-32 of both.
 *
 * <p>Errors name {@code archive!/entry}; the offset is the central record for what it declares
 * (method, encryption, sizes), the local header for where the data is, and the first data byte
 * for what the data holds (corrupt deflate, CRC).
 */
final class EntryReader {
    static final int LOCAL_SIG = 0x04034b50;
    static final int LOCAL_HEADER_SIZE = 30;
    /** Compressed input is fed in views of this size, so a multi-window source never copies more. */

    private static final ObjectPool<Inflater> INFLATERS = new ObjectPool<>(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), () -> new Inflater(true), Inflater::reset, Inflater::end);
    /** Scratch for "is there more output?"; its content is never read, so threads may share it. */
    private static final byte[] PROBE = new byte[1];

    private final ByteSource src;
    private final ZipEntryInfo entry;
    private final String file;
    private final String what;

    private EntryReader(ByteSource src, ZipEntryInfo entry) {
        this.src = src;
        this.entry = entry;
        this.file = src.name() + "!/" + entry.name();
        this.what = "entry '" + ZipNames.printable(entry.name()) + "'";
    }

    /**
     * The entry's checked bytes; a deflated entry is inflated into an array from {@code pool} (a new
     * array when null), whose {@link ByteBuffer#array()} the caller gives back when done.
     */
    static ByteBuffer read(ByteSource src, ZipEntryInfo entry, long maxBytes, BufferPool pool) throws ZipFormatException {
        EntryReader reader = new EntryReader(src, entry);
        try {
            return reader.read(maxBytes, pool);
        } catch (InternalError e) {
            if (!CorruptInputException.isMappedFault(e)) {
                throw e;
            }
            throw reader.error(entry.localHeaderOffset(), CorruptInputException.FILE_CHANGED);
        }
    }

    private ByteBuffer read(long maxBytes, BufferPool pool) throws ZipFormatException {
        long central = entry.centralHeaderOffset();
        if (entry.isEncrypted()) {
            throw error(central, "encrypted entry (flags 0x" + Integer.toHexString(entry.flags()) + "); ts4kit does not decrypt");
        }
        if (entry.method() == ZipEntryInfo.STORED) {
            if (entry.compressedSize() != entry.size()) {
                throw error(central, "stored entry declares " + entry.compressedSize() + " stored bytes but a size of " + entry.size());
            }
            if (entry.size() > Integer.MAX_VALUE) {
                throw error(central, "stored entry of " + entry.size() + " bytes does not fit one buffer");
            }
            long start = dataStart();
            ByteBuffer view = src.slice(start, (int) entry.size());
            CRC32 crc = new CRC32();
            HeapInput.update(crc, view); // never native code over mapped bytes (see HeapInput)
            checkCrc(crc.getValue(), start);
            return view;
        }
        if (entry.method() != ZipEntryInfo.DEFLATED) {
            throw error(central, "unsupported compression method " + entry.method() + methodName(entry.method()));
        }
        if (entry.size() > maxBytes) {
            throw error(central, "declared size " + entry.size() + " exceeds the cap of " + maxBytes
                    + " bytes (-Dts4kit.maxResourceBytes)");
        }
        if (entry.size() / ZlibDecoder.MAX_RATIO > entry.compressedSize()) {
            throw error(central, "declared size " + entry.size() + " cannot come from " + entry.compressedSize()
                    + " bytes of deflate data (more than " + ZlibDecoder.MAX_RATIO + ":1)");
        }
        long start = dataStart();
        int size = (int) entry.size();
        byte[] out = pool == null ? new byte[size] : pool.acquire(size);
        boolean ok = false;
        try {
            inflate(start, out, size);
            CRC32 crc = new CRC32();
            crc.update(out, 0, size);
            checkCrc(crc.getValue(), start);
            ok = true;
        } finally {
            if (!ok && pool != null) {
                pool.release(out);
            }
        }
        return ByteBuffer.wrap(out, 0, size).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Checks the local header and returns where the entry's data starts; the data is known to lie inside the source. */
    private long dataStart() throws ZipFormatException {
        long local = entry.localHeaderOffset();
        if (!src.contains(local, LOCAL_HEADER_SIZE)) {
            throw error(entry.centralHeaderOffset(), "local header at " + local + " lies outside the archive ("
                    + src.length() + " bytes)");
        }
        if (src.getIntLE(local) != LOCAL_SIG) {
            throw error(local, "local header at " + local + " is not a local file header");
        }
        long start = local + LOCAL_HEADER_SIZE + src.getUnsignedShortLE(local + 26) + src.getUnsignedShortLE(local + 28);
        if (!src.contains(start, entry.compressedSize())) {
            throw error(local, "data at " + start + " (" + entry.compressedSize() + " bytes) lies outside the archive ("
                    + src.length() + " bytes)");
        }
        return start;
    }

    /**
     * Inflates the {@code compressedSize} bytes at {@code start} into {@code out[0..size)}. The
     * stream must produce exactly {@code size} bytes, reach its final block, and end
     * exactly at the entry's compressed size. Every turn of the loop consumes input, produces
     * output or throws, so hostile input cannot make it spin.
     */
    private void inflate(long start, byte[] out, int size) throws ZipFormatException {
        long inPos = start;
        long inEnd = start + entry.compressedSize();
        int n = 0;
        Inflater inf = INFLATERS.borrow();
        try {
            while (!inf.finished()) {
                if (inf.needsInput()) {
                    if (inPos == inEnd) {
                        throw error(start, "deflate data is truncated: " + n + " of " + size + " bytes decoded when "
                                + entry.compressedSize() + " compressed bytes ran out");
                    }
                    int k = (int) Math.min(HeapInput.CHUNK, inEnd - inPos);
                    // zlib reads a heap copy, never the mapping (see HeapInput)
                    inf.setInput(HeapInput.copy(src.slice(inPos, k), 0, k), 0, k);
                    inPos += k;
                }
                long before = inf.getBytesRead();
                int r = n < size ? inf.inflate(out, n, size - n) : inf.inflate(PROBE);
                if (n == size && r > 0) {
                    throw error(start, "deflate data decodes to more than the declared size of " + size + " bytes");
                }
                n += r;
                if (r == 0 && inf.getBytesRead() == before && !inf.finished() && !inf.needsInput()) {
                    throw error(start, "deflate stream makes no progress after " + n + " bytes"
                            + (inf.needsDictionary() ? " (it needs a preset dictionary)" : ""));
                }
            }
            if (n != size) {
                throw error(start, "deflate stream ends after " + n + " bytes, the declared size is " + size);
            }
            long unread = inf.getRemaining() + (inEnd - inPos);
            if (unread > 0) {
                throw error(start, "deflate stream ends " + unread + " bytes before the declared compressed size of "
                        + entry.compressedSize());
            }
        } catch (DataFormatException e) {
            throw error(start, "corrupt deflate data after " + n + " bytes of output: " + e.getMessage());
        } finally {
            INFLATERS.release(inf);
        }
    }

    private void checkCrc(long actual, long dataStart) throws ZipFormatException {
        if (actual != entry.crc()) {
            throw error(dataStart, String.format("CRC mismatch: the data's CRC-32 is %08X, the central directory says %08X",
                    actual, entry.crc()));
        }
    }

    private ZipFormatException error(long offset, String reason) {
        return new ZipFormatException(file, offset, what + ": " + reason);
    }

    static String methodName(int method) {
        switch (method) {
            case 1: return " (shrunk)";
            case 6: return " (imploded)";
            case 9: return " (deflate64)";
            case 12: return " (bzip2)";
            case 14: return " (LZMA)";
            case 93: return " (zstd)";
            case 95: return " (xz)";
            case 98: return " (PPMd)";
            case 99: return " (AES-encrypted)";
            default: return "";
        }
    }
}
