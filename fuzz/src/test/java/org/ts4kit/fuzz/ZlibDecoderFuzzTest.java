package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ts4kit.codec.ZlibDecoder;

/**
 * {@link ZlibDecoder} on any stream and declared size. Input: a 3-byte little-endian declared size
 * (taken modulo 1 MiB + 1), then the zlib stream. See {@link DecoderHarness} for what must hold.
 */
class ZlibDecoderFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void inflate(byte[] data) {
        int size = 0;
        for (int i = 0; i < Math.min(3, data.length); i++) {
            size |= (data[i] & 0xFF) << (8 * i);
        }
        DecoderHarness.check(ZlibDecoder.INSTANCE, data, Math.min(3, data.length), size % (Caps.MAX_RESOURCE + 1));
    }
}
