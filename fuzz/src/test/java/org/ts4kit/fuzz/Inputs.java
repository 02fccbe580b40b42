package org.ts4kit.fuzz;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.ts4kit.dbpf.DbpfFormatException;

/** The same bytes held three ways, and the check that all three read the same. */
final class Inputs {
    /** Bytes before and after the input in {@link #padded}: a reader that strays reads these. */
    static final int PAD = 7;
    private static final int DIRECT_AT = 3;
    private static ByteBuffer scratch = ByteBuffer.allocateDirect(1 << 16);

    private Inputs() {
    }

    /** {@code data} at offset {@link #PAD} of a larger array filled with 0xFF around it. */
    static byte[] padded(byte[] data) {
        byte[] out = new byte[PAD + data.length + PAD];
        java.util.Arrays.fill(out, (byte) 0xFF);
        System.arraycopy(data, 0, out, PAD, data.length);
        return out;
    }

    /** {@code data} in a direct buffer, at a non-zero position; valid until the next call. */
    static ByteBuffer direct(byte[] data) {
        return direct(data, 0, data.length);
    }

    /**
     * {@code data[from, from + length)} in a direct buffer, at a non-zero position; valid until the next
     * call. One buffer, reused: a harness runs on one thread, and allocating direct memory per input is slow.
     */
    static ByteBuffer direct(byte[] data, int from, int length) {
        if (scratch.capacity() < DIRECT_AT + length) {
            scratch = ByteBuffer.allocateDirect(Math.max(DIRECT_AT + length, 2 * scratch.capacity()));
        }
        scratch.clear().position(DIRECT_AT);
        scratch.put(data, from, length);
        return scratch.flip().position(DIRECT_AT);
    }

    /** A decoder of untrusted bytes, called on one way of holding them. */
    interface Decode<T> {
        T run() throws DbpfFormatException;
    }

    /**
     * What {@code decode} made of {@code length} bytes named {@code name}: the result as {@code describe}
     * tells it (describing checks it), or the refusal, which must be well formed ({@link Refusals#check}).
     */
    static <T> String outcome(String name, int length, Decode<T> decode, Function<T, String> describe) {
        try {
            return describe.apply(decode.run());
        } catch (DbpfFormatException e) {
            Refusals.check(e, name, length);
            return "refused: " + e.getMessage();
        }
    }

    /** Every way of holding the bytes must have come to the same outcome. */
    static void same(String first, String... others) {
        for (String other : others) {
            if (!first.equals(other)) {
                throw new AssertionError("the same bytes, held differently, read differently:\n" + first + "\n---\n" + other);
            }
        }
    }
}
