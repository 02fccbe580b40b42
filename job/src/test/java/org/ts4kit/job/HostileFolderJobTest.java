package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.codec.ZlibEncoder;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.testkit.OddFolder;
import org.ts4kit.testkit.RawZip;

/**
 * The job on a folder of the nastiest inputs: the odd folder (links, a link loop, a FIFO, hidden files,
 * two zip members of one name, a backslash in a name) plus a truncated package, records sharing one big
 * stream, an index declaring 268 million entries, zip members sharing one local header and a newline in
 * a file name. The job ends, every package is in {@code packages} exactly once with the name the CLI
 * gives it, every broken one has its errors rows, and nothing takes long.
 */
class HostileFolderJobTest {
    private static byte[] goodPackage() throws IOException {
        DbpfWriter w = DbpfWriter.inMemory();
        for (int i = 0; i < 20; i++) {
            w.add(new ResourceKey(0x0333406C, 0, i), ("<I n=\"tuning_" + i + "\"/>").repeat(50).getBytes(), Compression.ZLIB);
        }
        return w.toByteArray();
    }

    /** 2,000 records pointing at one zlib stream of 8 MiB: 16 GB to inflate without the budget and dedup. */
    private static byte[] sharedStream() {
        byte[] stream = ZlibEncoder.encode(new byte[8 << 20]);
        int records = 2_000;
        ByteBuffer b = ByteBuffer.allocate(96 + stream.length + 4 + records * 32).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x46504244).putInt(4, 2).putInt(8, 1).putInt(36, records).putInt(44, 4 + records * 32)
                .putInt(60, 3).putLong(64, 96 + stream.length);
        b.position(96);
        b.put(stream).putInt(0);
        for (int i = 0; i < records; i++) {
            b.putInt(0x0333406C).putInt(0).putInt(0).putInt(i).putInt(96).putInt(stream.length | 0x8000_0000)
                    .putInt(8 << 20).putShort((short) Compression.ZLIB).putShort((short) 1);
        }
        return b.array();
    }

    /** A header declaring 268 million entries in a file of a few hundred bytes. */
    private static byte[] hugeCount(byte[] good) {
        byte[] b = Arrays.copyOf(good, good.length);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(36, 268_000_000);
        return b;
    }

    /** A zip whose one central record appears 50 times, all pointing at the same local header. */
    private static byte[] sharedHeaderZip(byte[] pkg) {
        byte[] one = new RawZip().add(RawZip.stored("a.package", pkg)).build();
        ByteBuffer in = ByteBuffer.wrap(one).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = one.length - 22;
        int cdOffset = in.getInt(eocd + 16);
        int cdSize = in.getInt(eocd + 12);
        int copies = 50;
        ByteBuffer out = ByteBuffer.allocate(cdOffset + cdSize * copies + 22).order(ByteOrder.LITTLE_ENDIAN);
        out.put(one, 0, cdOffset);
        for (int i = 0; i < copies; i++) {
            out.put(one, cdOffset, cdSize);
        }
        int end = out.position();
        out.put(one, eocd, 22);
        out.putShort(end + 8, (short) copies).putShort(end + 10, (short) copies).putInt(end + 12, cdSize * copies);
        return out.array();
    }

    @Test
    @Timeout(300)
    void everyInputOfAHostileFolderIsAccountedForOnce(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("in");
        OddFolder.write(root);
        byte[] good = goodPackage();
        Path nasty = Files.createDirectories(root.resolve("Mods/Nasty"));
        Files.write(nasty.resolve("truncated.package"), Arrays.copyOf(good, good.length / 2));
        Files.write(nasty.resolve("shared-stream.package"), sharedStream());
        Files.write(nasty.resolve("huge-count.package"), hugeCount(good));
        Files.write(nasty.resolve("shared-header.zip"), sharedHeaderZip(good));
        Files.write(nasty.resolve("new\nline.package"), good);

        JobOptions o = new JobOptions();
        o.inputs = List.of(root.toString());
        o.out = dir.resolve("out").toString();
        o.partitionBytes = 1 << 20;
        SparkSession spark = SharedSpark.get();
        JobSummary summary = Ts4kitJob.run(spark, o); // accounting inside: it throws if anything is lost or doubled

        Set<String> expected = InputWalker.list(List.of(root)).packages().stream().map(PackageInput::name)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Row> packages = Ts4kitJob.read(spark, o, Tables.PACKAGES).collectAsList();
        assertEquals(expected.size(), packages.size(), "one row per package");
        Map<String, Row> byPath = packages.stream().collect(Collectors.toMap(r -> r.<String>getAs("path"), Function.identity()));
        assertEquals(expected, new TreeSet<>(byPath.keySet()));

        assertEquals("ok", byPath.get("Mods/Nasty/new\nline.package").getAs("status"));
        assertEquals("ok", byPath.get("Mods/Nasty/shared-stream.package").getAs("status"), "decoded once, hashed 2,000 times");
        assertEquals("broken", byPath.get("Mods/Nasty/truncated.package").getAs("status"));
        assertEquals("broken", byPath.get("Mods/Nasty/huge-count.package").getAs("status"));
        assertTrue(byPath.get("Mods/Nasty/huge-count.package").<String>getAs("error").contains("-Dts4kit.maxEntries"));
        long sharedHeaderBroken = packages.stream().filter(r -> r.<String>getAs("path").startsWith("Mods/Nasty/shared-header.zip!/"))
                .filter(r -> r.<String>getAs("status").equals("broken")).count();
        assertEquals(49, sharedHeaderBroken, "the first record keeps the member, the 49 others are refused");

        Set<String> errorPaths = Ts4kitJob.read(spark, o, Tables.ERRORS).collectAsList().stream()
                .map(r -> r.<String>getAs("path")).collect(Collectors.toSet());
        packages.stream().filter(r -> r.<String>getAs("status").equals("broken"))
                .forEach(r -> assertTrue(errorPaths.contains(r.<String>getAs("path")), r.getAs("path") + " has no errors row"));
        assertEquals(packages.stream().filter(r -> r.<String>getAs("status").equals("broken")).count(), summary.packagesBroken);
    }
}
