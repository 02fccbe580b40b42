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
        DecoderHarness.check(ZlibDecoder.INSTANCE, data, DecoderHarness.streamStart(data), DecoderHarness.declaredSize(data));
    }
}
