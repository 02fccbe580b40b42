package org.ts4kit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * Core's {@link ZipArchive} against Apache Commons Compress's {@link ZipFile}: open every {@code .zip}
 * of a generated corpus, list it, and read every member's bytes (warm: the files are in the page
 * cache). Commons Compress is read two ways: through {@link ZipFile#getInputStream} for every entry,
 * and "zero-copy" (a stored entry mapped at {@link ZipArchiveEntry#getDataOffset()}, a deflated one
 * through the stream). Core checks every member's CRC-32 and Commons Compress does not (see
 * bench/README.md), so both Commons Compress readers compute it too: the same guarantee for the same work.
 *
 * <p>Corpora (generated once into {@code $TMPDIR/ts4kit-bench/zips-*}): {@code demo} is {@code ts4kit gen
 * --packages 200 --seed 1} (8 archives, 10.7 MB, 40 packages stored and deflated in turn, a readme and a
 * script each); {@code big} is {@code --packages 100 --seed 2 --size-factor 16} (4 archives, 84 MB).
 * Figures: bench/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ZipReaderBenchmark {
    @Param({"demo", "big"})
    public String corpus;

    private List<Path> zips;

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ts4kit-bench", "zips-" + corpus);
        if (!Files.isDirectory(dir.resolve("Archives"))) {
            if (corpus.equals("demo")) {
                CorpusGenerator.generate(dir, 200, 1, 0);
            } else {
                CorpusGenerator.generate(dir, 100, 2, 0, 16);
            }
        }
        try (Stream<Path> s = Files.list(dir.resolve("Archives"))) {
            zips = s.filter(p -> p.toString().endsWith(".zip")).sorted().collect(Collectors.toList());
        }
    }

    @Benchmark
    public long ts4kit(Blackhole bh) throws IOException {
        long bytes = 0;
        for (Path p : zips) {
            try (ZipArchive zip = ZipArchive.open(p)) {
                for (ZipEntryInfo e : zip.entries()) {
                    ByteBuffer data = zip.data(e); // CRC-32 checked inside
                    bytes += data.remaining();
                    bh.consume(data);
                }
            }
        }
        return bytes;
    }

    @Benchmark
    public long commonsCompressStreams(Blackhole bh) throws IOException {
        long bytes = 0;
        for (Path p : zips) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
                    ZipFile zip = ZipFile.builder().setSeekableByteChannel(ch).get()) {
                for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements();) {
                    ZipArchiveEntry e = en.nextElement();
                    try (InputStream in = zip.getInputStream(e)) {
                        byte[] data = in.readAllBytes();
                        checkCrc(e, ByteBuffer.wrap(data));
                        bytes += data.length;
                        bh.consume(data);
                    }
                }
            }
        }
        return bytes;
    }

    @Benchmark
    public long commonsCompressZeroCopy(Blackhole bh) throws IOException {
        long bytes = 0;
        for (Path p : zips) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
                    ZipFile zip = ZipFile.builder().setSeekableByteChannel(ch).get()) {
                for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements();) {
                    ZipArchiveEntry e = en.nextElement();
                    ByteBuffer data;
                    if (e.getMethod() == ZipArchiveEntry.STORED) {
                        data = ch.map(FileChannel.MapMode.READ_ONLY, e.getDataOffset(), e.getCompressedSize());
                    } else {
                        try (InputStream in = zip.getInputStream(e)) {
                            data = ByteBuffer.wrap(in.readAllBytes());
                        }
                    }
                    checkCrc(e, data);
                    bytes += data.remaining();
                    bh.consume(data);
                }
            }
        }
        return bytes;
    }

    private static void checkCrc(ZipArchiveEntry e, ByteBuffer data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data.duplicate());
        if (crc.getValue() != e.getCrc()) {
            throw new IOException(e.getName() + ": CRC mismatch");
        }
    }
}
