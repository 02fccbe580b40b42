package org.ts4kit.testkit.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/**
 * Fills one package the way a mod looks: a name map (tuning, images, CAS parts), tuning XML with
 * SimData companions, string tables in several locales, images, CAS parts with JPEG thumbnails, now and then a deleted entry, plus the shared
 * resources the corpus plants across packages. Compression is mostly zlib, some none, some RefPack.
 */
final class PackageBuilder {
    private final SplittableRandom rnd;
    private final DbpfWriter out;
    // what the name map will say: every tuning file (also named by its n=) and, as S4S writes
    // them, the images and CAS parts (named nowhere else)
    private final List<Long> namedInstances = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    PackageBuilder(SplittableRandom rnd, DbpfWriter out) {
        this.rnd = rnd;
        this.out = out;
    }

    /** Writes a mod of about {@code resources} entries; {@code needRefPack} forces at least one RefPack entry. */
    void buildMod(String modName, int resources, boolean needRefPack, SharedResources shared, int[] sharedPicks)
            throws IOException {
        long base = 0x8000_0000_0000_0000L | (rnd.nextLong() & 0x7FFF_FFFF_FFFF_0000L);
        int tunings = Math.max(1, resources / 4);
        for (int t = 0; t < tunings; t++) {
            long instance = base + t;
            String name = modName + "_" + t;
            named(instance, name);
            int type = ResourceFactory.TUNING_TYPES[rnd.nextInt(ResourceFactory.TUNING_TYPES.length)];
            byte[] xml = TuningXml.generate(rnd, name, instance, 400 + rnd.nextInt(rnd.nextInt(8) == 0 ? 30_000 : 4_000));
            // the RefPack entry a CORRUPT_REFPACK package needs is the second tuning, or the first when it has one only
            boolean refPack = needRefPack && (t == 1 || tunings == 1);
            int compression = refPack ? Compression.REFPACK : t == 0 ? Compression.ZLIB : pickCompression();
            out.add(new ResourceKey(type, 0, instance), xml, compression);
            if (rnd.nextInt(3) == 0) {
                out.add(new ResourceKey(ResourceFactory.SIMDATA, rnd.nextInt(0x00FF_FFFF), instance),
                        ResourceFactory.simData(rnd, 200 + rnd.nextInt(2000)), pickCompression());
            }
        }
        int remaining = Math.max(0, resources - out.entryCount() - 2);
        for (int r = 0; r < remaining; r++) {
            addOther(base + 0x1000 + r, modName);
        }
        int locales = 1 + rnd.nextInt(4);
        long stblInstance = (base & 0x00FF_FFFF_FFFF_FFFFL) ^ 0x0021_0000_0000_0000L;
        int strings = 2 + rnd.nextInt(40);
        for (int l = 0; l < locales; l++) {
            long instance = ((long) l << 56) | (stblInstance & 0x00FF_FFFF_FFFF_FFFFL);
            out.add(new ResourceKey(ResourceFactory.STBL, 0x8000_0000, instance),
                    ResourceFactory.stringTable(rnd, strings), pickCompression());
        }
        for (int pick : sharedPicks) {
            shared.write(out, pick >>> 8, pick & 0xFF, pickCompression());
        }
        if (rnd.nextInt(12) == 0) {
            out.addDeleted(new ResourceKey(ResourceFactory.SIMDATA, 0, base + 0x7777));
        }
        long[] instances = namedInstances.stream().mapToLong(Long::longValue).toArray();
        out.add(new ResourceKey(ResourceFactory.NAME_MAP, 0, rnd.nextInt(4) == 0 ? 0 : base),
                ResourceFactory.nameMap(instances, names.toArray(new String[0]), instances.length),
                rnd.nextBoolean() ? Compression.NONE : Compression.ZLIB);
    }

    private void named(long instance, String name) {
        namedInstances.add(instance);
        names.add(name);
    }

    private void addOther(long instance, String modName) throws IOException {
        int kind = rnd.nextInt(10);
        if (kind < 3) {
            int side = 32 << rnd.nextInt(4);
            out.add(new ResourceKey(ResourceFactory.DST_IMAGE, 0, instance), ResourceFactory.dstImage(rnd, side, side), pickCompression());
            named(instance, modName + "_texture_" + Long.toHexString(instance & 0xFFFF));
        } else if (kind < 4) {
            int w = 64 << rnd.nextInt(3);
            out.add(new ResourceKey(ResourceFactory.PNG_IMAGE, 0, instance), ResourceFactory.pngImage(rnd, w, w / 2),
                    Compression.NONE);
            named(instance, modName + "_icon_" + Long.toHexString(instance & 0xFFFF));
        } else if (kind < 5) {
            int side = 32 << rnd.nextInt(3);
            out.add(new ResourceKey(ResourceFactory.RLE2_IMAGE, 0, instance), ResourceFactory.rle2Image(rnd, side, side), pickCompression());
        } else if (kind < 8) {
            out.add(new ResourceKey(ResourceFactory.CAS_PART, 0, instance), ResourceFactory.casPart(rnd, 300 + rnd.nextInt(3000)), pickCompression());
            named(instance, modName + "_caspart_" + Long.toHexString(instance & 0xFFFF));
            if (kind == 7) { // its thumbnail: a JPEG under the same instance
                out.add(new ResourceKey(ResourceFactory.CAS_THUMBNAIL, 1, instance), ResourceFactory.jpegImage(rnd, 104, 148),
                        Compression.NONE);
            }
        } else {
            out.add(new ResourceKey(ResourceFactory.OBJECT_DEFINITION, 0, instance), ResourceFactory.casPart(rnd, 200 + rnd.nextInt(600)), pickCompression());
        }
    }

    /** Real mods: zlib for almost everything, none for the rest, RefPack from some tools. */
    int pickCompression() {
        int r = rnd.nextInt(20);
        return r < 14 ? Compression.ZLIB : r < 18 ? Compression.NONE : Compression.REFPACK;
    }
}
