package org.ts4kit.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.scan.ConflictFinder;

/** Package pairs from a collection's conflicts, against a brute-force count over every two packages' keys. */
class PackagePairsTest {
    private static final int[] TYPES = {ResourceTypes.SIM_DATA, 0x6017E896, ResourceTypes.CAS_PART, ResourceTypes.STRING_TABLE,
        ResourceTypes.DST_IMAGE, 0x3C1AF1F2, 0x12345678};

    /** One package's keys (type, instance) and each key's content id: equal ids mean equal bytes. */
    private record Pkg(String name, int[] types, long[] instances, int[] content) {
    }

    private static List<Pkg> collection(SplittableRandom rnd, int packages) {
        List<Pkg> out = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            int n = rnd.nextInt(0, 12);
            int[] types = new int[n];
            long[] instances = new long[n];
            int[] content = new int[n];
            for (int i = 0; i < n; i++) {
                types[i] = TYPES[rnd.nextInt(TYPES.length)];
                instances[i] = rnd.nextInt(20); // few instances: many keys shared
                content[i] = rnd.nextInt(3);
            }
            out.add(new Pkg(String.format("mod%02d_%s.package", p, rnd.nextBoolean() ? "v1" : "v2"), types, instances, content));
        }
        return out;
    }

    private static ConflictFinder finder(List<Pkg> packages) {
        ConflictFinder finder = new ConflictFinder();
        for (Pkg p : packages) {
            byte[] sha = new byte[32 * p.types.length];
            for (int i = 0; i < p.types.length; i++) {
                sha[32 * i] = (byte) p.content[i];
            }
            finder.add(p.name, p.types, new int[p.types.length], p.instances, sha);
        }
        return finder;
    }

    /**
     * The oracle: for two packages, every key both hold, differing when their contents differ, whatever a third
     * package holds under it.
     */
    private static PackagePair bruteForce(Pkg a, Pkg b, Map<String, Integer> keyCounts) {
        Map<Long, Integer> typeOf = new HashMap<>();
        for (Pkg p : List.of(a, b)) {
            for (int i = 0; i < p.types.length; i++) {
                typeOf.put((long) p.types[i] << 32 ^ p.instances[i], p.types[i]);
            }
        }
        long shared = 0;
        long[] bySeverity = new long[4];
        for (Map.Entry<Long, Integer> key : typeOf.entrySet()) {
            if (!holds(a, key.getKey()) || !holds(b, key.getKey())) {
                continue;
            }
            shared++;
            // what these two hold: each package's smallest content under the key (its smallest SHA-256)
            boolean same = smallestContent(a, key.getKey()) == smallestContent(b, key.getKey());
            bySeverity[Severity.of(key.getValue(), same).ordinal()]++;
        }
        if (shared == 0) {
            return null;
        }
        long high = bySeverity[3];
        long medium = bySeverity[2];
        long low = bySeverity[1];
        Severity s = high > 0 ? Severity.HIGH : medium > 0 ? Severity.MEDIUM : low > 0 ? Severity.LOW : Severity.NONE;
        return new PackagePair(a.name, b.name, shared, high + medium + low, s, high, medium, low,
                PackagePair.looksLikeVersions(a.name, b.name, shared, keyCounts.get(a.name), keyCounts.get(b.name)),
                ModNames.sameCreator(a.name, b.name));
    }

    private static int smallestContent(Pkg p, long key) {
        int smallest = Integer.MAX_VALUE;
        for (int i = 0; i < p.types.length; i++) {
            if (((long) p.types[i] << 32 ^ p.instances[i]) == key) {
                smallest = Math.min(smallest, p.content[i]);
            }
        }
        return smallest;
    }

    private static boolean holds(Pkg p, long key) {
        for (int i = 0; i < p.types.length; i++) {
            if (((long) p.types[i] << 32 ^ p.instances[i]) == key) {
                return true;
            }
        }
        return false;
    }

    @RepeatedTest(20)
    void everyPairAsABruteForceCountSaysInRankOrder() {
        SplittableRandom rnd = new SplittableRandom(System.nanoTime());
        List<Pkg> packages = collection(rnd, rnd.nextInt(2, 14));
        ConflictFinder finder = finder(packages);
        PackagePairs pairs = PackagePairs.of(finder.conflicts(), finder.keyCounts());

        List<PackagePair> expected = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            for (int j = i + 1; j < packages.size(); j++) {
                Pkg a = packages.get(i).name.compareTo(packages.get(j).name) < 0 ? packages.get(i) : packages.get(j);
                Pkg b = a == packages.get(i) ? packages.get(j) : packages.get(i);
                PackagePair p = bruteForce(a, b, finder.keyCounts());
                if (p != null) {
                    expected.add(p);
                }
            }
        }
        expected.sort(PackagePair.RANK);
        assertEquals(expected, pairs.ranked());
        assertEquals(0, pairs.widelySharedKeys());
    }

    @Test
    void twoIdenticalCopiesDoNotDifferBecauseAThirdPackageDoes() {
        List<Pkg> packages = List.of(new Pkg("a.package", new int[] {0x6017E896}, new long[] {1}, new int[] {1}),
                new Pkg("a_copy.package", new int[] {0x6017E896}, new long[] {1}, new int[] {1}),
                new Pkg("other.package", new int[] {0x6017E896}, new long[] {1}, new int[] {2}));
        ConflictFinder finder = finder(packages);
        assertFalse(finder.conflicts().get(0).identical(), "the key has two contents in the collection");
        List<PackagePair> ranked = PackagePairs.of(finder.conflicts(), finder.keyCounts()).ranked();
        assertEquals(List.of("a.package a_copy.package none", "a.package other.package high", "a_copy.package other.package high"),
                ranked.stream().map(p -> p.packageA() + " " + p.packageB() + " " + p.severity().label()).sorted().collect(
                        java.util.stream.Collectors.toList()));
    }

    @Test
    void aKeyInMoreThanMaxHoldersPackagesIsCountedNotPaired() {
        List<Pkg> packages = new ArrayList<>();
        for (int p = 0; p <= PackagePairs.MAX_HOLDERS; p++) {
            packages.add(new Pkg(String.format("p%03d.package", p), new int[] {0x6017E896}, new long[] {7}, new int[] {p}));
        }
        ConflictFinder finder = finder(packages);
        PackagePairs pairs = PackagePairs.of(finder.conflicts(), finder.keyCounts());
        assertEquals(List.of(), pairs.ranked());
        assertEquals(1, pairs.widelySharedKeys());
    }

    @Test
    void describeSaysWhatDiffersInWords() {
        PackagePair p = new PackagePair("A.package", "B.package", 40, 39, Severity.HIGH, 37, 2, 0, false, false);
        assertEquals("40 shared keys, 39 differ (37 high, 2 medium)", p.describe());
        PackagePair same = new PackagePair("x_v1.package", "x_v2.package", 3, 0, Severity.NONE, 0, 0, 0, true, true);
        assertEquals("3 shared keys, all identical; two versions of one mod", same.describe());
        assertTrue(same.identical());
        assertFalse(p.identical());
    }
}
