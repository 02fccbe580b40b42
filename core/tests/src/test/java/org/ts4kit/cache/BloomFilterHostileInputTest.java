package org.ts4kit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ts4kit.testkit.Seeds;

/**
 * {@link BloomFilter#readFrom} on bytes that lie: each is refused with a {@link CacheFormatException}
 * naming an offset inside the input and a reason, the buffer's position untouched, and nothing
 * allocated for a size the bytes do not back.
 */
class BloomFilterHostileInputTest {
    private static byte[] valid() {
        BloomFilter f = BloomFilter.create(100, 0.01);
        for (int i = 0; i < 100; i++) {
            f.add(BloomFilter.keyHash(1, 2, i));
        }
        return f.toByteArray();
    }

    /** Refused, at an offset inside the input, the position left where it was. */
    private static CacheFormatException refused(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CacheFormatException e = assertThrows(CacheFormatException.class, () -> BloomFilter.readFrom(in));
        assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, e.getMessage());
        assertTrue(e.reason() != null && !e.reason().isBlank());
        assertEquals("offset " + e.offset() + ": " + e.reason(), e.getMessage());
        assertEquals(0, in.position(), "a refused read leaves the position alone");
        return e;
    }

    private static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] out = bytes.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return out;
    }

    @Test
    void truncatedAtEveryLength() {
        byte[] whole = valid();
        for (int n = 0; n < whole.length; n++) {
            CacheFormatException e = refused(java.util.Arrays.copyOf(whole, n));
            assertTrue(e.reason().contains(n < BloomFilter.HEADER_BYTES ? "truncated" : "needs"), n + ": " + e.getMessage());
        }
    }

    @Test
    void blockCountThatLiesAboutTheBytesThatFollow() {
        byte[] whole = valid();
        int blocks = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        CacheFormatException e = refused(withInt(whole, 8, blocks + 1));
        assertEquals(8, e.offset());
        assertEquals("block count " + (blocks + 1) + " needs " + 32L * (blocks + 1) + " bytes after the header, only "
                + 32 * blocks + " follow", e.reason());
        // one block fewer than the bytes hold is a valid, smaller filter: the rest belongs to whatever follows
        ByteBuffer in = ByteBuffer.wrap(withInt(whole, 8, blocks - 1));
        assertDoesNotThrow(() -> BloomFilter.readFrom(in));
        assertEquals(whole.length - 32, in.position());
    }

    @Test
    void hugeAndZeroBlockCounts() {
        byte[] header = java.util.Arrays.copyOf(valid(), BloomFilter.HEADER_BYTES);
        for (int count : new int[] {0, -1, Integer.MAX_VALUE, BloomFilter.MAX_BLOCKS + 1, BloomFilter.MAX_BLOCKS}) {
            long before = allocatedBytes();
            CacheFormatException e = refused(withInt(header, 8, count));
            long allocated = allocatedBytes() - before;
            assertEquals(8, e.offset(), e.getMessage());
            assertTrue(allocated < 1 << 20, "refusing a count of " + Integer.toUnsignedString(count) + " allocated " + allocated + " bytes");
        }
    }

    @Test
    void wrongMagicVersionSchemeOrReserved() {
        byte[] whole = valid();
        assertEquals(0, refused(withInt(whole, 0, 0x46504244)).offset()); // "DBPF"
        byte[] version = whole.clone();
        version[4] = 2;
        assertEquals("unsupported Bloom filter version 2 (this library reads 1)", refused(version).reason());
        for (byte scheme : new byte[] {0, 2, (byte) 0xFF}) {
            byte[] b = whole.clone();
            b[5] = scheme;
            assertEquals(5, refused(b).offset());
        }
        byte[] reserved = whole.clone();
        reserved[7] = 1;
        assertEquals(6, refused(reserved).offset());
    }

    @Test
    void randomDamageIsReadOrRefusedNeverThrownOtherwise() {
        long seed = Seeds.seed("BloomFilterHostileInputTest#randomDamageIsReadOrRefusedNeverThrownOtherwise");
        Seeds.check(seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            byte[] whole = valid();
            for (int i = 0; i < 20_000 * Seeds.multiplier(); i++) {
                byte[] b = java.util.Arrays.copyOf(whole, rnd.nextInt(whole.length + 8));
                for (int k = rnd.nextInt(1, 4); k > 0 && b.length > 0; k--) {
                    b[rnd.nextInt(Math.min(b.length, rnd.nextBoolean() ? BloomFilter.HEADER_BYTES : b.length))] = (byte) rnd.nextInt(256);
                }
                ByteBuffer in = ByteBuffer.wrap(b);
                try {
                    BloomFilter f = BloomFilter.readFrom(in);
                    assertEquals(f.serializedSize(), in.position());
                    f.mightContain(rnd.nextLong());
                } catch (CacheFormatException e) {
                    assertTrue(e.offset() >= 0 && e.offset() <= b.length, e.getMessage());
                    assertEquals(0, in.position());
                }
            }
        });
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<?> read) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(read);
    }

    /** This thread's allocated bytes so far (HotSpot's counter), or 0 where there is none. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }
}
