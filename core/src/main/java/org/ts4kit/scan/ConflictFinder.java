package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.memory.Slab;

/**
 * Finds keys held by two or more packages. The live keys of all packages are fixed-size records in
 * a {@link Slab} (24 bytes per entry, no object per key; it grows by pages, without the copy peak
 * of a doubling array, which matters at millions of keys); an index sort by (type, group,
 * instance), unsigned, brings equal keys together in the order their hex forms sort.
 */
final class ConflictFinder {
    /** Record fields: type and group in one long, the instance, and package number and entry position. */
    private static final int TYPE_GROUP = 0;
    private static final int INSTANCE = 1;
    private static final int WHERE = 2;

    private final Slab keys = new Slab(3);
    private final List<byte[]> hashChunks = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Adds the live entries of an unbroken package. */
    void add(PackageScan scan) {
        int p = names.size();
        names.add(scan.input().name());
        hashChunks.add(scan.hashes()); // one chunk per package: chunk number == package number
        DbpfIndex idx = scan.index();
        int live = idx.liveCount();
        if (live == 0) {
            return;
        }
        int r = keys.allocate(live); // one run per package: handles stay in package and index order
        for (int i = 0; i < idx.size(); i++) {
            if (idx.isDeleted(i)) {
                continue;
            }
            keys.set(r, TYPE_GROUP, (long) idx.type(i) << 32 | (idx.group(i) & 0xFFFF_FFFFL));
            keys.set(r, INSTANCE, idx.instance(i));
            keys.set(r, WHERE, (long) p << 32 | i);
            r++;
        }
    }

    List<Conflict> conflicts() {
        int size = keys.size();
        int[] order = new int[size]; // handles are 0..size-1: records are never freed here
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, keys, TYPE_GROUP, INSTANCE);
        List<Conflict> out = new ArrayList<>();
        int i = 0;
        while (i < size) {
            int j = i + 1;
            while (j < size && keys.get(order[j], TYPE_GROUP) == keys.get(order[i], TYPE_GROUP)
                    && keys.get(order[j], INSTANCE) == keys.get(order[i], INSTANCE)) {
                j++;
            }
            if (j - i > 1) {
                TreeSet<String> packages = new TreeSet<>();
                boolean identical = true;
                for (int m = i; m < j; m++) {
                    packages.add(names.get(pkg(order[m])));
                    identical &= sameHash(order[i], order[m]);
                }
                if (packages.size() > 1) {
                    long tg = keys.get(order[i], TYPE_GROUP);
                    String key = ResourceKey.format((int) (tg >>> 32), (int) tg, keys.get(order[i], INSTANCE));
                    out.add(new Conflict(key, List.copyOf(packages), identical, j - i));
                }
            }
            i = j;
        }
        return out;
    }

    private int pkg(int record) {
        return (int) (keys.get(record, WHERE) >>> 32);
    }

    private int entry(int record) {
        return (int) keys.get(record, WHERE);
    }

    private boolean sameHash(int a, int b) {
        byte[] ha = hashChunks.get(pkg(a));
        byte[] hb = hashChunks.get(pkg(b));
        int at = entry(a) * 32;
        int bt = entry(b) * 32;
        return Arrays.equals(ha, at, at + 32, hb, bt, bt + 32);
    }
}
