package org.ts4kit.testkit.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.telemetry.ProgressListener;

/**
 * Writes a demo corpus, deterministic by seed: a {@code Mods/} folder of creators' packages
 * (upper- and lower-case extensions, readmes and thumbnails beside them), {@code .zip} mod
 * archives holding stored and deflated packages next to a {@code .ts4script} and a readme, shared
 * keys across packages with equal and with different bytes, a few broken files of every
 * {@link BrokenKind}, and optionally one large package. {@code ts4kit-corpus.tsv} lists every
 * file with what it is and, for broken ones, how it was broken.
 */
public final class CorpusGenerator {
    /** The manifest file name; scanners treat it as an ordinary non-package file. */
    public static final String MANIFEST = "ts4kit-corpus.tsv";
    private static final String[] CREATORS = {
        "LittleMsSam", "TwistedMexi", "Kawaiistacie", "BasementalCC", "Zerbu", "SimRealist", "MizoreYukii",
        "Deaderpool", "Lumpinou", "RoBurky", "KiaraZurk", "Scarlet", "Triplis", "PandaSama", "Weerbesu",
    };

    private final Path dir;
    private final long seed;
    private int sizeFactor = 1;
    /** Whether the large package compresses its images too ({@link #generate(Path, int, long, int, boolean, int, ProgressListener)}). */
    private boolean bigCompressed;
    private ProgressListener progress = ProgressListener.NONE;
    private final List<String> manifest = new ArrayList<>();

    private CorpusGenerator(Path dir, long seed) {
        this.dir = dir;
        this.seed = seed;
    }

    /** Writes {@code packages} packages (plus archives' and broken ones among them) and, if {@code bigMb > 0}, one large package. */
    public static List<String> generate(Path dir, int packages, long seed, int bigMb) throws IOException {
        return generate(dir, packages, seed, bigMb, 1);
    }

    /** As above, with {@code sizeFactor} times the resources per package (benchmarks want bigger packages). */
    public static List<String> generate(Path dir, int packages, long seed, int bigMb, int sizeFactor) throws IOException {
        return generate(dir, packages, seed, bigMb, sizeFactor, ProgressListener.NONE);
    }

    /**
     * As above, telling {@code progress} of each package written (one item and its bytes; the large
     * package's bytes as they are written, its item at the end). The corpus does not depend on it.
     */
    public static List<String> generate(Path dir, int packages, long seed, int bigMb, int sizeFactor, ProgressListener progress)
            throws IOException {
        return generate(dir, packages, seed, bigMb, false, sizeFactor, progress);
    }

    /**
     * As above; with {@code bigCompressed} the large package compresses its images as well (zlib mostly,
     * some RefPack, some stored, as creator tools write them), so reading it all is mostly inflating:
     * the full-read benchmarks' package. Its name is {@code Big/big_MBmb_compressed.package}.
     */
    public static List<String> generate(Path dir, int packages, long seed, int bigMb, boolean bigCompressed, int sizeFactor,
            ProgressListener progress) throws IOException {
        if (packages < 0 || bigMb < 0 || sizeFactor < 1) {
            throw new IllegalArgumentException("packages and big size must be >= 0, size factor >= 1");
        }
        CorpusGenerator g = new CorpusGenerator(dir, seed);
        g.sizeFactor = sizeFactor;
        g.progress = progress;
        g.bigCompressed = bigCompressed;
        Files.createDirectories(dir);
        g.writePackages(packages);
        if (bigMb > 0) {
            g.writeBig(bigMb);
        }
        g.writeManifest();
        return g.manifest;
    }

