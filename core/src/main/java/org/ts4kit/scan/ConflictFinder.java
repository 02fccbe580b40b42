package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.memory.Slab;
import org.ts4kit.simd.IndexKernels;

/**
 * Finds keys held by two or more packages. Each live key is a fixed-size record in a {@link Slab}
 * (32 bytes, no object per key; the slab grows by pages, without the copy peak of a doubling
 * array, which matters at millions of keys). Records are grouped as they arrive: the package's key
 * hashes come from the SIMD kernel in bulk ({@link DbpfIndex#keyHashes}), an open-addressing table
 * holds the first record of each distinct key, and later records with the same key are chained to
 * it. Only the keys held more than once are sorted at the end (unsigned type, group, instance: the
 * order their hex forms sort in), so the cost is linear in keys plus the sort of the conflicts.
 *
 * <pre>{@code
 * ConflictFinder finder = new ConflictFinder();
 * finder.add(scanned);                                        // a walked, unbroken package
 * finder.add("Old/x.package", types, groups, instances, sha); // or its decoded keys as a saved index keeps them
 * List<Conflict> conflicts = finder.conflicts();
 * }</pre>
 */
public final class ConflictFinder {
    /** Record fields: type and group in one long, the instance, package number and entry, next in chain. */
    private static final int TYPE_GROUP = 0;
    private static final int INSTANCE = 1;
    private static final int WHERE = 2;
    private static final int NEXT = 3;

    private final Slab keys = new Slab(4);
    private final List<byte[]> hashChunks = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Keys added per package (by name; a name added twice sums), for telling versions of one mod apart. */
    private final Map<String, Integer> keyCounts = new HashMap<>();
    /** Record handle + 1 of the first record of each distinct key; 0 = empty slot. */
    private int[] table = new int[1 << 10];
    private int distinct;
    private long[] keyHashes = new long[0];

    public ConflictFinder() {
    }

    /**
     * Adds a package by its decoded keys: {@code types[i]}, {@code groups[i]}, {@code instances[i]} with
     * the SHA-256 of its decompressed bytes at {@code sha256[32 * i]}. The arrays are kept, not copied.
     */
    public void add(String packageName, int[] types, int[] groups, long[] instances, byte[] sha256) {
        int n = types.length;
        if (groups.length != n || instances.length != n || sha256.length != 32L * n) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        int p = names.size();
        names.add(packageName);
        hashChunks.add(sha256);
        keyCounts.merge(packageName, n, Integer::sum);
        if (n == 0) {
            return;
        }
        int r = keys.allocate(n);
        for (int i = 0; i < n; i++, r++) {
            keys.set(r, TYPE_GROUP, (long) types[i] << 32 | (groups[i] & 0xFFFF_FFFFL));
            keys.set(r, INSTANCE, instances[i]);
            keys.set(r, WHERE, (long) p << 32 | i);
            keys.set(r, NEXT, 0);
            insert(r, IndexKernels.keyHash(types[i], groups[i], instances[i]));
        }
    }

    /**
     * Adds the decoded entries of an unbroken package: every live entry, or those of the types the
     * scan was narrowed to. Not thread-safe: one thread adds.
     */
    public void add(ScannedPackage scan) {
        int p = names.size();
        names.add(scan.input().name());
        hashChunks.add(scan.hashes()); // one chunk per package: chunk number == package number
        DbpfIndex idx = scan.index();
        int live = 0;
        for (int i = 0; i < idx.size(); i++) {
            live += scan.decoded(i) ? 1 : 0;
        }
        keyCounts.merge(scan.input().name(), live, Integer::sum);
        if (live == 0) {
            return;
        }
        if (keyHashes.length < idx.size()) {
            keyHashes = new long[idx.size()];
        }
        idx.keyHashes(keyHashes);
        int r = keys.allocate(live); // one run per package
        for (int i = 0; i < idx.size(); i++) {
            if (!scan.decoded(i)) {
                continue;
            }
            keys.set(r, TYPE_GROUP, (long) idx.type(i) << 32 | (idx.group(i) & 0xFFFF_FFFFL));
            keys.set(r, INSTANCE, idx.instance(i));
            keys.set(r, WHERE, (long) p << 32 | i);
            keys.set(r, NEXT, 0);
            insert(r, keyHashes[i]);
            r++;
        }
    }

