package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A destination array with guard bytes on both sides of the window a decoder may write:
 * {@code array[OFFSET..OFFSET+size)}. {@link #assertGuardsIntact()} checks nothing was written
 * outside it.
 */
final class Guarded {
    static final int OFFSET = 7;
    static final int GUARD = 64;
    static final byte GUARD_BYTE = (byte) 0xA5;

    final byte[] array;
    final int size;

    Guarded(int size) {
        this.size = size;
        this.array = new byte[OFFSET + size + GUARD];
        Arrays.fill(array, GUARD_BYTE);
    }

    byte[] content() {
        return Arrays.copyOfRange(array, OFFSET, OFFSET + size);
    }

    void assertGuardsIntact() {
        for (int i = 0; i < OFFSET; i++) {
            assertEquals(GUARD_BYTE, array[i], "byte " + i + " before the destination window was written");
        }
        for (int i = OFFSET + size; i < array.length; i++) {
            assertEquals(GUARD_BYTE, array[i], "byte " + (i - OFFSET - size) + " after the destination window was written");
        }
    }

    /** A decoder under test: {@code RefPackDecoder.INSTANCE::decode} or {@code ZlibDecoder.INSTANCE::decode}. */
    interface Decoder {
        void decode(ByteBuffer src, byte[] dst, int off, int size) throws CodecException;
    }

    /**
     * Decodes {@code src} into a guarded window; returns the exception or null on success, after
     * checking the guards and that {@code src}'s position did not move.
     */
    static CodecException attempt(Decoder decoder, ByteBuffer src, int size) {
        Guarded dst = new Guarded(size);
        int position = src.position();
        try {
            decoder.decode(src, dst.array, OFFSET, size);
            return null;
        } catch (CodecException e) {
            return e;
        } finally {
            dst.assertGuardsIntact();
            assertEquals(position, src.position(), "the input buffer's position moved");
        }
    }
}
