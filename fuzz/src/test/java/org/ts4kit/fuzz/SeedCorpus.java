package org.ts4kit.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ts4kit.cache.BloomFilter;
import org.ts4kit.codec.AdaptiveCompressor;
import org.ts4kit.codec.RefPackEncoder;
import org.ts4kit.codec.ZlibEncoder;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.NameMapWriter;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTable;
import org.ts4kit.resource.StringTableWriter;
import org.ts4kit.testkit.RandomPackages;
import org.ts4kit.testkit.RealSamples;
import org.ts4kit.testkit.ZipFixtures;
import org.ts4kit.testkit.corpus.CorpusGenerator;
import org.ts4kit.testkit.corpus.TuningXml;

/**
 * Writes the harnesses' seed inputs ({@code tools/fuzz.sh --seeds}; the output is committed):
 * <pre>
 * SeedCorpus committed DIR   generated data only, as DIR/&lt;Harness&gt;Inputs/&lt;method&gt;/seed-*
 * SeedCorpus real DIR        the small real samples and what they hold, as DIR/&lt;fqcn&gt;/&lt;method&gt;/real-*
 * </pre>
 * Generated seeds are the demo corpus's smallest packages (good and broken), random packages of every
 * index shape, mod archives, and the resources, stored streams and headers inside them. Real samples
 * are not ours to commit: {@code tools/fuzz.sh} writes them into Jazzer's generated corpus folder
 * ({@code fuzz/.cifuzz-corpus}, ignored by git) before it fuzzes.
 */
