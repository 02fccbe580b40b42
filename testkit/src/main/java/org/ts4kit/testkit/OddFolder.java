package org.ts4kit.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/**
 * A mods folder with the odd things real ones hold, for checking that every lister counts the
 * same packages, archives and ignored files: hidden files and folders, {@code .ts4script},
 * upper-case extensions, a folder named like a package, names that only contain ".package",
 * a zip with a readme and a script beside its package, a zip holding two members of one name,
 * and (where the file system allows) a link to a package, a link to a folder, a broken link, a
 * link loop, a FIFO named like a package and a name with a backslash in it. The entries that are
 * no regular file are never opened by a lister and count as ignored.
 */
public final class OddFolder {
    /** What {@link #write} put there, counted as the shared rule should count it. */
    public static final class Expected {
        public int packages;
        public int archives;
        /** Packages inside the archives (not files of the folder). */
        public int archivedPackages;
        /**
         * Regular files that are neither packages nor zips, and entries that are no regular file (a
         * FIFO, a link to a folder, a broken link, a link loop); not the files inside archives.
         */
        public int ignored;
        /** Whether the symbolic links were made (not on file systems without them). */
        public boolean links;
        /** Whether {@code Mods/pipe.package} is a FIFO (where {@code mkfifo} exists). */
        public boolean fifo;
    }

    private OddFolder() {
    }

    public static Expected write(Path root) throws IOException {
        Expected e = new Expected();
        byte[] pkg = smallPackage();
        e.packages += file(root.resolve("Mods/Creator/mod.package"), pkg);
        e.packages += file(root.resolve("Mods/Creator/LOUD.PACKAGE"), pkg);
        e.packages += file(root.resolve("Mods/.hidden/hidden-folder.package"), pkg);
        e.packages += file(root.resolve("Mods/._mod.package"), pkg); // a macOS resource fork is judged by its name
        e.packages += file(root.resolve("Mods/Crème brûlée.Package"), pkg);
        e.packages += file(root.resolve("Mods/folder.package/inner.package"), pkg); // the folder itself is no file
        e.ignored += file(root.resolve("Mods/folder.package/readme.txt"), text("inside a folder named like a package"));
        e.ignored += file(root.resolve("Mods/.DS_Store"), new byte[] {0, 0, 0, 1});
        e.ignored += file(root.resolve("Mods/Thumbs.db"), new byte[] {1});
        e.ignored += file(root.resolve("Mods/Creator/script.ts4script"), text("PK not really"));
        e.ignored += file(root.resolve("Mods/Creator/mod.package.bak"), pkg);
        e.ignored += file(root.resolve("Mods/Creator/package"), pkg);
        e.ignored += file(root.resolve("Mods/Creator/old.zip.part"), text("half a download"));
        e.ignored += file(root.resolve("readme.TXT"), text("read me"));
        Files.createDirectories(root.resolve("Mods/Empty"));
        e.archives += file(root.resolve("Archives/Pack.ZIP"), zip(pkg));
        e.archivedPackages += 2;
        e.archives += file(root.resolve("Archives/Twice.zip"), new RawZip().add(RawZip.stored("x.package", pkg))
                .add(RawZip.stored("x.package", pkg)).build()); // two members, one name: two inputs all the same
        e.archivedPackages += 2;
        if (java.io.File.separatorChar == '/') {
            e.packages += file(root.resolve("Mods/Creator/back\\slash.package"), pkg); // one name, not a folder and a file
        }
        e.links = links(root, e);
        e.fifo = fifo(root.resolve("Mods/pipe.package"));
        e.ignored += e.fifo ? 1 : 0;
        return e;
    }

    /**
     * A link to a package (a package); a link to a folder (not followed), a broken link and a link
     * loop (ignored: not regular files).
     */
    private static boolean links(Path root, Expected e) throws IOException {
        try {
            Files.createSymbolicLink(root.resolve("Mods/linked.package"), root.resolve("Mods/Creator/mod.package").toAbsolutePath());
            Files.createSymbolicLink(root.resolve("Mods/LinkedFolder"), root.resolve("Mods/Creator").toAbsolutePath());
            Files.createSymbolicLink(root.resolve("Mods/gone.package"), root.resolve("Mods/no-such-file").toAbsolutePath());
            Files.createSymbolicLink(root.resolve("Mods/loop.package"), root.resolve("Mods/loop.package").toAbsolutePath());
        } catch (UnsupportedOperationException | IOException ex) {
            return false;
        }
        e.packages++;
        e.ignored += 3;
        return true;
    }

    /**
     * Makes a FIFO at {@code path} with {@code mkfifo}; false where there is none (tests then assume
     * it away). Opening a FIFO for reading blocks until something writes to it: what a lister must never do.
     */
    public static boolean fifo(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.exists(path);
        } catch (IOException ex) {
            return false; // no mkfifo
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int file(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return 1;
    }

    private static byte[] text(String s) {
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] smallPackage() throws IOException {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(ResourceKey.parse("0333406C:00000000:800000000000ABCD"), text("<?xml version=\"1.0\"?><I n=\"odd\"/>"),
                Compression.ZLIB);
        return w.toByteArray();
    }

    /** Two packages (one in a folder), a script, a readme and a folder entry. */
    private static byte[] zip(byte[] pkg) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            put(z, "Mods/", new byte[0]);
            put(z, "Mods/zipped.package", pkg);
            put(z, "other.PACKAGE", pkg);
            put(z, "script.ts4script", text("not really"));
            put(z, "readme.txt", text("read me"));
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }
}
