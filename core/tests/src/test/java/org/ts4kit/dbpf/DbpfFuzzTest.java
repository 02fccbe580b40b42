package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ts4kit.testkit.RandomPackages;
import org.ts4kit.testkit.Seeds;

/**
 * Hostile input: truncations, bit flips, lying counts, sizes and offsets. Opening and reading
 * every entry either works or throws {@link DbpfFormatException}; nothing else escapes (no
 * IndexOutOfBounds, BufferUnderflow, NegativeArraySize, OutOfMemoryError) and nothing hangs.
 */
class DbpfFuzzTest {
    private static final long SEED = Seeds.seed("DbpfFuzzTest");

    @Test
    @Timeout(120) // a hang guard, not a performance assertion
    void mutatedPackagesFailOnlyWithFormatErrors() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int round = 0; round < 3000; round++) {
            RandomPackages.Written w = RandomPackages.generate(rnd, 1 + rnd.nextInt(8), rnd.nextInt(8));
            byte[] b = mutate(w.bytes, rnd);
            exercise(b, "seed=" + SEED + " round=" + round);
        }
    }

    @Test
    @Timeout(120)
    void everyTruncationFailsOnlyWithFormatErrors() throws Exception {
        RandomPackages.Written w = RandomPackages.generate(new SplittableRandom(SEED), 6, 0);
        for (int len = 0; len < w.bytes.length; len++) {
            exercise(Arrays.copyOf(w.bytes, len), "seed=" + SEED + " length=" + len);
        }
    }

    static byte[] mutate(byte[] good, SplittableRandom rnd) {
        byte[] b = good.clone();
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int kind = rnd.nextInt(5);
        if (kind == 0) { // random byte flips anywhere
            for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
        } else if (kind == 1 && b.length >= 4) { // a lying 32-bit field somewhere, often in the index
            int at = rnd.nextBoolean() ? rnd.nextInt(b.length - 3) : Math.max(0, b.length - 4 - rnd.nextInt(Math.min(b.length - 3, 200)));
            le.putInt(at, extreme(rnd));
        } else if (kind == 2) { // lying header fields
            int[] fields = {36, 40, 44, 64, 68};
            le.putInt(fields[rnd.nextInt(fields.length)], extreme(rnd));
        } else if (kind == 3) {
            return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
        } else { // garbage resource bytes
            for (int i = 96; i < b.length - 40; i++) {
                if (rnd.nextInt(20) == 0) {
                    b[i] = (byte) rnd.nextInt();
                }
            }
        }
        return b;
    }

    private static int extreme(SplittableRandom rnd) {
        int[] values = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF_0000, 96, 1 << 20, rnd.nextInt()};
        return values[rnd.nextInt(values.length)];
    }

    static void exercise(byte[] bytes, String why) {
        try (DbpfPackage pkg = DbpfPackage.open("fuzz.package", ByteBuffer.wrap(bytes))) {
            for (int i = 0; i < pkg.entryCount(); i++) {
                if (pkg.index().isDeleted(i)) {
                    continue;
                }
                try {
                    pkg.read(i);
                } catch (DbpfFormatException expected) {
                    // bad entries are normal input
                }
            }
        } catch (DbpfFormatException expected) {
            // so are bad packages
        } catch (Throwable t) {
            fail("unexpected " + t + " (" + why + ")", t);
        }
    }
}
