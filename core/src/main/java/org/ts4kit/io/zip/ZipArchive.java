package org.ts4kit.io.zip;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ts4kit.codec.Limits;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.memory.BufferPool;

/*
 * Why our own reader and not Apache Commons Compress 1.28.0's ZipFile (bench/README.md has the tables):
 * - safety: on core's hostile-zip inputs (HostileZipTest, ZipFuzzTest; bench ZipReadersOnHostileInputTest)
 *   Commons Compress checks no CRC-32 and no declared size: a flipped byte in stored data comes back as
 *   data, and of 7,459 damaged archives (seed 1) 716 returned bytes other than those written (ours: none),
 *   122 more returned the right bytes with a wrong CRC or size, one failed with an IllegalArgumentException,
 *   and a member declaring method 93 (zstd) or 95 (xz) throws NoClassDefFoundError without optional jars;
 *   it also opens archives whose end record lies (entry count, directory size and offset). No hang or OOM
 *   either side.
 * - speed, JMH ZipReaderBenchmark (open every .zip, list, read every member; Commons Compress given the
 *   same CRC check; -f 1 -wi 3 -i 5 -prof gc, JDK 17.0.15, 2 shared cores, noisy):
 *     demo corpus (ts4kit gen --packages 200 --seed 1: 8 zips, 10.7 MB)
 *       ZipArchive 19.6 ± 14.7 ms, 4.7 MB allocated; CC streams 20.7 ± 4.0 ms, 23.7 MB;
 *       CC zero-copy (stored entries mapped at getDataOffset) 22.6 ± 6.9 ms, 9.0 MB
 *     big corpus (--packages 100 --seed 2 --size-factor 16: 4 zips, 84 MB)
 *       ZipArchive 171 ± 57 ms, 44.5 MB; CC streams 305 ± 973 ms, 180 MB; CC zero-copy 206 ± 114 ms, 89 MB
 *   As fast or faster (inflate dominates both), and half to a quarter of the allocation: stored members
 *   are views of the mapping and deflated ones are inflated once into an array of the declared size.
 */
/**
 * A zip archive read in place from a {@link ByteSource}: mods travel as {@code .zip} files of
 * {@code .package} and {@code .ts4script} files. Opening reads only the end records and the
 * central directory; {@link #data} reads one entry, as a view of the mapping when it is stored
 * and into a new array when it is deflated.
 *
 * <pre>{@code
 * try (ZipArchive zip = ZipArchive.open(Path.of("mods.zip"))) {
 *     for (ZipEntryInfo e : zip.entries()) {
 *         if (!e.isDirectory() && e.name().toLowerCase(Locale.ROOT).endsWith(".package")) {
 *             DbpfPackage pkg = DbpfPackage.open(zip.open(e)); // errors name mods.zip!/that.package
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Supports ZIP64, stored and deflated entries, archives with a comment, with bytes appended
 * or a stub prepended. Refuses encrypted entries, other compression methods and entries whose
 * declared size is over a cap. Every bad input fails with a {@link ZipFormatException} that
 * names the archive (or {@code archive!/entry}), the offset of the bytes that are wrong and the
 * reason. Thread-safe after opening: reads never change state.
 *
 * <p>Names are decoded as UTF-8 when the bytes are valid UTF-8, whether or not flag bit 11 says
 * so (most packers write UTF-8 without it), and as ISO-8859-1 otherwise; the specification's
 * CP437 for unflagged names is not used, so a CP437 name with bytes over 0x7F reads as stable
 * Latin-1 look-alikes. Names are never normalised; see {@link #isSafeName}.
 */
public final class ZipArchive implements Closeable {
    private final ByteSource source;
    private final EndRecord end;
    private final List<ZipEntryInfo> entries;
    private final Map<String, ZipEntryInfo> byName;
    private final long maxEntryBytes;
    private final MemberGuard guard;

    private ZipArchive(ByteSource source, EndRecord end, List<ZipEntryInfo> entries, long maxEntryBytes, long decodeBudget) {
        this.source = source;
        this.end = end;
        this.entries = Collections.unmodifiableList(entries);
        this.maxEntryBytes = maxEntryBytes;
        this.guard = new MemberGuard(this.entries, source.length(), decodeBudget);
        this.byName = new HashMap<>(Math.max(16, entries.size() * 2));
        for (ZipEntryInfo e : entries) {
            byName.putIfAbsent(e.name(), e);
        }
    }

    /** Opens the archive in {@code src}, capping deflated entries at {@link Limits#maxResourceBytes()} as it is now. */
    public static ZipArchive open(ByteSource src) throws ZipFormatException {
        return open(src, Limits.maxResourceBytes());
    }

    /**
     * Opens the archive in {@code src}; {@link #data} refuses deflated entries that declare more
     * than {@code maxEntryBytes} (at most {@link Limits#HARD_MAX_RESOURCE_BYTES}). The archive
     * does not copy {@code src}; closing the archive closes it.
     */
    public static ZipArchive open(ByteSource src, long maxEntryBytes) throws ZipFormatException {
        return open(src, maxEntryBytes, Limits.decodeBudget(src.length(), maxEntryBytes, Limits.DEFAULT_MAX_DECODE_RATIO,
                Limits.DEFAULT_MAX_DECODED_BYTES));
    }

