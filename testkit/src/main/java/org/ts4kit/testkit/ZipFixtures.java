package org.ts4kit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Archives written by the JDK's {@link ZipOutputStream}: the reference writer for the tests. */
public final class ZipFixtures {
    private ZipFixtures() {
    }

    /** What to put in an archive: entries in order, each stored or deflated. */
    public static final class Contents {
        public final Map<String, byte[]> data = new LinkedHashMap<>();
        public final Map<String, Boolean> stored = new LinkedHashMap<>();
        public String comment;
        public Charset charset = StandardCharsets.UTF_8;

        public Contents stored(String name, byte[] bytes) {
            data.put(name, bytes);
            stored.put(name, true);
            return this;
        }

        public Contents deflated(String name, byte[] bytes) {
            data.put(name, bytes);
            stored.put(name, false);
            return this;
        }

        public Contents directory(String name) {
            return stored(name, new byte[0]);
        }

        public Contents comment(String text) {
            comment = text;
            return this;
        }

        public Contents charset(Charset cs) {
            charset = cs;
            return this;
        }

        public byte[] write() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, charset)) {
                if (comment != null) {
                    zip.setComment(comment);
                }
                for (Map.Entry<String, byte[]> e : data.entrySet()) {
                    zip.putNextEntry(entry(e.getKey(), e.getValue(), stored.get(e.getKey())));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    public static Contents contents() {
        return new Contents();
    }

    private static ZipEntry entry(String name, byte[] bytes, boolean stored) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0x4000_0000_000L);
        if (stored) {
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            e.setCompressedSize(bytes.length);
            e.setCrc(crc(bytes));
        } else {
            e.setMethod(ZipEntry.DEFLATED);
        }
        return e;
    }

    public static long crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }

    /** A typical mod archive: packages stored and deflated, a script, a readme, folders, a UTF-8 name, empty files. */
    public static Contents modArchive(Random random) {
        return contents()
                .directory("Mods/")
                .directory("Mods/Hair/")
                .stored("Mods/Hair/long_hair.package", fakePackage(random, 3000))
                .deflated("Mods/Hair/short_hair.PACKAGE", fakePackage(random, 5000))
                .deflated("Mods/script.ts4script", randomBytes(random, 700))
                .deflated("Mods/Café ☕/ñandú.package", fakePackage(random, 1200))
                .stored("empty-stored.txt", new byte[0])
                .deflated("empty-deflated.txt", new byte[0])
                .deflated("README.txt", "Put the Mods folder in Documents/Electronic Arts/The Sims 4.\n"
                        .repeat(20).getBytes(StandardCharsets.UTF_8))
                .comment("made for ts4kit tests ✓");
    }

    /** Compressible bytes that start like a package: a DBPF magic and then text-like noise. */
    public static byte[] fakePackage(Random random, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + random.nextInt(6));
        }
        if (size >= 4) {
            ByteBuffer.wrap(b).put("DBPF".getBytes(StandardCharsets.US_ASCII));
        }
        return b;
    }

    public static byte[] randomBytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    /** Values that break size, count and offset fields: zero, sign and width edges, ZIP64 markers, header sizes. */
    public static final long[] EDGE_VALUES = {0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x10000, 0x7FFF_FFFFL, 0x8000_0000L,
        0xFFFF_FFFFL, 0xFFFF_FFFEL, Long.MAX_VALUE, Long.MIN_VALUE, -1, -46, 46, 22, 30};

    /**
     * The archives the zip fuzzers damage, each small so that headers are a good share of the bytes:
     * a {@code java.util.zip} archive (directory, stored, deflated, a non-ASCII name, an empty member,
     * a comment), a ZIP64 one, and one behind a 4-byte stub.
     */
    public static java.util.List<byte[]> fuzzCorpus(Random random) {
        java.util.List<byte[]> archives = new java.util.ArrayList<>();
        archives.add(contents()
                .directory("Mods/")
                .stored("Mods/a.package", fakePackage(random, 40))
                .deflated("Mods/b.package", fakePackage(random, 300))
                .deflated("Mods/ñ.ts4script", randomBytes(random, 50))
                .stored("empty", new byte[0])
                .comment("PK comment").write());
        archives.add(new RawZip().zip64End()
                .add(RawZip.stored("z/a.package", fakePackage(random, 60)).zip64())
                .add(RawZip.deflated("z/b.package", fakePackage(random, 200)).zip64())
                .add(RawZip.deflated("c", new byte[0])).build());
        byte[] zip = contents().deflated("x.package", fakePackage(random, 100)).write();
        byte[] stub = "stub".getBytes(StandardCharsets.US_ASCII);
        byte[] stubbed = java.util.Arrays.copyOf(stub, stub.length + zip.length);
        System.arraycopy(zip, 0, stubbed, stub.length, zip.length);
        archives.add(stubbed);
        return archives;
    }
}
