package org.ts4kit.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.hash.Sha256;
import org.ts4kit.memory.ResourceBuffer;

/**
 * Everything a collection scan needs from one package, computed in one pass: every live entry's
 * key and the SHA-256 of its decompressed bytes, or the problems that make the package broken.
 * A package is broken when its header or index cannot be read or any live entry cannot be decoded
 * to its declared size; a broken package keeps its problems and no keys.
 *
 * <p>This is the per-file unit that local scans and the Spark job share.
 */
public final class PackageScan {
    private final PackageInput input;
    private final List<Problem> problems;
    private final int entries;
    private final int live;
    private final int[] types;
    private final int[] groups;
    private final long[] instances;
    private final byte[] hashes;

    private PackageScan(PackageInput input, List<Problem> problems, int entries, int live, int[] types, int[] groups,
                        long[] instances, byte[] hashes) {
        this.input = input;
        this.problems = problems;
        this.entries = entries;
        this.live = live;
        this.types = types;
        this.groups = groups;
        this.instances = instances;
        this.hashes = hashes;
    }

    /** Opens, reads and hashes {@code input}; never throws for bad input. {@code buffer} is reused scratch. */
    public static PackageScan scan(PackageInput input, ResourceBuffer buffer) {
        try (DbpfPackage pkg = input.open()) {
            DbpfIndex idx = pkg.index();
            int live = idx.liveCount();
            int[] types = new int[live];
            int[] groups = new int[live];
            long[] instances = new long[live];
            byte[] hashes = new byte[live * 32];
            List<Problem> problems = new ArrayList<>(0);
            int k = 0;
            for (int i = 0; i < idx.size(); i++) {
                if (idx.isDeleted(i)) {
                    continue;
                }
                try {
                    ByteBuffer bytes = pkg.read(i, buffer);
                    System.arraycopy(Sha256.digest(bytes), 0, hashes, k * 32, 32);
                } catch (DbpfFormatException e) {
                    problems.add(Problem.of(input.location(), e));
                }
                types[k] = idx.type(i);
                groups[k] = idx.group(i);
                instances[k] = idx.instance(i);
                k++;
            }
            if (!problems.isEmpty()) {
                return broken(input, problems, idx.size(), live);
            }
            return new PackageScan(input, Collections.emptyList(), idx.size(), live, types, groups, instances, hashes);
        } catch (IOException | RuntimeException e) {
            // a RuntimeException here is a reader bug; the input still gets a precise line, not a lost run
            return broken(input, List.of(Problem.of(input.location(), e)), 0, 0);
        }
    }

    private static PackageScan broken(PackageInput input, List<Problem> problems, int entries, int live) {
        return new PackageScan(input, List.copyOf(problems), entries, live, new int[0], new int[0], new long[0], new byte[0]);
    }

    public PackageInput input() {
        return input;
    }

    public boolean isBroken() {
        return !problems.isEmpty();
    }

    public List<Problem> problems() {
        return problems;
    }

    public int entryCount() {
        return entries;
    }

    public int liveCount() {
        return live;
    }

    /** Keys held (live entries of an unbroken package). */
    public int keyCount() {
        return types.length;
    }

    public int type(int k) {
        return types[k];
    }

    public int group(int k) {
        return groups[k];
    }

    public long instance(int k) {
        return instances[k];
    }

    /** The SHA-256 of key {@code k}'s decompressed bytes: 32 bytes at {@code k * 32} of {@link #hashes()}. */
    public byte[] hashes() {
        return hashes;
    }
}
