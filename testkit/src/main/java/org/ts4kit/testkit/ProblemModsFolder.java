package org.ts4kit.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.resource.ResourceTypes;

/**
 * A Mods folder with one of each problem the doctor knows, planted on purpose, next to files that are
 * fine (a creator's two different hairs, a script one folder down, a readme). {@link #planted()} says
 * what a doctor must find: each once, with its check and file, and nothing else at high severity.
 *
 * <pre>{@code
 * List<ProblemModsFolder.Planted> planted = ProblemModsFolder.write(dir);
 * }</pre>
 */
public final class ProblemModsFolder {
    /** One planted problem: the doctor's check label, the file it must name, and its severity label. */
    public record Planted(String check, String path, String severity) {
    }

    private static final int TUNING = 0x6017E896; // buff tuning: overriding it changes game behaviour
    private static final int CAS_PART = ResourceTypes.CAS_PART;
    private static final int IMAGE = ResourceTypes.DST_IMAGE;

    private ProblemModsFolder() {
    }

    /** Writes the folder under {@code mods} (created) and returns what was planted. */
    public static List<Planted> write(Path mods) throws IOException {
        Files.createDirectories(mods);
        List<Planted> planted = new ArrayList<>();
        // fine: one creator's two different hairs (same name prefix, no shared key), a loose script, text files
        pkg(mods.resolve("Sorbets_Hair_01.package"), key(CAS_PART, 1), "hair one", key(IMAGE, 1), "hair one texture");
        pkg(mods.resolve("Sorbets_Hair_02.package"), key(CAS_PART, 2), "hair two", key(IMAGE, 2), "hair two texture");
        write(mods.resolve("Scripts/fine_mod.ts4script"), "PK script one folder down");
        write(mods.resolve("readme.txt"), "thanks for downloading");
        write(mods.resolve("Resource.cfg"), "Priority 500");

        // two versions of one mod: most keys shared, some tuning changed
        pkg(mods.resolve("BetterBuild_v1.2.package"), key(TUNING, 10), "build v1.2", key(TUNING, 11), "same",
                key(CAS_PART, 12), "same part", key(IMAGE, 13), "same image");
        pkg(mods.resolve("BetterBuild_v1.3.package"), key(TUNING, 10), "build v1.3", key(TUNING, 11), "same",
                key(CAS_PART, 12), "same part", key(IMAGE, 13), "same image", key(TUNING, 14), "new in 1.3");
        touch(mods.resolve("BetterBuild_v1.3.package"), 2_000_000_000_000L);
        touch(mods.resolve("BetterBuild_v1.2.package"), 1_000_000_000_000L);
        planted.add(new Planted("several-versions", "BetterBuild_v1.2.package", "high"));

        // two mods by different creators overriding the same tuning: a conflict pair at high severity
        pkg(mods.resolve("Gameplay/ModA_Careers.package"), key(TUNING, 20), "careers A", key(TUNING, 21), "careers A 2",
                key(IMAGE, 22), "icon A", key(TUNING, 23), "only A");
        pkg(mods.resolve("Overhauls/Zed_CareerOverhaul.package"), key(TUNING, 20), "careers Z", key(TUNING, 21), "careers Z 2",
                key(IMAGE, 22), "icon Z", key(CAS_PART, 24), "only Z");
        planted.add(new Planted("conflict", "Gameplay/ModA_Careers.package", "high"));

        // a byte-identical copy of a package
        pkg(mods.resolve("Poses/PosePack.package"), key(0x6B20C4F3, 30), "clip", key(IMAGE, 31), "pose icon");
        Files.createDirectories(mods.resolve("Old"));
        Files.copy(mods.resolve("Poses/PosePack.package"), mods.resolve("Old/PosePack.package"));
        planted.add(new Planted("duplicate-files", "Old/PosePack.package", "low"));

        // nested too deep: a package six folders down, a script two
        pkg(mods.resolve("a/b/c/d/e/f/DeepChair.package"), key(0xC0DB5AE7, 40), "deep chair");
        planted.add(new Planted("too-deep", "a/b/c/d/e/f/DeepChair.package", "medium"));
        write(mods.resolve("Scripts/Nested/deep_mod.ts4script"), "PK script two folders down");
        planted.add(new Planted("too-deep", "Scripts/Nested/deep_mod.ts4script", "medium"));

        // archives never extracted
        zip(mods.resolve("NewDownload.zip"), "NewDownload/Thing.package", packageBytes(key(CAS_PART, 50), "zipped"));
        planted.add(new Planted("unextracted-archive", "NewDownload.zip", "medium"));
        write(mods.resolve("Furniture.rar"), "Rar!\u001a\u0007\u0000 not extracted");
        planted.add(new Planted("unextracted-archive", "Furniture.rar", "medium"));

        // packages of other games: The Sims 3 (DBPF 2.0, which reads), The Sims 2 (DBPF 1.1, which does not)
        byte[] sims3 = packageBytes(key(CAS_PART, 60), "sims 3 hair");
        sims3[8] = 0; // minor version 0
        Files.write(mods.resolve("Sims3_Hair.package"), sims3);
        planted.add(new Planted("other-game", "Sims3_Hair.package", "high"));
        byte[] sims2 = packageBytes(key(CAS_PART, 61), "sims 2 sofa");
        sims2[4] = 1; // major 1, minor 1
        Files.write(mods.resolve("Sims2_Sofa.package"), sims2);
        planted.add(new Planted("other-game", "Sims2_Sofa.package", "high"));

        // an empty package, a truncated one
        pkg(mods.resolve("Empty.package"));
        planted.add(new Planted("empty-package", "Empty.package", "low"));
        byte[] whole = packageBytes(key(TUNING, 70), "cut short", key(TUNING, 71), "gone");
        Files.write(mods.resolve("Broken.package"), java.util.Arrays.copyOf(whole, whole.length - 40));
        planted.add(new Planted("broken-package", "Broken.package", "high"));

        // junk: a __MACOSX folder (one finding for the folder), a folder cache
        write(mods.resolve("__MACOSX/._BetterBuild_v1.2.package"), "\u0000\u0005\u0016\u0007 AppleDouble");
        write(mods.resolve("__MACOSX/Gameplay/._ModA_Careers.package"), "\u0000\u0005\u0016\u0007 AppleDouble");
        planted.add(new Planted("junk", "__MACOSX/._BetterBuild_v1.2.package", "medium"));
        write(mods.resolve("Poses/.DS_Store"), "Bud1 folder cache");
        planted.add(new Planted("junk", "Poses/.DS_Store", "low"));
        return planted;
    }

    private static ResourceKey key(int type, long instance) {
        return ResourceKey.of(type, 0, 0x1234_0000_0000L + instance);
    }

    /** Keys and texts alternating: each text is the resource's bytes. */
    private static byte[] packageBytes(Object... keysAndTexts) throws IOException {
        try (DbpfWriter w = DbpfWriter.inMemory()) {
            for (int i = 0; i < keysAndTexts.length; i += 2) {
                byte[] data = ((String) keysAndTexts[i + 1]).getBytes(StandardCharsets.UTF_8);
                w.add((ResourceKey) keysAndTexts[i], data, i % 4 == 0 ? Compression.ZLIB : Compression.NONE);
            }
            return w.toByteArray();
        }
    }

    private static void pkg(Path file, Object... keysAndTexts) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, packageBytes(keysAndTexts));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }

    private static void touch(Path file, long millis) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
    }

    private static void zip(Path file, String member, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(member));
            z.write(bytes);
            z.closeEntry();
        }
    }
}
