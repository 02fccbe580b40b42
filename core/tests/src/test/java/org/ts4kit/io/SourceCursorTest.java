package org.ts4kit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.Seeds;

/** Property: a cursor's ranges hold the same bytes as slices, over one buffer and over tiny mapping windows. */
class SourceCursorTest {
    private static final long SEED = Seeds.seed("SourceCursorTest");

    @Test
    void rangesEqualSlicesOverEveryWindowSize(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        byte[] data = new byte[5_000];
        rnd.nextBytes(data);
        Path file = dir.resolve("data.bin");
        Files.write(file, data);
        for (int shift = 1; shift <= 14; shift++) {
            try (ByteSource src = ByteSources.map(file, shift)) {
                assertRangesEqualSlices(src, rnd, "seed=" + SEED + " shift=" + shift);
            }
        }
        try (ByteSource src = ByteSources.wrap("heap", data)) {
            assertRangesEqualSlices(src, rnd, "seed=" + SEED + " heap");
        }
    }

    private static void assertRangesEqualSlices(ByteSource src, SplittableRandom rnd, String why) {
        SourceCursor cursor = src.cursor();
        for (int round = 0; round < 2_000; round++) {
            long pos = rnd.nextLong(src.length() + 1);
            int len = rnd.nextInt((int) (src.length() - pos) + 1);
            ByteBuffer range = cursor.range(pos, len);
            assertEquals(len, range.remaining(), why);
            assertTrue(range.isReadOnly(), why);
            assertEquals(ByteOrder.LITTLE_ENDIAN, range.order(), why);
            assertEquals(src.slice(pos, len), range, why + " pos=" + pos + " len=" + len);
            if (len >= 4) {
                assertEquals(src.getIntLE(pos), range.getInt(range.position()), why + " little-endian at " + pos);
            }
        }
    }

    @Test
    void oneBufferObjectIsReusedForRangesInsideAWindow() {
        try (ByteSource src = ByteSources.wrap("heap", new byte[100])) {
            SourceCursor cursor = src.cursor();
            assertSame(cursor.range(10, 20), cursor.range(50, 5), "no buffer object per call");
        }
    }

    @Test
    void rangesAreBoundsCheckedAndRefusedAfterClose() {
        ByteSource src = ByteSources.wrap("bytes", new byte[64]);
        SourceCursor cursor = src.cursor();
        assertEquals(0, cursor.range(64, 0).remaining());
        SourceBoundsException e = assertThrows(SourceBoundsException.class, () -> cursor.range(60, 5));
        assertTrue(e.getMessage().contains("bytes"), e.getMessage());
        assertThrows(SourceBoundsException.class, () -> cursor.range(-1, 1));
        assertThrows(SourceBoundsException.class, () -> cursor.range(Long.MAX_VALUE, 1));
        src.close();
        assertThrows(IllegalStateException.class, () -> cursor.range(0, 1));
    }
}
