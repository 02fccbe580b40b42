package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.catalog.IndexFormatException;
import org.ts4kit.catalog.PackageRecord;
import org.ts4kit.search.SearchIndex;

/**
 * {@link Catalog#parse} on a saved index whose records are any bytes. The input is a list of records,
 * {@code [count u8] ([header length u16] header [body length u16] body)*}; the harness lays them out as
 * {@code ts4kit index} would, with right checksums for the directory and every body, so the fuzzer reaches the
 * header and body parsers that a damaged file never would (a crafted one could). The outcome is a catalog whose
 * records a search index and a conflict check accept, or an {@link IndexFormatException} with an offset inside the
 * file, when it is read or when a record's resources are first used; nothing else.
 */
class SavedIndexFuzzTest {
    static final String IDENTITY = "fuzz";
    /** CatalogFile.VERSION. */
    static final int VERSION = 4;

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] records) {
        byte[] file = file(records);
        try {
            Catalog catalog = Catalog.parse("fuzz.ts4idx", file, IDENTITY);
            for (PackageRecord r : catalog.records()) {
                r.toString();
                r.resourceCount();
                r.mayHold(0x220557DA, 0, 1);
            }
            // the records' bodies are read and parsed here, on first use
            SearchIndex.build(catalog.docs());
            catalog.conflicts();
        } catch (IndexFormatException e) {
            if (e.offset() < 0 || e.offset() > file.length || e.reason().isEmpty()) {
                throw new AssertionError("bad error: offset " + e.offset() + " of " + file.length + ": " + e.reason(), e);
            }
        }
    }

    /** A saved index (CatalogFile's layout) holding the records that {@code input} lists. */
    static byte[] file(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        int count = in.hasRemaining() ? in.get() & 0x07 : 0;
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        ByteArrayOutputStream bodies = new ByteArrayOutputStream();
        directory.write(IDENTITY.length());
        directory.writeBytes(IDENTITY.getBytes(StandardCharsets.US_ASCII));
        directory.write(count);
        for (int i = 0; i < count; i++) {
            byte[] header = take(in);
            byte[] body = take(in);
            varint(directory, header.length);
            directory.writeBytes(header);
            directory.writeBytes(le(bodies.size(), 8));
            varint(directory, body.length);
            CRC32C crc = new CRC32C();
            crc.update(body);
            directory.writeBytes(le(crc.getValue(), 4));
            bodies.writeBytes(body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("TS4KIDX\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(VERSION, 4));
        out.writeBytes(le(directory.size(), 8));
        out.writeBytes(le(0, 4));
        out.writeBytes(directory.toByteArray());
        CRC32C crc = new CRC32C();
        crc.update(out.toByteArray());
        out.writeBytes(le(crc.getValue(), 4));
        out.writeBytes(bodies.toByteArray());
        return out.toByteArray();
    }

    private static byte[] take(ByteBuffer in) {
        int n = in.remaining() >= 2 ? Math.min(in.getShort() & 0xFFFF, in.remaining()) : 0;
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] le(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