    private void writePackages(int count) throws IOException {
        SharedResources shared = new SharedResources(seed, Math.max(4, count / 5));
        int archives = count >= 6 ? Math.max(1, count / 25) : 0;
        List<ModArchive> zips = new ArrayList<>();
        for (int a = 0; a < archives; a++) {
            zips.add(new ModArchive(dir.resolve("Archives").resolve(String.format(Locale.ROOT, "ModPack_%03d.zip", a))));
        }
        BrokenKind[] kinds = BrokenKind.values();
        int broken = 0;
        for (int p = 0; p < count; p++) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, p));
            String creator = CREATORS[(int) ((mix(seed, p / 4) >>> 1) % CREATORS.length)];
            String mod = creator + "_Mod" + p;
            BrokenKind kind = isBroken(p, count) ? kinds[broken++ % kinds.length] : null;
            byte[] pkg = buildMod(rnd, mod, kind == BrokenKind.CORRUPT_REFPACK, shared);
            if (kind != null) {
                pkg = Breaker.breakPackage(pkg, kind, rnd);
            }
            String ext = p % 17 == 3 ? ".PACKAGE" : ".package";
            if (!zips.isEmpty() && kind == null && p % 5 == 2) {
                ModArchive zip = zips.get(p % zips.size());
                String inner = (p % 2 == 0 ? "Mods/" + creator + "/" : "") + mod + ext;
                boolean stored = zip.add(inner, pkg);
                record(rel(zip.path()) + "!/" + inner, "package", stored ? "ok (stored)" : "ok (deflated)");
                progress.advanced(1, pkg.length);
                if (p % 10 == 7) { // the same mod loose too: an exact duplicate across folders
                    writeFile(dir.resolve("Mods").resolve(creator).resolve(mod + " (copy)" + ext), pkg, "package", "ok");
                }
                continue;
            }
            Path file = dir.resolve(kind != null ? "Mods/Broken" : "Mods/" + creator).resolve(mod + ext);
            writeFile(file, pkg, "package", kind == null ? "ok" : "broken " + kind.name().toLowerCase(Locale.ROOT));
            progress.advanced(1, pkg.length);
            if (p % 9 == 0) {
                writeFile(file.resolveSibling("readme.txt"), ("Mod by " + creator + ". Put the .package in Mods.\n")
                        .getBytes(StandardCharsets.UTF_8), "other", "-");
            }
        }
        for (ModArchive zip : zips) {
            zip.close();
            record(rel(zip.path()), "archive", "ok");
        }
    }

    /** One of each broken kind among the first 55 packages (every fifth), then one in 25. */
    private static boolean isBroken(int p, int count) {
        int firstRound = 5 * BrokenKind.values().length;
        return count >= 12 && (p < firstRound ? p % 5 == 4 : p % 25 == 4);
    }

    private byte[] buildMod(SplittableRandom rnd, String mod, boolean needRefPack, SharedResources shared) throws IOException {
        DbpfWriter w = DbpfWriter.inMemory();
        int size = sizeFactor * (rnd.nextInt(10) == 0 ? 100 + rnd.nextInt(300) : 4 + rnd.nextInt(50));
        int picks = rnd.nextInt(4);
        int[] sharedPicks = new int[picks];
        int first = rnd.nextInt(shared.keyCount());
        for (int i = 0; i < picks; i++) {
            int k = (first + i * 3) % shared.keyCount();
            sharedPicks[i] = k << 8 | rnd.nextInt(SharedResources.VARIANTS);
        }
        new PackageBuilder(rnd, w).buildMod(mod, size, needRefPack, shared, sharedPicks);
        return w.toByteArray();
    }

    /** The large package's path for a size and kind, relative to the corpus folder. */
    public static String bigName(int megabytes, boolean compressed) {
        return "Big/big_" + megabytes + "mb" + (compressed ? "_compressed" : "") + ".package";
    }

    /**
     * One large package of texture-like data with compressed tuning between; the textures are stored
     * as they are, or compressed like the tuning when {@link #bigCompressed}.
     */
    private void writeBig(int megabytes) throws IOException {
        Path file = dir.resolve(bigName(megabytes, bigCompressed));
        Files.createDirectories(file.getParent());
        SplittableRandom rnd = new SplittableRandom(mix(seed, -1));
        long target = (long) megabytes << 20;
        try (DbpfWriter w = DbpfWriter.create(file)) {
            PackageBuilder pb = new PackageBuilder(rnd, w);
            long written = 0;
            long instance = 0x8000_0000_0000_0000L | (rnd.nextLong() & 0x0FFF_FFFF_0000_0000L);
            while (written < target) {
                int kind = rnd.nextInt(10);
                byte[] data;
                int type;
                int compression;
                if (kind < 4) {
                    int side = 128 << rnd.nextInt(4);
                    data = ResourceFactory.dstImage(rnd, side, side);
                    type = ResourceFactory.DST_IMAGE;
                    compression = bigCompressed ? pb.pickCompression() : org.ts4kit.dbpf.Compression.NONE;
                } else if (kind < 8) {
                    data = TuningXml.generate(rnd, "big_tuning_" + instance, instance, 500 + rnd.nextInt(8000));
                    type = ResourceFactory.TUNING_TYPES[kind % ResourceFactory.TUNING_TYPES.length];
                    compression = pb.pickCompression();
                } else {
                    data = ResourceFactory.simData(rnd, 500 + rnd.nextInt(4000));
                    type = ResourceFactory.SIMDATA;
                    compression = pb.pickCompression();
                }
                w.add(new org.ts4kit.dbpf.ResourceKey(type, 0, instance++), data, compression);
                written += data.length;
                progress.advanced(0, data.length);
            }
        }
        record(rel(file), "package", "ok (big)");
        progress.advanced(1, 0);
    }

    private void writeFile(Path file, byte[] bytes, String kind, String status) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        record(rel(file), kind, status);
    }

    private void record(String path, String kind, String status) {
        manifest.add(path + "\t" + kind + "\t" + status);
    }

    private String rel(Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private void writeManifest() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
            out.write(("# ts4kit demo corpus, seed " + seed + "\npath\tkind\tstatus\n").getBytes(StandardCharsets.UTF_8));
            for (String line : manifest) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** SplitMix64 of (seed, index): independent, reproducible streams per package. */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
