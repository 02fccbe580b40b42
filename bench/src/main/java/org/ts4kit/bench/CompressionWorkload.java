package org.ts4kit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ts4kit.codec.BrotliCodec;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.CompressionStrategy;
import org.ts4kit.codec.InflateProvider;
import org.ts4kit.codec.Lz4Codec;
import org.ts4kit.codec.ZlibEncoder;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;
import org.ts4kit.testkit.RealSamples;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * The resources {@link CompressionBenchmark} compresses: those of the real samples ({@code real}) or of the
 * demo corpus ({@code demo}: {@code ts4kit gen DIR --packages 200 --seed 1}, generated once into the temp
 * folder), in four groups by type: tuning XML, string tables, images, everything else. A group over
 * {@link #MAX_BYTES} keeps every n-th resource (in scan order), so one pass stays well under a second even
 * for Brotli. Each codec is one call per resource on heap arrays, exactly as the adaptive compressor makes it.
 */
public final class CompressionWorkload {
    public static final String[] GROUPS = {"tuning", "stringTable", "image", "other"};
    public static final String[] CODECS = {"lz4", "brotli" + CompressionStrategy.BROTLI_QUALITY, "zlib6"};
    static final long MAX_BYTES = 4L << 20;

    private static final Map<String, Map<String, List<byte[]>>> SOURCES = new TreeMap<>();

    final List<byte[]> originals;
    final long bytes;

    private CompressionWorkload(List<byte[]> originals) {
        this.originals = originals;
        long sum = 0;
        for (byte[] b : originals) {
            sum += b.length;
        }
        this.bytes = sum;
    }

    /** The group's resources of {@code source} ({@code real} or {@code demo}); empty when there are none. */
    public static synchronized CompressionWorkload of(String source, String group) throws IOException, InterruptedException {
        Map<String, List<byte[]>> groups = SOURCES.get(source);
        if (groups == null) {
            groups = load(folder(source));
            SOURCES.put(source, groups);
        }
        return new CompressionWorkload(thin(groups.getOrDefault(group, List.of())));
    }

    static String group(int type) {
        if (type == ResourceTypes.STRING_TABLE) {
            return "stringTable";
        }
        if (ResourceTypes.isTuning(type)) {
            return "tuning";
        }
        return ResourceDetails.isImage(type) ? "image" : "other";
    }

    private static Path folder(String source) throws IOException {
        if (source.equals("real")) {
            Path real = RealSamples.folder();
            if (real == null) {
                throw new IllegalStateException("no real samples: " + RealSamples.absent());
            }
            return real;
        }
        Path demo = Path.of(System.getProperty("java.io.tmpdir"), "ts4kit-bench", "demo-200-1");
        if (!Files.exists(demo.resolve(CorpusGenerator.MANIFEST))) {
            CorpusGenerator.generate(demo, 200, 1, 0);
        }
        return demo;
    }

    /** Every decoded resource of the folder's packages, by group (broken packages are passed over). */
    private static Map<String, List<byte[]>> load(Path folder) throws IOException, InterruptedException {
        Map<String, List<byte[]>> groups = new TreeMap<>();
        ScanSink sink = new ScanSink() {
            @Override
            public void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) {
                if (bytes != null) {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.duplicate().get(copy);
                    groups.computeIfAbsent(group(pkg.index().type(entry)), g -> new ArrayList<>()).add(copy);
                }
            }

            @Override
            public void onPackage(ScannedPackage pkg) {
            }
        };
        // one thread: the lists are filled in scan order, so "every n-th" is the same resources each run
        CollectionScan.run(InputWalker.list(List.of(folder)), 1, new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults()), sink);
        return groups;
    }

    private static List<byte[]> thin(List<byte[]> all) {
        long sum = 0;
        for (byte[] b : all) {
            sum += b.length;
        }
        long step = Math.max(1, (sum + MAX_BYTES - 1) / MAX_BYTES);
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            kept.add(all.get(i));
        }
        return kept;
    }

    /** {@code data} compressed by {@code codec} (one of {@link #CODECS}). */
    static byte[] compress(String codec, byte[] data) {
        switch (codec) {
            case "lz4": return Lz4Codec.compress(data, 0, data.length);
            case "zlib6": return ZlibEncoder.encode(data, 0, data.length, 6);
            default: return BrotliCodec.compress(data, 0, data.length, CompressionStrategy.BROTLI_QUALITY);
        }
    }

    /** Decodes {@code stream} (of {@code codec}) into {@code out[0..size)}. */
    static void decompress(String codec, byte[] stream, byte[] out, int size) throws CodecException {
        switch (codec) {
            case "lz4": Lz4Codec.decompress(stream, 0, stream.length, out, 0, size); break;
            case "zlib6": InflateProvider.zlib().decode(ByteBuffer.wrap(stream), out, 0, size); break;
            default: BrotliCodec.decompress(stream, 0, stream.length, out, 0, size);
        }
    }

    /** Compressed bytes over original bytes for {@code codec}, over the whole group. */
    double ratio(String codec) {
        long out = 0;
        for (byte[] b : originals) {
            out += compress(codec, b).length;
        }
        return bytes == 0 ? Double.NaN : (double) out / bytes;
    }
}
