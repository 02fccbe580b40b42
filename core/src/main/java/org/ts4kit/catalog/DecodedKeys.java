package org.ts4kit.catalog;

import org.ts4kit.scan.ConflictFinder;
import org.ts4kit.scan.ScannedPackage;

/**
 * The key and SHA-256 of each entry of a package that decoded, in index order: what {@link ConflictFinder}
 * needs from a package, kept so that an unchanged package is never decoded twice. Columns, not objects.
 */
public final class DecodedKeys {
    static final DecodedKeys NONE = new DecodedKeys(new int[0], new int[0], new long[0], new byte[0]);

    final int[] types;
    final int[] groups;
    final long[] instances;
    final byte[] sha256;

    DecodedKeys(int[] types, int[] groups, long[] instances, byte[] sha256) {
        this.types = types;
        this.groups = groups;
        this.instances = instances;
        this.sha256 = sha256;
    }

    /** The decoded entries of a walked package. */
    static DecodedKeys of(ScannedPackage pkg) {
        if (pkg.index() == null) {
            return NONE;
        }
        int n = 0;
        for (int i = 0; i < pkg.entryCount(); i++) {
            n += pkg.decoded(i) ? 1 : 0;
        }
        DecodedKeys k = new DecodedKeys(new int[n], new int[n], new long[n], new byte[32 * n]);
        int j = 0;
        for (int i = 0; i < pkg.entryCount(); i++) {
            if (pkg.decoded(i)) {
                k.types[j] = pkg.index().type(i);
                k.groups[j] = pkg.index().group(i);
                k.instances[j] = pkg.index().instance(i);
                System.arraycopy(pkg.hashes(), 32 * i, k.sha256, 32 * j, 32);
                j++;
            }
        }
        return k;
    }

    public int size() {
        return types.length;
    }

    /** Adds these keys to {@code finder} under {@code packageName}. */
    public void addTo(ConflictFinder finder, String packageName) {
        finder.add(packageName, types, groups, instances, sha256);
    }
}
