package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.catalog.IndexFormatException;
import org.ts4kit.catalog.PackageRecord;
import org.ts4kit.search.SearchIndex;

/**
 * {@link Catalog#parse} on a saved index whose body is any bytes: the harness writes the magic, the
 * version and the identity, and appends a right checksum, so the fuzzer reaches the record parser a damaged
 * file never would (a crafted one could). The outcome is a catalog whose records a search index and a
 * conflict check accept, or an {@link IndexFormatException} with an offset inside the file, when the file is
 * read or when a record's resources are first used; nothing else.
 */
class SavedIndexFuzzTest {
    static final String IDENTITY = "fuzz";

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] body) {
        byte[] file = file(body);
        try {
            Catalog catalog = Catalog.parse("fuzz.ts4idx", file, IDENTITY);
            for (PackageRecord r : catalog.records()) {
                r.toString();
                r.resourceCount();
            }
            // the records' bodies are parsed here, on first use
            SearchIndex.build(catalog.docs());
            catalog.conflicts();
        } catch (IndexFormatException e) {
            if (e.offset() < 0 || e.offset() > file.length || e.reason().isEmpty()) {
                throw new AssertionError("bad error: offset " + e.offset() + " of " + file.length + ": " + e.reason(), e);
            }
        }
    }

    /** A saved index around {@code body}: magic, version, identity, {@code body}, checksum. */
    static byte[] file(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("TS4KIDX\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {2, 0, 0, 0}); // CatalogFile.VERSION
        out.write(IDENTITY.length());
        out.writeBytes(IDENTITY.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        CRC32C crc = new CRC32C();
        crc.update(out.toByteArray());
        int c = (int) crc.getValue();
        out.writeBytes(new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24)});
        return out.toByteArray();
    }
}
