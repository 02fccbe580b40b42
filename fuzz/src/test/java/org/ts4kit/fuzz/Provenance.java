package org.ts4kit.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.testkit.RealSamples;

/**
 * {@code Provenance FILE...}: says which findings grew from a real sample. {@code tools/fuzz.sh} gives the
 * fuzzer the real samples as seeds, and a finding mutated from one is mostly that other people's file,
 * which this repository must not hold: such a finding is reproduced on generated data before it is
 * committed. A finding counts as grown from a sample when a quarter of its 32-byte blocks occur in it.
 */
public final class Provenance {
    private static final int BLOCK = 32;

    private Provenance() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = RealSamples.folder();
        if (dir == null) {
            return;
        }
        List<Path> samples;
        try (Stream<Path> s = Files.list(dir)) {
            samples = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".package")).sorted()
                    .collect(Collectors.toList());
        }
        for (String arg : args) {
            byte[] finding = Files.readAllBytes(Paths.get(arg));
            for (Path sample : samples) {
                double shared = shared(finding, withDecodedResources(Files.readAllBytes(sample)));
                if (shared >= 0.25) {
                    System.out.printf("  NOT COMMITTABLE AS IS: %s shares %.0f%% of its blocks with the real sample %s;"
                            + " reproduce it on generated data%n", arg, 100 * shared, sample.getFileName());
                }
            }
        }
    }

    /** The sample's bytes followed by each resource's decoded bytes: the resource harnesses' seeds are those. */
    private static byte[] withDecodedResources(byte[] file) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(file);
        try (DbpfPackage pkg = DbpfPackage.open("sample", ByteBuffer.wrap(file))) {
            for (int i = 0; i < pkg.entryCount(); i++) {
                try {
                    all.writeBytes(pkg.read(i));
                } catch (DbpfFormatException deletedOrBroken) {
                    // nothing decoded to compare with
                }
            }
        } catch (DbpfFormatException broken) {
            // the file's own bytes only
        }
        return all.toByteArray();
    }

    /**
     * The share of {@code finding}'s aligned blocks that occur anywhere in {@code sample}, counting only
     * blocks of at least 8 distinct byte values: runs of zeros and header padding are in every package.
     */
    static double shared(byte[] finding, byte[] sample) {
        if (sample.length < BLOCK) {
            return 0;
        }
        Set<Long> windows = new HashSet<>();
        for (int i = 0; i + BLOCK <= sample.length; i++) {
            windows.add(hash(sample, i));
        }
        int counted = 0;
        int found = 0;
        for (int at = 0; at + BLOCK <= finding.length; at += BLOCK) {
            if (distinct(finding, at) >= 8) {
                counted++;
                found += windows.contains(hash(finding, at)) ? 1 : 0;
            }
        }
        return counted < 2 ? 0 : (double) found / counted;
    }

    private static int distinct(byte[] b, int from) {
        boolean[] seen = new boolean[256];
        int n = 0;
        for (int i = from; i < from + BLOCK; i++) {
            if (!seen[b[i] & 0xFF]) {
                seen[b[i] & 0xFF] = true;
                n++;
            }
        }
        return n;
    }

    private static long hash(byte[] b, int from) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (int i = from; i < from + BLOCK; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x0000_0100_0000_01B3L;
        }
        return h;
    }
}