public final class SeedCorpus {
    private static final long SEED = 0x7534_6B69_74L;
    /** Whole packages over this are left out: most of their bytes are resource data, not structure. */
    private static final int MAX_PACKAGE = 26 << 10;

    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("committed", "real").contains(args[0])) {
            System.err.println("usage: SeedCorpus committed|real DIR");
            System.exit(2);
        }
        Path dir = Paths.get(args[1]);
        SeedSet seeds = new SeedSet();
        if (args[0].equals("committed")) {
            generated(seeds);
            seeds.writeUnder(dir, "seed-", false);
        } else {
            Path samples = RealSamples.folder();
            if (samples == null) {
                System.out.println("no real samples: " + RealSamples.absent());
                return;
            }
            for (Path p : packages(samples)) {
                fromPackage(seeds, "real-" + p.getFileName(), Files.readAllBytes(p));
            }
            seeds.writeUnder(dir, "", true);
        }
    }

    static void generated(SeedSet seeds) throws IOException {
        frames(seeds); // first: the package resources below then fill the frame harness's other slots
        Path tmp = Files.createTempDirectory("ts4kit-seeds");
        try {
            CorpusGenerator.generate(tmp, 60, SEED, 0);
            for (Path p : packages(tmp)) {
                fromPackage(seeds, "demo-" + tmp.relativize(p).toString().replace('/', '_'), Files.readAllBytes(p));
            }
        } finally {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int shape = 0; shape < 8; shape++) {
            byte[] pkg = RandomPackages.generate(rnd, 2 + shape % 4, shape).bytes;
            fromPackage(seeds, "random-shape" + shape, pkg);
        }
        handMade(seeds);
        zips(seeds);
        bloomFilters(seeds);
    }

    /** Every {@code .package} under {@code dir} of at most {@link #MAX_PACKAGE} bytes, smallest first. */
    private static List<Path> packages(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".package"))
                    .filter(p -> p.toFile().length() <= MAX_PACKAGE)
                    .sorted(Comparator.comparingLong((Path p) -> p.toFile().length()).thenComparing(Path::toString))
                    .collect(Collectors.toList());
        }
    }

    /** The package as a seed of the package harnesses, and its resources as seeds of the others. */
    static void fromPackage(SeedSet seeds, String name, byte[] bytes) {
        seeds.add(PackageReadFuzzTest.class, name, bytes);
        seeds.add(PackageScanFuzzTest.class, name, bytes);
        try (DbpfPackage pkg = DbpfPackage.open(name, java.nio.ByteBuffer.wrap(bytes))) {
            DbpfIndex index = pkg.index();
            for (int i = 0; i < index.size(); i++) {
                try {
                    resource(seeds, name + "-" + i, pkg, i);
                } catch (DbpfFormatException broken) {
                    // a broken entry of a broken package: the package seed has it already
                }
            }
        } catch (DbpfFormatException broken) {
            // a package that does not open is a package seed only
        }
    }

    private static void resource(SeedSet seeds, String name, DbpfPackage pkg, int i) throws DbpfFormatException {
        DbpfIndex index = pkg.index();
        if (index.isDeleted(i)) {
            return;
        }
        byte[] stored = bytes(pkg.storedBytes(i));
        if (index.compression(i) == Compression.ZLIB) {
            seeds.add(ZlibDecoderFuzzTest.class, name, withSize(index.memSize(i), stored));
            seeds.add(InflateTwinsFuzzTest.class, name, withSize(index.memSize(i), stored));
        } else if (index.compression(i) == Compression.REFPACK) {
            seeds.add(RefPackDecoderFuzzTest.class, name, stored);
        }
        byte[] data = pkg.read(i);
        int type = index.type(i);
        seeds.add(AdaptiveFrameFuzzTest.class, name, AdaptiveCompressor.defaults().compress(type, data));
        if (type == StringTable.TYPE) {
            seeds.add(StringTableFuzzTest.class, name, data);
        } else if (type == NameMap.TYPE) {
            seeds.add(NameMapFuzzTest.class, name, data);
        } else if (ResourceTypes.isTuning(type)) {
            seeds.add(TuningHeaderFuzzTest.class, name, head(data, 2048)); // the sniffer stops at the root's '>'
        } else if (ResourceDetails.isImage(type)) {
            seeds.add(ImageInfoFuzzTest.class, name, head(data, 1024)); // headers only: pixels are never read
        }
    }

    /** Small streams and resources written on purpose: empty ones, tiny ones, every header layout. */
    private static void handMade(SeedSet seeds) {
        byte[] text = "<T n=\"value\">12</T><T n=\"value\">12</T><L n=\"loot\"> buff trait mood </L>".getBytes(StandardCharsets.UTF_8);
        seeds.add(ZlibDecoderFuzzTest.class, "empty", withSize(0, ZlibEncoder.encode(new byte[0])));
        seeds.add(ZlibDecoderFuzzTest.class, "text", withSize(text.length, ZlibEncoder.encode(text)));
        seeds.add(InflateTwinsFuzzTest.class, "empty", withSize(0, ZlibEncoder.encode(new byte[0])));
        seeds.add(InflateTwinsFuzzTest.class, "text", withSize(text.length, ZlibEncoder.encode(text)));
        seeds.add(RefPackDecoderFuzzTest.class, "text", RefPackEncoder.encode(text));
        seeds.add(RefPackDecoderFuzzTest.class, "four-byte-sizes", new byte[] {(byte) 0x91, (byte) 0xFB, 0, 0, 0, 9, 0, 0, 0, 4,
            (byte) 0xE0, 'a', 'b', 'c', 'd', (byte) 0xFC});
        seeds.add(StringTableFuzzTest.class, "two", new StringTableWriter().add("Mod:A", "Hello").add("Mod:B", "Wörld ☃").toByteArray());
        seeds.add(StringTableFuzzTest.class, "empty", new StringTableWriter().toByteArray());
        seeds.add(NameMapFuzzTest.class, "three", new NameMapWriter().add(1, "Mod:Buff").add(2, "Mod:Hat 🦙").add(3, "").toByteArray());
        SplittableRandom rnd = new SplittableRandom(SEED);
        byte[] xml = TuningXml.generate(rnd, "Mod:Buff_Happy", 0x8000_0000_0000_0001L, 600);
        seeds.add(TuningHeaderFuzzTest.class, "instance", xml);
        seeds.add(TuningHeaderFuzzTest.class, "utf16", ("\uFEFF<?xml version=\"1.0\"?><!-- c --><I c=\"Trait\" n=\"wide &amp; ☃\" s=\"2\"/>")
                .getBytes(StandardCharsets.UTF_16LE));
        seeds.add(TuningHeaderFuzzTest.class, "module", "<M n=\"module.name\" s=\"3\"><T>1</T></M>".getBytes(StandardCharsets.UTF_8));
    }

    /** Frames of every method, written on purpose: empty, stored, LZ4 and Brotli, one- and two-byte lengths. */
    private static void frames(SeedSet seeds) {
        AdaptiveCompressor c = AdaptiveCompressor.defaults();
        byte[] text = "<I n=\"buff\" s=\"1\"><T n=\"value\">12</T><L n=\"loot\"> buff trait mood </L></I>\n"
                .repeat(8).getBytes(StandardCharsets.UTF_8);
        byte[] blocks = new byte[3000];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = (byte) (i % 16 < 12 ? 0 : i); // DXT-like: mostly empty blocks
        }
        seeds.add(AdaptiveFrameFuzzTest.class, "stored-empty", c.compress(0x12345678, new byte[0]));
        seeds.add(AdaptiveFrameFuzzTest.class, "stored-text", c.compress(0x12345678, Arrays.copyOf(text, 40)));
        seeds.add(AdaptiveFrameFuzzTest.class, "lz4-text", c.withoutBrotli().compress(0x220557DA, text));
        seeds.add(AdaptiveFrameFuzzTest.class, "brotli-text", c.compress(0x220557DA, text));
        seeds.add(AdaptiveFrameFuzzTest.class, "lz4-blocks", c.compress(0x00B2D882, blocks));
        seeds.add(AdaptiveFrameFuzzTest.class, "brotli-blocks", c.compress(0x545AC67A, blocks));
    }

    /** The zip fuzzers' archives, a mod archive, and one holding a demo-sized package. */
    private static void zips(SeedSet seeds) throws IOException {
        Random random = new Random(SEED);
        List<byte[]> fixtures = ZipFixtures.fuzzCorpus(random);
        for (int i = 0; i < fixtures.size(); i++) {
            seeds.add(ZipArchiveFuzzTest.class, "fixture-" + i + ".zip", fixtures.get(i));
        }
        seeds.add(ZipArchiveFuzzTest.class, "mod-archive.zip", ZipFixtures.modArchive(random).write());
        byte[] pkg = RandomPackages.generate(new SplittableRandom(SEED), 3, 7).bytes;
        seeds.add(ZipArchiveFuzzTest.class, "package.zip", ZipFixtures.contents().deflated("Mods/a.package", pkg)
                .stored("Mods/b.package", pkg).write());
    }

    /**
     * Saved Bloom filters: one over a random package's keys, an empty one, a large one, and the same
     * bytes cut short, followed by more data, and with a block count that says one block too many.
     */
    private static void bloomFilters(SeedSet seeds) throws IOException {
        BloomFilter keys = BloomFilter.create(40, 0.01);
        byte[] random = RandomPackages.generate(new SplittableRandom(SEED), 3, 7).bytes;
        try (DbpfPackage pkg = DbpfPackage.open("random", java.nio.ByteBuffer.wrap(random))) {
            DbpfIndex index = pkg.index();
            for (int e = 0; e < index.size(); e++) {
                keys.add(BloomFilter.keyHash(index.type(e), index.group(e), index.instance(e)));
            }
        }
        byte[] saved = keys.toByteArray();
        seeds.add(BloomFilterFuzzTest.class, "package-keys", saved);
        seeds.add(BloomFilterFuzzTest.class, "empty", BloomFilter.create(0, 0.01).toByteArray());
        BloomFilter large = BloomFilter.create(5000, 0.001);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < 5000; i++) {
            large.add(rnd.nextLong());
        }
        seeds.add(BloomFilterFuzzTest.class, "5000-keys", large.toByteArray());
        seeds.add(BloomFilterFuzzTest.class, "header-only", java.util.Arrays.copyOf(saved, BloomFilter.HEADER_BYTES));
        seeds.add(BloomFilterFuzzTest.class, "cut-in-a-block", java.util.Arrays.copyOf(saved, saved.length - 7));
        byte[] trailing = java.util.Arrays.copyOf(saved, saved.length + 16);
        seeds.add(BloomFilterFuzzTest.class, "then-more-data", trailing);
        byte[] lying = saved.clone();
        lying[8]++;
        seeds.add(BloomFilterFuzzTest.class, "one-block-too-many", lying);
    }

    /** A zlib harness input: the declared size as 3 bytes little-endian, then the stream. */
    static byte[] withSize(long size, byte[] stream) {
        byte[] out = new byte[DecoderHarness.SIZE_BYTES + stream.length];
        for (int i = 0; i < DecoderHarness.SIZE_BYTES; i++) {
            out[i] = (byte) (size >>> (8 * i));
        }
        System.arraycopy(stream, 0, out, DecoderHarness.SIZE_BYTES, stream.length);
        return out;
    }

    private static byte[] head(byte[] data, int max) {
        return data.length <= max ? data : java.util.Arrays.copyOf(data, max);
    }

    private static byte[] bytes(java.nio.ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
