package org.ts4kit.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/** Random packages for property tests: what was written, so a test can compare what is read. */
public final class RandomPackages {
    public static final class Written {
        public final List<ResourceKey> keys = new ArrayList<>();
        public final List<byte[]> data = new ArrayList<>(); // null for deleted entries
        public final List<Integer> compressions = new ArrayList<>();
        public byte[] bytes;
    }

    private RandomPackages() {
    }

    /**
     * {@code shape} picks which fields are shared by every entry (bit 0 type, bit 1 group, bit 2
     * instance high) so every index flag variant is exercised.
     */
    public static Written generate(SplittableRandom rnd, int entries, int shape) throws IOException {
        Written w = new Written();
        DbpfWriter out = DbpfWriter.inMemory();
        int type = rnd.nextInt();
        int group = rnd.nextInt();
        int high = rnd.nextInt();
        for (int i = 0; i < entries; i++) {
            int t = (shape & 1) != 0 ? type : rnd.nextInt(4) == 0 ? type : rnd.nextInt();
            int g = (shape & 2) != 0 ? group : rnd.nextInt();
            long inst = ((long) ((shape & 4) != 0 ? high : rnd.nextInt()) << 32) | (i & 0xFFFF_FFFFL);
            ResourceKey key = new ResourceKey(t, g, inst);
            if (rnd.nextInt(10) == 0) {
                out.addDeleted(key);
                w.keys.add(key);
                w.data.add(null);
                w.compressions.add(Compression.DELETED);
                continue;
            }
            byte[] data = content(rnd);
            int c = new int[] {Compression.NONE, Compression.ZLIB, Compression.REFPACK}[rnd.nextInt(3)];
            out.add(key, data, c);
            w.keys.add(key);
            w.data.add(data);
            w.compressions.add(c);
        }
        w.bytes = out.toByteArray();
        return w;
    }

    /** Empty, tiny, random, or repetitive text: what compressors find easy and hard. */
    public static byte[] content(SplittableRandom rnd) {
        int kind = rnd.nextInt(4);
        int len = kind == 0 ? rnd.nextInt(4) : rnd.nextInt(kind == 3 ? 20_000 : 3_000);
        byte[] b = new byte[len];
        if (kind == 1) {
            rnd.nextBytes(b);
        } else {
            String words = "<T n=\"value\">12</T> <L n=\"loot\"> buff trait mood ";
            for (int i = 0; i < len; i++) {
                b[i] = (byte) words.charAt((i + rnd.nextInt(3) / 2) % words.length());
            }
        }
        return b;
    }
}
