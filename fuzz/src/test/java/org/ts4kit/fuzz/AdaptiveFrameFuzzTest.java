package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ts4kit.codec.AdaptiveCompressor;
import org.ts4kit.codec.CodecException;
import org.ts4kit.memory.ResourceBuffer;

/**
 * {@link AdaptiveCompressor#decompress} on any frame (method byte, varint length, LZ4 or Brotli or
 * stored payload), under the 1 MiB cap. Both decompress calls (into a new array, into a
 * {@link ResourceBuffer}) must end the same way: the same bytes, exactly as many as the frame declares,
 * or a {@link CodecException} with the same message and an offset inside the frame. Bytes that decode are
 * compressed again (as the type whose row is Brotli and as one with no row) and must come back unchanged.
 */
class AdaptiveFrameFuzzTest {
    private static final AdaptiveCompressor COMPRESSOR = AdaptiveCompressor.defaults().withMaxLength(Caps.MAX_RESOURCE);
    private static final int STRING_TABLE = 0x220557DA;
    private static final int NO_ROW = 0x12345678;
    /** Re-compressing costs more than decoding: only outputs up to this size are sent round again. */
    private static final int ROUND_TRIP_MAX = 64 << 10;

    @FuzzTest(maxDuration = "2m")
    void decompress(byte[] frame) {
        byte[] array = null;
        String arrayError = null;
        try {
            array = COMPRESSOR.decompress(frame);
            if (array.length != COMPRESSOR.originalLength(frame)) {
                throw new AssertionError(array.length + " bytes decoded, the frame declares " + COMPRESSOR.originalLength(frame));
            }
        } catch (CodecException e) {
            Refusals.check(e, frame.length);
            arrayError = e.position() + ": " + e.getMessage();
        }
        byte[] buffered = null;
        String bufferedError = null;
        try (ResourceBuffer buffer = new ResourceBuffer(16)) {
            ByteBuffer view = COMPRESSOR.decompress(frame, buffer);
            buffered = new byte[view.remaining()];
            view.get(buffered);
        } catch (CodecException e) {
            Refusals.check(e, frame.length);
            bufferedError = e.position() + ": " + e.getMessage();
        }
        if (!Arrays.equals(array, buffered) || !java.util.Objects.equals(arrayError, bufferedError)) {
            throw new AssertionError("the two decompress calls disagree: " + describe(array, arrayError) + " / "
                    + describe(buffered, bufferedError));
        }
        if (array != null && array.length <= ROUND_TRIP_MAX) {
            roundTrip(STRING_TABLE, array);
            roundTrip(NO_ROW, array);
        }
    }

    private static void roundTrip(int type, byte[] data) {
        byte[] again;
        try {
            again = COMPRESSOR.decompress(COMPRESSOR.compress(type, data));
        } catch (CodecException e) {
            throw new AssertionError("a frame just written was refused: " + e.getMessage(), e);
        }
        if (!Arrays.equals(data, again)) {
            throw new AssertionError("a round trip of " + data.length + " bytes came back different");
        }
    }

    private static String describe(byte[] bytes, String error) {
        return error != null ? error : bytes.length + " bytes";
    }
}
