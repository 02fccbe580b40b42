package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.codec.ZlibEncoder;

/**
 * A sparse package of about 2.3 GiB whose index lies past the 2 GiB mark, with one resource that
 * straddles a 1 GiB mapping window and one beyond 2 GiB: only a few kilobytes touch the disk.
 */
class LargeFileTest {
    private static final long TWO_GIB = 1L << 31;

    @Test
    void indexPastTwoGibibytesReadsThroughSeveralMappings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.package");
        byte[] first = "resource at the start".getBytes();
        byte[] straddling = new byte[5000];
        for (int i = 0; i < straddling.length; i++) {
            straddling[i] = (byte) (i * 31);
        }
        byte[] late = "a tuning file beyond two gibibytes ".repeat(50).getBytes();
        byte[] lateStored = ZlibEncoder.encode(late);
        long straddlePos = (1L << 30) - 1234; // crosses the first 1 GiB window boundary
        long latePos = TWO_GIB + 4096;
        long indexPos = latePos + lateStored.length + 100;

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            ByteBuffer index = ByteBuffer.allocate(4 + 3 * 32).order(ByteOrder.LITTLE_ENDIAN);
            index.putInt(0);
            entry(index, 1, 96, first.length, first.length, Compression.NONE);
            entry(index, 2, straddlePos, straddling.length, straddling.length, Compression.NONE);
            entry(index, 3, latePos, lateStored.length, late.length, Compression.ZLIB);
            ByteBuffer header = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0, DbpfHeader.MAGIC).putInt(4, 2).putInt(8, 1).putInt(36, 3).putInt(44, index.capacity())
                    .putInt(60, 3).putLong(64, indexPos);
            ch.write(header, 0);
            ch.write(ByteBuffer.wrap(first), 96);
            ch.write(ByteBuffer.wrap(straddling), straddlePos);
            ch.write(ByteBuffer.wrap(lateStored), latePos);
            ch.write(index.flip(), indexPos);
        }
        long onDisk = allocatedBytes(file);
        assumeTrue(onDisk < 64L << 20, "the file system does not keep the test file sparse (" + onDisk + " bytes allocated)");

        try (DbpfPackage pkg = DbpfPackage.open(file)) {
            assertEquals(3, pkg.entryCount());
            assertEquals(indexPos, pkg.header().indexPosition());
            assertArrayEquals(first, pkg.read(0));
            assertArrayEquals(straddling, pkg.read(1));
            assertArrayEquals(late, pkg.read(2));
            assertEquals(latePos, pkg.index().offset(2));
        } finally {
            Files.delete(file);
        }
    }

    private static void entry(ByteBuffer b, int instance, long pos, int fileSize, int memSize, int compression) {
        b.putInt(0x0333406C).putInt(0).putInt(0).putInt(instance).putInt((int) pos).putInt(fileSize | 0x8000_0000)
                .putInt(memSize).putShort((short) compression).putShort((short) 1);
    }

    /** Blocks the file really uses, where the platform says (Unix); the logical size otherwise. */
    private static long allocatedBytes(Path file) throws IOException {
        try {
            Object blocks = Files.getAttribute(file, "unix:blocks"); // not standard; absent on most JDKs
            return ((Number) blocks).longValue() * 512;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return duBytes(file);
        }
    }

    private static long duBytes(Path file) throws IOException {
        try {
            Process p = new ProcessBuilder("du", "-B1", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out.split("\\s+")[0]);
        } catch (RuntimeException | InterruptedException e) {
            return Files.size(file);
        }
    }
}
