package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.io.zip.ZipFormatException;
import org.ts4kit.memory.BufferPool;

/**
 * {@link ZipArchive} on any bytes: open, then read every member. Twice, independently: from one
 * buffer with {@link ZipArchive#data}, and from 32-byte windows with {@link ZipArchive#open(ZipEntryInfo,
 * String, BufferPool)} inflating into pooled arrays; both must read every member the same (bytes of
 * the declared size and CRC-32, or the same well-formed {@link ZipFormatException}). Nothing else may
 * escape.
 */
class ZipArchiveFuzzTest {
    private static final String NAME = "fuzz.zip";
    private static final BufferPool POOL = new BufferPool(4, 8L << 20);

    @FuzzTest(maxDuration = "2m")
    void openAndReadEveryMember(byte[] data) {
        List<String> whole = read(data, ByteSources.wrap(NAME, ByteBuffer.wrap(data)), false);
        List<String> windowed = read(data, PackageHarness.windowed(NAME, data), true);
        if (!whole.equals(windowed)) {
            throw new AssertionError("one buffer and 32-byte windows read differently:\n  " + whole + "\n  " + windowed);
        }
    }

    /** One line for the archive, then one per member: its size and CRC-32, or the refusal. */
    private static List<String> read(byte[] data, ByteSource source, boolean pooled) {
        List<String> lines = new ArrayList<>();
        ZipArchive zip;
        try {
            zip = ZipArchive.open(source, Caps.MAX_RESOURCE, Caps.READ.decodeBudget(data.length));
        } catch (ZipFormatException e) {
            Refusals.check(e, NAME, data.length);
            lines.add("refused: " + e.getMessage());
            return lines;
        }
        try (zip) {
            lines.add(zip.size() + " members, comment " + zip.comment() + ", zip64 " + zip.isZip64() + ", prefix " + zip.prefixLength());
            for (ZipEntryInfo e : zip.entries()) {
                Optional<ZipEntryInfo> first = zip.find(e.name());
                if (first.isEmpty() || !first.get().name().equals(e.name()) || first.get().index() > e.index()) {
                    throw new AssertionError("find('" + e.name() + "') = " + first + " for member " + e.index());
                }
                ZipArchive.isSafeName(e.name());
                lines.add(member(zip, e, data.length, pooled));
            }
        }
        return lines;
    }

    private static String member(ZipArchive zip, ZipEntryInfo e, long length, boolean pooled) {
        try {
            if (!pooled) {
                return bytes(e, zip.data(e));
            }
            try (ByteSource member = zip.open(e, NAME + "!/" + e.name(), POOL)) {
                return bytes(e, member.slice(0, (int) member.length()));
            }
        } catch (ZipFormatException x) {
            Refusals.check(x, NAME, length);
            return "refused: " + x.getMessage();
        }
    }

    /** A member's bytes must be what its central record declares: their size and CRC-32. */
    private static String bytes(ZipEntryInfo e, ByteBuffer data) {
        CRC32 crc = new CRC32();
        crc.update(data.duplicate());
        if (data.remaining() != e.size() || crc.getValue() != e.crc()) {
            throw new AssertionError(e + ": read " + data.remaining() + " bytes with CRC-32 " + Long.toHexString(crc.getValue())
                    + ", declared " + e.size() + " and " + Long.toHexString(e.crc()));
        }
        return e.index() + " '" + e.name() + "' " + data.remaining() + " bytes, crc " + Long.toHexString(crc.getValue());
    }
}
