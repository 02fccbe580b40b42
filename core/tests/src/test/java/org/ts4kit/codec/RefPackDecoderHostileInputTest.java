package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ts4kit.testkit.Seeds;

/**
 * {@link RefPackDecoder} on input written to hurt it. Every bad stream must end in a
 * {@link CodecException} naming where it went wrong; nothing else may escape, nothing may hang,
 * and nothing may be written outside {@code dst[off..off+size)} (guard bytes on both sides).
 * Each stream is decoded twice, from a heap buffer at a non-zero position and from a direct
 * buffer, and both must end the same way.
 */
class RefPackDecoderHostileInputTest {
    private static final byte[] NONE = {};
    private static final byte[] ABCD = {'a', 'b', 'c', 'd'};

    static LongStream seeds() {
        // 0x5EED once found a truncated header reported at a position past the end of the input
        return Seeds.pinnedAndRun(1L, 42L, 0x5EEDL);
    }

    /** Decodes from both kinds of buffer; returns the exception both threw, or null if both succeeded. */
    static CodecException outcome(byte[] stream, int size) {
        byte[] padded = new byte[stream.length + 10];
        Arrays.fill(padded, (byte) 0xFC); // stop commands after the limit: reading past it would "succeed"
        System.arraycopy(stream, 0, padded, 5, stream.length);
        CodecException heap = attempt(ByteBuffer.wrap(padded, 5, stream.length), size);
        ByteBuffer direct = ByteBuffer.allocateDirect(stream.length).put(stream).flip();
        CodecException fromDirect = attempt(direct, size);
        assertEquals(heap == null, fromDirect == null, "heap and direct buffers disagree");
        if (heap != null) {
            assertEquals(heap.getMessage(), fromDirect.getMessage());
            assertEquals(heap.position(), fromDirect.position());
            assertTrue(heap.position() >= 0 && heap.position() <= stream.length, "position " + heap.position() + " outside the input");
        }
        return heap;
    }

    private static CodecException attempt(ByteBuffer src, int size) {
        return Guarded.attempt(RefPackDecoder.INSTANCE::decode, src, size);
    }

