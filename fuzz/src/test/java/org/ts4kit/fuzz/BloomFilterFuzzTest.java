package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ts4kit.cache.BloomFilter;
import org.ts4kit.cache.CacheFormatException;

/**
 * {@link BloomFilter#readFrom} on any bytes (a saved per-package filter is read out of an index file
 * that may be damaged), from a slice of a larger array and from a direct buffer: both must give the
 * same filter or the same refusal. A refusal is a {@link CacheFormatException} with an offset inside the
 * input and a reason, the buffer's position untouched; nothing else may escape, an
 * {@code OutOfMemoryError} least of all. A filter that reads must have consumed exactly its serialised
 * size and write back the very bytes it read.
 */
class BloomFilterFuzzTest {
    /** Hashes every filter is asked about: its answers are part of the outcome both buffers must agree on. */
    private static final long[] PROBES = {0, 1, -1, 0x8000_0000_0000_0000L, BloomFilter.keyHash(0x220557DA, 0, 1),
        BloomFilter.keyHash(0x0333406C, 0x8000_0000, 0x8000_0000_0000_ABCDL)};

    @FuzzTest(maxDuration = "2m")
    void readFrom(byte[] data) {
        String slice = outcome(ByteBuffer.wrap(Inputs.padded(data), Inputs.PAD, data.length), data);
        String direct = outcome(Inputs.direct(data), data);
        Inputs.same(slice, direct);
    }

    private static String outcome(ByteBuffer in, byte[] data) {
        int start = in.position();
        try {
            BloomFilter f = BloomFilter.readFrom(in);
            int used = in.position() - start;
            if (used != f.serializedSize() || used > data.length) {
                throw new AssertionError("read " + used + " bytes of " + data.length + " for a filter of " + f.serializedSize());
            }
            if (!Arrays.equals(f.toByteArray(), Arrays.copyOf(data, used))) {
                throw new AssertionError("the filter does not write back the " + used + " bytes it was read from");
            }
            StringBuilder out = new StringBuilder("filter of ").append(f.blockCount()).append(" blocks:");
            for (long probe : PROBES) {
                out.append(f.mightContain(probe) ? " 1" : " 0");
            }
            return out.toString();
        } catch (CacheFormatException e) {
            if (in.position() != start) {
                throw new AssertionError("a refused read moved the position from " + start + " to " + in.position(), e);
            }
            if (e.offset() < 0 || e.offset() > data.length) {
                throw new AssertionError("error offset " + e.offset() + " outside the " + data.length + "-byte input", e);
            }
            if (e.reason() == null || e.reason().isBlank()) {
                throw new AssertionError("a refusal without a reason", e);
            }
            return "refused: " + e.getMessage();
        }
    }
}
