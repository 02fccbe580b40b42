package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.RefPackDecoder;

/**
 * {@link RefPackDecoder} on any stream, decoded to the size its own header declares (what the
 * package layer checks against the index), or to 0 bytes when the header is bad or declares more
 * than the 1 MiB cap. See {@link DecoderHarness} for what must hold.
 */
class RefPackDecoderFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void decode(byte[] data) {
        long declared;
        try {
            declared = RefPackDecoder.declaredSize(ByteBuffer.wrap(data));
        } catch (CodecException e) {
            Refusals.check(e, data.length);
            declared = 0;
        }
        DecoderHarness.check(RefPackDecoder.INSTANCE, data, 0, declared <= Caps.MAX_RESOURCE ? (int) declared : 0);
    }
}
