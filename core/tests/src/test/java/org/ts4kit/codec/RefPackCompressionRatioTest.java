package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ts4kit.testkit.RealSamples;

/**
 * How RefPack output compares with zlib level 6 on tuning XML (sizes, not timings). The target is
 * RefPack at most 15% larger than zlib. RefPack has no entropy coding: every literal byte costs a
 * whole byte, where zlib spends about 4 bits on a digit of a tuning id. So the target is reachable
 * for a corpus as a whole and for files of 32 KiB and up, but not for smaller files: for them even
 * the smallest RefPack stream possible ({@link RefPackOptimum}, brute force) is 16–30% larger than
 * zlib's. There the test checks that the encoder writes that smallest stream, within 0.5%.
 *
 * <p>Ratios are printed; run {@code mvn -o -q -pl core/tests -am test -Dtest=RefPackCompressionRatioTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RefPackCompressionRatioTest {
    static final double TARGET = 1.15;
    /** The parse may lose this much against the brute-force optimum. */
    static final double OPTIMUM_SLACK = 1.005;
    /** Measured worst case per file over 2 KiB (real 1.29, generated 1.25), with a little room. */
    static final double WORST_FILE = 1.32;

    private static final List<Sample> CORPUS = new ArrayList<>();

    /** One file's sizes: raw, RefPack, zlib level 6. */
    record Sample(String name, int raw, int refpack, int zlib) {
        double ratio() {
            return (double) refpack / zlib;
        }

        static Sample of(String name, byte[] data) {
            return new Sample(name, data.length, RefPackEncoder.encode(data).length, ZlibEncoder.encode(data).length);
        }
    }

    /** 60 generated tuning files, pinned seeds, sizes spread evenly over 1–60 KiB. */
    @BeforeAll
    static void generateCorpus() {
        Random sizes = new Random(2024);
        for (long seed = 1; seed <= 60; seed++) {
            int size = 1024 + sizes.nextInt(59 * 1024);
            CORPUS.add(Sample.of("generated seed=" + seed, TuningXmlGenerator.generate(seed, size)));
        }
    }

    private static double sumRatio(List<Sample> samples) {
        long refpack = samples.stream().mapToLong(Sample::refpack).sum();
        long zlib = samples.stream().mapToLong(Sample::zlib).sum();
        return (double) refpack / zlib;
    }

    private static void log(String what, List<Sample> samples) {
        long raw = samples.stream().mapToLong(Sample::raw).sum();
        long refpack = samples.stream().mapToLong(Sample::refpack).sum();
        long zlib = samples.stream().mapToLong(Sample::zlib).sum();
        double worst = samples.stream().filter(s -> s.raw() > 2048).mapToDouble(Sample::ratio).max().orElse(Double.NaN);
        long over = samples.stream().filter(s -> s.raw() > 2048 && s.ratio() > TARGET).count();
        long big = samples.stream().filter(s -> s.raw() > 2048).count();
        System.out.printf(Locale.ROOT, "%s: %d files, %d bytes -> refpack %d, zlib6 %d, refpack/zlib6 %.4f;"
                + " files over 2 KiB: worst %.4f, %d of %d above %.2f%n", what, samples.size(), raw, refpack, zlib,
                (double) refpack / zlib, worst, over, big, TARGET);
    }

    @Test
    void generatedCorpusAsAWholeIsWithin15PercentOfZlib6() {
        log("generated tuning XML", CORPUS);
        double ratio = sumRatio(CORPUS);
        assertTrue(ratio <= TARGET, String.format(Locale.ROOT, "refpack/zlib6 over the corpus is %.4f", ratio));
    }

    @Test
    void generatedFilesOf32KiBAndMoreAreEachWithin15PercentOfZlib6() {
        for (Sample s : CORPUS) {
            if (s.raw() >= 32 * 1024) {
                assertTrue(s.ratio() <= TARGET, String.format(Locale.ROOT, "%s (%d bytes): refpack/zlib6 %.4f", s.name(), s.raw(), s.ratio()));
            }
        }
    }

    @Test
    void everyGeneratedFileOver2KiBStaysNearTheMeasuredRange() {
        for (Sample s : CORPUS) {
            if (s.raw() > 2048) {
                assertTrue(s.ratio() <= WORST_FILE, String.format(Locale.ROOT, "%s (%d bytes): refpack/zlib6 %.4f", s.name(), s.raw(), s.ratio()));
            }
        }
    }

    /** Below 32 KiB the 15% target is out of reach for any encoder; this one reaches the optimum. */
    @Test
    void smallFilesAreAsSmallAsRefPackAllows() {
        for (long seed = 100; seed < 106; seed++) {
            byte[] xml = TuningXmlGenerator.generate(seed, 2048 + (int) (seed - 100) * 1200);
            assertNearOptimum("generated seed=" + seed, xml);
        }
    }

    private static void assertNearOptimum(String name, byte[] xml) {
        int optimum = RefPackOptimum.size(xml);
        Sample s = Sample.of(name, xml);
        System.out.printf(Locale.ROOT, "%s, %d bytes: refpack %d, optimum %d, zlib6 %d; optimum/zlib6 %.4f%n",
                name, s.raw(), s.refpack(), optimum, s.zlib(), (double) optimum / s.zlib());
        assertTrue(s.refpack() <= optimum * OPTIMUM_SLACK, name + ": " + s.refpack() + " bytes, the optimum is " + optimum);
    }

    @Test
    void realTuningXmlFromTheSamplePackages() throws Exception {
        Path folder = RealSamples.folder();
        assumeTrue(folder != null, "no real sample packages (set -Dts4kit.realSamples=DIR): skipped");
        List<Sample> real = new ArrayList<>();
        for (RealSamples.Resource r : RealSamples.tuningXml(folder)) {
            Sample s = Sample.of(r.name(), r.bytes());
            real.add(s);
            if (s.raw() > 2048) {
                assertTrue(s.ratio() <= WORST_FILE, String.format(Locale.ROOT, "%s (%d bytes): refpack/zlib6 %.4f", s.name(), s.raw(), s.ratio()));
                if (s.raw() <= 8192) {
                    assertNearOptimum(r.name(), r.bytes());
                }
            }
        }
        assumeTrue(!real.isEmpty(), "no tuning XML in " + folder + ": skipped");
        log("real tuning XML from " + folder, real);
    }
}
