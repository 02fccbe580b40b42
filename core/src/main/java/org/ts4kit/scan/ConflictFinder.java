package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.ResourceKey;

/**
 * Finds keys held by two or more packages. Keys from all packages go into parallel primitive
 * arrays (a few dozen bytes per entry, no object per key); an index sort by (type, group,
 * instance), unsigned, brings equal keys together in the order their hex forms sort.
 */
final class ConflictFinder {
    private int size;
    private long[] typeGroup = new long[1024];
    private long[] instance = new long[1024];
    private int[] pkg = new int[1024];
    private int[] hashAt = new int[1024];
    private final List<byte[]> hashChunks = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Adds the live entries of an unbroken package. */
    void add(PackageScan scan) {
        int p = names.size();
        names.add(scan.input().name());
        hashChunks.add(scan.hashes()); // one chunk per package: chunk number == package number
        DbpfIndex idx = scan.index();
        for (int i = 0; i < idx.size(); i++) {
            if (idx.isDeleted(i)) {
                continue;
            }
            if (size == typeGroup.length) {
                grow();
            }
            typeGroup[size] = (long) idx.type(i) << 32 | (idx.group(i) & 0xFFFF_FFFFL);
            instance[size] = idx.instance(i);
            pkg[size] = p;
            hashAt[size] = i;
            size++;
        }
    }

    private void grow() {
        int n = typeGroup.length * 2;
        typeGroup = Arrays.copyOf(typeGroup, n);
        instance = Arrays.copyOf(instance, n);
        pkg = Arrays.copyOf(pkg, n);
        hashAt = Arrays.copyOf(hashAt, n);
    }

    List<Conflict> conflicts() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, typeGroup, instance);
        List<Conflict> out = new ArrayList<>();
        int i = 0;
        while (i < size) {
            int j = i + 1;
            while (j < size && typeGroup[order[j]] == typeGroup[order[i]] && instance[order[j]] == instance[order[i]]) {
                j++;
            }
            if (j - i > 1) {
                TreeSet<String> packages = new TreeSet<>();
                boolean identical = true;
                for (int m = i; m < j; m++) {
                    packages.add(names.get(pkg[order[m]]));
                    identical &= sameHash(order[i], order[m]);
                }
                if (packages.size() > 1) {
                    long tg = typeGroup[order[i]];
                    String key = ResourceKey.format((int) (tg >>> 32), (int) tg, instance[order[i]]);
                    out.add(new Conflict(key, List.copyOf(packages), identical, j - i));
                }
            }
            i = j;
        }
        return out;
    }

    private boolean sameHash(int a, int b) {
        byte[] ha = hashChunks.get(pkg[a]);
        byte[] hb = hashChunks.get(pkg[b]);
        return Arrays.equals(ha, hashAt[a] * 32, hashAt[a] * 32 + 32, hb, hashAt[b] * 32, hashAt[b] * 32 + 32);
    }
}