    /**
     * As {@link #open(ByteSource, long)}, and all deflated members together may inflate to at most
     * {@code decodeBudget} bytes (see {@code ReadOptions.decodeBudget}); members whose bytes overlap an
     * earlier member's are refused when read.
     */
    public static ZipArchive open(ByteSource src, long maxEntryBytes, long decodeBudget) throws ZipFormatException {
        Limits.checkCap(maxEntryBytes, "max entry bytes");
        try {
            EndRecord end = EndRecord.read(src);
            return new ZipArchive(src, end, CentralDirectory.read(src, end), maxEntryBytes, decodeBudget);
        } catch (InternalError e) {
            if (!CorruptInputException.isMappedFault(e)) {
                throw e;
            }
            throw new ZipFormatException(src.name(), 0, "central directory: " + CorruptInputException.FILE_CHANGED, e);
        }
    }

    /** Maps {@code file} and opens it; the mapping is released if the file is not a readable archive. */
    public static ZipArchive open(Path file) throws IOException {
        ByteSource src = ByteSources.map(file);
        boolean ok = false;
        try {
            ZipArchive zip = open(src);
            ok = true;
            return zip;
        } finally {
            if (!ok) {
                src.close();
            }
        }
    }

    /** The source's name: what errors call the archive. */
    public String name() {
        return source.name();
    }

    /** The entries in central directory order; names may repeat. */
    public List<ZipEntryInfo> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The first entry with exactly this name (no normalisation: {@code a/b} and {@code a\b} differ). */
    public Optional<ZipEntryInfo> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The archive comment, decoded like names (UTF-8, else ISO-8859-1); empty when there is none. */
    public String comment() {
        return ZipNames.decode(end.comment);
    }

    /** Whether the archive has ZIP64 end records (over 65,535 entries, or offsets or sizes over 4 GiB). */
    public boolean isZip64() {
        return end.isZip64();
    }

    /** Bytes before the archive proper, such as a self-extractor stub; 0 for an ordinary zip. */
    public long prefixLength() {
        return end.base;
    }

    /**
     * The entry's uncompressed bytes, with their CRC-32 checked. A stored entry comes back as a
     * read-only view of the source (no copy while it lies in one mapped window); a deflated one
     * as a new heap buffer of exactly {@link ZipEntryInfo#size()} bytes. Both are little-endian,
     * positioned at 0.
     *
     * @throws ZipFormatException when the entry is encrypted, uses another method, declares a
     *     deflated size over the cap, or its local header, data or CRC are not what the central
     *     directory says; the error names {@code archive!/entry}
     * @throws IllegalArgumentException when {@code entry} belongs to another archive
     */
    public ByteBuffer data(ZipEntryInfo entry) throws ZipFormatException {
        checkOwn(entry);
        guard(entry);
        return EntryReader.read(source, entry, maxEntryBytes, null);
    }

    /** The entry's bytes as a source named {@code archive!/entry}, ready for {@code DbpfPackage}. */
    public ByteSource open(ZipEntryInfo entry) throws ZipFormatException {
        return open(entry, name() + "!/" + entry.name(), null);
    }

    /**
     * Like {@link #open(ZipEntryInfo)}, but a deflated entry is inflated into an array from
     * {@code pool} that goes back to it when the source is closed: a scan over many zipped
     * packages reuses a few large arrays instead of allocating one per package. Nothing read from
     * the source may be kept after closing it. {@code member} names the source in errors; a null
     * {@code pool} inflates into a new array, as {@link #open(ZipEntryInfo)} does.
     */
    public ByteSource open(ZipEntryInfo entry, String member, BufferPool pool) throws ZipFormatException {
        try {
            if (pool == null || entry.method() != ZipEntryInfo.DEFLATED) {
                return ByteSources.wrap(member, data(entry));
            }
            checkOwn(entry);
            guard(entry);
            ByteBuffer data = EntryReader.read(source, entry, maxEntryBytes, pool);
            byte[] array = data.array();
            return ByteSources.wrap(member, data, () -> pool.release(array));
        } catch (ZipFormatException e) {
            // errors name the member as its reader does (a second member of one name is "x.package#2")
            throw e.file().equals(member) ? e : new ZipFormatException(member, e.offset(), e.reason(), e);
        }
    }

    private void guard(ZipEntryInfo entry) throws ZipFormatException {
        guard.checkOwnBytes(entry, entries, name());
        if (entry.method() == ZipEntryInfo.DEFLATED && !entry.isEncrypted() && entry.size() <= maxEntryBytes) {
            guard.charge(entry, name()); // (what the reader refuses anyway is not charged)
        }
    }

    private void checkOwn(ZipEntryInfo entry) {
        if (entry.index() >= entries.size() || entries.get(entry.index()) != entry) {
            throw new IllegalArgumentException(entry + " is not an entry of " + name());
        }
    }

    /**
     * Whether an extractor may write {@code name} under its target folder without leaving it or
     * touching something else: relative, no {@code .} or {@code ..} segments, no empty segment
     * except a directory's trailing slash, no backslash, colon (drive letters, alternate data
     * streams) or control character, no segment ending in a dot or space (Windows drops them),
     * and no Windows device name ({@code CON}, {@code nul.txt}, {@code COM1} ...). Archives keep
     * their names as they are; this only judges them.
     */
    public static boolean isSafeName(String name) {
        return ZipNames.isSafe(name);
    }

    /** Closes the source; idempotent. Buffers from {@link #data} stay valid until unreachable. */
    @Override
    public void close() {
        source.close();
    }
}
