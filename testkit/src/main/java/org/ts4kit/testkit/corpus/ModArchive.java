package org.ts4kit.testkit.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@code .zip} mod archive as people share them: packages stored or deflated (alternating), a
 * {@code .ts4script} (itself a zip of Python bytecode) and a readme. Entry times are fixed so the
 * archive is byte-for-byte reproducible.
 */
final class ModArchive implements Closeable {
    private static final long FIXED_TIME = 1_700_000_000_000L;
    private final Path path;
    private final ZipOutputStream zip;
    private int added;

    ModArchive(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path.getParent());
        OutputStream out = Files.newOutputStream(path);
        this.zip = new ZipOutputStream(out);
        put("readme.txt", "Unzip into your Mods folder.\r\n".getBytes(StandardCharsets.UTF_8), false);
    }

    Path path() {
        return path;
    }

    /** Adds a package; returns true when it was stored, false when deflated. */
    boolean add(String name, byte[] bytes) throws IOException {
        boolean stored = added++ % 2 == 0;
        put(name, bytes, stored);
        return stored;
    }

    private void put(String name, byte[] bytes, boolean stored) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(FIXED_TIME);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            e.setCompressedSize(bytes.length);
            e.setCrc(crc.getValue());
        } else {
            e.setMethod(ZipEntry.DEFLATED);
        }
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        java.io.ByteArrayOutputStream script = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream inner = new ZipOutputStream(script)) {
            ZipEntry e = new ZipEntry("mod_main.pyc");
            e.setTime(FIXED_TIME);
            inner.putNextEntry(e);
            inner.write(new byte[] {0x55, 0x0D, 0x0D, 0x0A, 0, 0, 0, 0, 'p', 'y', 'c'});
            inner.closeEntry();
        }
        put("mod_scripts.ts4script", script.toByteArray(), false);
        zip.close();
    }
}
