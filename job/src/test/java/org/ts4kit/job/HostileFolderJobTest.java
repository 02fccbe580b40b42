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
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.testkit.HostileFiles;
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

    /** A header declaring 268 million entries in a file of a few hundred bytes. */
    private static byte[] hugeCount(byte[] good) {
        byte[] b = Arrays.copyOf(good, good.length);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(36, 268_000_000);
        return b;
    }

    @Test
    @Timeout(300)
    void everyInputOfAHostileFolderIsAccountedForOnce(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("in");
        OddFolder.write(root);
        byte[] good = goodPackage();
        Path nasty = Files.createDirectories(root.resolve("Mods/Nasty"));
        Files.write(nasty.resolve("truncated.package"), Arrays.copyOf(good, good.length / 2));
        // 2,000 records on one zlib stream of 8 MiB: 16 GB to inflate without the budget and the dedup
        Files.write(nasty.resolve("shared-stream.package"), HostileFiles.sharedStreamPackage(2_000, new byte[8 << 20]));
        Files.write(nasty.resolve("huge-count.package"), hugeCount(good));
        // one central record 50 times, all pointing at the same local header
        Files.write(nasty.resolve("shared-header.zip"),
                HostileFiles.sharedLocalHeader(new RawZip().add(RawZip.stored("a.package", good)).build(), 50));
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