    /** The stream must be rejected with a message containing {@code reason}; returns the exception. */
    static CodecException rejects(byte[] stream, int size, String reason) {
        CodecException e = outcome(stream, size);
        assertNotNull(e, "accepted a bad stream: " + hex(stream));
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
        return e;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 40); i++) {
            s.append(String.format("%02X ", b[i] & 0xFF));
        }
        return s.append(b.length > 40 ? "..." : "").toString().trim();
    }

    @Test
    void aHandWrittenStreamDecodes() {
        // "abcd", then "abcdabcdab" copied from 4 back (overlapping), "xy" with the stop command
        byte[] stream = RefPackCommands.header(16).literals(ABCD).copy2(NONE, 10, 4).stop((byte) 'x', (byte) 'y').bytes();
        assertNull(outcome(stream, 16));
        Guarded dst = new Guarded(16);
        assertTrue(decodes(stream, dst));
        assertArrayEquals("abcdabcdabcdabxy".getBytes(), dst.content());
    }

    private static boolean decodes(byte[] stream, Guarded dst) {
        try {
            RefPackDecoder.INSTANCE.decode(ByteBuffer.wrap(stream), dst.array, Guarded.OFFSET, dst.size);
            return true;
        } catch (CodecException e) {
            return false;
        }
    }

    @Test
    void truncatedHeadersAreRejected() {
        rejects(new byte[0], 0, "truncated");
        rejects(new byte[] {0x10}, 0, "truncated");
        rejects(new byte[] {0x10, (byte) 0xFB}, 0, "truncated");
        rejects(new byte[] {0x10, (byte) 0xFB, 0, 0}, 0, "truncated");
        byte[] fourByteSizes = RefPackCommands.header(0x90, 0, 0).bytes();
        rejects(Arrays.copyOf(fourByteSizes, fourByteSizes.length - 1), 0, "truncated");
        byte[] withCompressedSize = RefPackCommands.header(0x11, 9, 0).bytes();
        rejects(Arrays.copyOf(withCompressedSize, withCompressedSize.length - 1), 0, "truncated");
        byte[] both = RefPackCommands.header(0x91, 11, 0).bytes();
        for (int cut = 0; cut < both.length; cut++) {
            assertEquals(cut, rejects(Arrays.copyOf(both, cut), 0, "truncated").position(), "the data ends at " + cut);
        }
    }

    @Test
    void everyHeaderLayoutDecodes() {
        for (int flags : new int[] {0x10, 0x11, 0x90, 0x91, 0x00, 0x80}) {
            byte[] stream = RefPackCommands.header(flags, 12, 4).literals(ABCD).stop().bytes();
            assertNull(outcome(stream, 4), "flags 0x" + Integer.toHexString(flags));
        }
    }

    @Test
    void anyMagicButFBIsRejected() {
        for (int magic = 0; magic < 256; magic++) {
            if (magic != 0xFB) {
                byte[] stream = {0x10, (byte) magic, 0, 0, 4, (byte) 0xE0, 'a', 'b', 'c', 'd', (byte) 0xFC};
                assertEquals(1, rejects(stream, 4, "not RefPack").position());
            }
        }
    }

    @Test
    void aDeclaredSizeOtherThanTheMemSizeIsRejected() {
        byte[] stream = RefPackCommands.header(8).literals(ABCD).copy2(NONE, 4, 4).stop().bytes();
        assertNull(outcome(stream, 8));
        rejects(stream, 7, "declares 8 bytes, mem size is 7");
        rejects(stream, 9, "declares 8 bytes, mem size is 9");
        rejects(stream, 0, "declares 8 bytes");
        rejects(RefPackCommands.header(0x90, 0, 0xFFFF_FFFFL).stop().bytes(), 1 << 20, "declares 4294967295 bytes");
    }

    @Test
    void copiesFromBeforeTheOutputStartAreRejected() {
        rejects(RefPackCommands.header(3).copy2(NONE, 3, 1).bytes(), 3, "reaches 1 bytes back, only 0 written");
        rejects(RefPackCommands.header(5).copy2(new byte[] {'a', 'b'}, 3, 3).bytes(), 5, "reaches 3 bytes back, only 2 written");
        rejects(RefPackCommands.header(4 + 4).literals(ABCD).copy3(NONE, 4, 5).stop().bytes(), 8, "reaches 5 bytes back");
        rejects(RefPackCommands.header(4 + 5).literals(ABCD).copy4(NONE, 5, 131_072).stop().bytes(), 9, "reaches 131072 bytes back");
        CodecException e = rejects(RefPackCommands.header(8).literals(ABCD).copy2(NONE, 4, 1024).stop().bytes(), 8, "only 4 written");
        assertEquals(5 + 5, e.position(), "the position of the copy command");
    }

    @Test
    void literalsRunningPastTheInputEndAreRejected() {
        byte[] run = RefPackCommands.header(112).literals(new byte[112]).stop().bytes();
        for (int cut = 6; cut < 5 + 1 + 112; cut++) {
            rejects(Arrays.copyOf(run, cut), 112, "past the end of the data");
        }
        rejects(RefPackCommands.header(3).raw(0xFF, 'a').bytes(), 3, "past the end of the data");
        rejects(RefPackCommands.header(7).literals(ABCD).raw(0x03, 0x00, 'a').bytes(), 7, "past the end of the data");
        rejects(RefPackCommands.header(10).literals(ABCD).raw(0x80, 0xC0, 0x00, 'a', 'b').bytes(), 10, "past the end of the data");
    }

    @Test
    void commandsCutOffAtTheInputEndAreRejected() {
        assertEquals(10, rejects(RefPackCommands.header(7).literals(ABCD).raw(0x00).bytes(), 7, "cut off").position());
        rejects(RefPackCommands.header(8).literals(ABCD).raw(0x80, 0x00).bytes(), 8, "cut off");
        rejects(RefPackCommands.header(9).literals(ABCD).raw(0xC0, 0x00, 0x00).bytes(), 9, "cut off");
    }

    @Test
    void outputPastTheMemSizeIsRejectedBeforeItIsWritten() {
        rejects(RefPackCommands.header(3).literals(ABCD).stop().bytes(), 3, "overruns");
        rejects(RefPackCommands.header(6).literals(ABCD).copy2(NONE, 3, 4).stop().bytes(), 6, "overruns");
        rejects(RefPackCommands.header(6).literals(ABCD).copy2(new byte[] {'e', 'f', 'g'}, 3, 4).stop().bytes(), 6, "overruns");
        rejects(RefPackCommands.header(100).literals(ABCD).copy4(NONE, 1028, 4).stop().bytes(), 100, "overruns");
        rejects(RefPackCommands.header(5).literals(ABCD).stop((byte) 'e', (byte) 'f').bytes(), 5, "overruns");
        rejects(RefPackCommands.header(0).stop((byte) 'e').bytes(), 0, "overruns");
    }

    @Test
    void aStreamThatEndsBeforeTheOutputIsCompleteIsRejected() {
        byte[] full = RefPackCommands.header(12).literals(ABCD).copy2(NONE, 8, 4).stop().bytes();
        assertNull(outcome(full, 12));
        rejects(Arrays.copyOf(full, full.length - 1 - 2), 12, "ends after 4 of 12 bytes without a stop command");
        rejects(RefPackCommands.header(12).bytes(), 12, "ends after 0 of 12");
    }

    @Test
    void aStopCommandBeforeTheOutputIsCompleteIsRejected() {
        rejects(RefPackCommands.header(12).literals(ABCD).stop().bytes(), 12, "stop command after 4 of 12 bytes");
        rejects(RefPackCommands.header(1).stop().bytes(), 1, "stop command after 0 of 1");
    }

    /** Lenient on purpose: some writers end without the stop command, or pad after it. */
    @Test
    void aCompleteOutputNeedsNoStopCommandAndMayBeFollowedByPadding() {
        assertNull(outcome(RefPackCommands.header(8).literals(ABCD).copy2(NONE, 4, 4).bytes(), 8));
        assertNull(outcome(RefPackCommands.header(4).literals(ABCD).stop().raw(0, 0, 0, 0).bytes(), 4));
    }

    @Test
    void aDestinationTooSmallForTheMemSizeIsTheCallersMistake() {
        byte[] stream = RefPackCommands.header(8).literals(ABCD).copy2(NONE, 4, 4).stop().bytes();
        assertThrows(IllegalArgumentException.class, () -> RefPackDecoder.INSTANCE.decode(ByteBuffer.wrap(stream), new byte[10], 3, 8));
    }

    /** Random bytes after a valid header, and wholly random bytes: decode or CodecException, nothing else. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomGarbageNeverEscapesAsAnotherException(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 5000; i++) {
                byte[] body = TestData.random(r.nextLong(), r.nextInt(i % 10 == 0 ? 3000 : 64));
                int size = r.nextInt(i % 3 == 0 ? 8 : 5000);
                byte[] stream = body;
                if (r.nextInt(4) != 0) {
                    byte[] header = RefPackCommands.header(size).bytes();
                    stream = Arrays.copyOf(header, header.length + body.length);
                    System.arraycopy(body, 0, stream, header.length, body.length);
                }
                outcome(stream, size);
            }
        });
    }

    /** Valid streams with bytes flipped, dropped, repeated or cut: decode or CodecException, nothing else. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedValidStreamsNeverEscapeAsAnotherException(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            int rejected = 0;
            int total = 0;
            for (int i = 0; i < 60; i++) {
                int size = r.nextInt(20_000);
                byte[] data = switch (i % 3) {
                    case 0 -> TuningXmlGenerator.generate(r.nextLong(), size);
                    case 1 -> TestData.words(r.nextLong(), size);
                    default -> TestData.runs(r.nextLong(), size, 3000);
                };
                byte[] valid = RefPackEncoder.encode(data);
                for (int m = 0; m < 60; m++) {
                    byte[] mutant = Mutations.mutate(valid, r);
                    total++;
                    if (outcome(mutant, data.length) != null) {
                        rejected++;
                    }
                }
            }
            assertTrue(rejected > total / 2, "most mutants should be rejected: " + rejected + " of " + total);
        });
    }
}