    /** How many keys each package added holds (its live entries, or those of the scanned types), by name. */
    public Map<String, Integer> keyCounts() {
        return Collections.unmodifiableMap(keyCounts);
    }

    /** Makes {@code record} the head of a new key, or chains it behind the head of its key. */
    private void insert(int record, long hash) {
        if ((distinct + 1) * 2L > table.length) {
            grow();
        }
        int mask = table.length - 1;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            int head = table[slot] - 1;
            if (head < 0) {
                table[slot] = record + 1;
                distinct++;
                return;
            }
            if (sameKey(head, record)) {
                keys.set(record, NEXT, keys.get(head, NEXT));
                keys.set(head, NEXT, record + 1L);
                return;
            }
        }
    }

    private void grow() {
        int[] old = table;
        table = new int[old.length * 2];
        int mask = table.length - 1;
        for (int handle : old) {
            if (handle == 0) {
                continue;
            }
            long tg = keys.get(handle - 1, TYPE_GROUP);
            long hash = IndexKernels.keyHash((int) (tg >>> 32), (int) tg, keys.get(handle - 1, INSTANCE));
            int slot = (int) hash & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = handle;
        }
    }

    /** Keys held by two or more packages, sorted by key (unsigned type, group, instance). */
    public List<Conflict> conflicts() {
        int[] shared = new int[distinct];
        int n = 0;
        for (int handle : table) {
            if (handle != 0 && keys.get(handle - 1, NEXT) != 0) {
                shared[n++] = handle - 1;
            }
        }
        int[] order = Arrays.copyOf(shared, n);
        IndexSort.sort(order, keys, TYPE_GROUP, INSTANCE);
        List<Conflict> out = new ArrayList<>();
        for (int head : order) {
            // each package's copy: its smallest hash when it holds the key twice (the job's min(hash) too)
            TreeMap<String, Integer> copyOf = new TreeMap<>();
            boolean identical = true;
            int copies = 0;
            for (long r = head + 1L; r != 0; r = keys.get((int) r - 1, NEXT)) {
                int record = (int) r - 1;
                copyOf.merge(names.get(pkg(record)), record, (a, b) -> compareHashes(a, b) <= 0 ? a : b);
                identical &= sameHash(head, record);
                copies++;
            }
            if (copyOf.size() > 1) {
                long tg = keys.get(head, TYPE_GROUP);
                String key = ResourceKey.format((int) (tg >>> 32), (int) tg, keys.get(head, INSTANCE));
                out.add(new Conflict(key, (int) (tg >>> 32), List.copyOf(copyOf.keySet()), contents(copyOf), identical, copies));
            }
        }
        return out;
    }

    /** For each package (in name order) a number for its copy's bytes: equal numbers, equal bytes. */
    private int[] contents(TreeMap<String, Integer> copyOf) {
        int[] ids = new int[copyOf.size()];
        int[] firstOfId = new int[copyOf.size()];
        int distinct = 0;
        int i = 0;
        for (int record : copyOf.values()) {
            int id = 0;
            while (id < distinct && compareHashes(firstOfId[id], record) != 0) {
                id++;
            }
            if (id == distinct) {
                firstOfId[distinct++] = record;
            }
            ids[i++] = id;
        }
        return ids;
    }

    private int compareHashes(int a, int b) {
        int at = entry(a) * 32;
        int bt = entry(b) * 32;
        return Arrays.compareUnsigned(hashChunks.get(pkg(a)), at, at + 32, hashChunks.get(pkg(b)), bt, bt + 32);
    }

    private boolean sameKey(int a, int b) {
        return keys.get(a, TYPE_GROUP) == keys.get(b, TYPE_GROUP) && keys.get(a, INSTANCE) == keys.get(b, INSTANCE);
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
