package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.PackageNames;

/**
 * {@link NameMap#decode} on any bytes, from an array, a slice of a larger array and a direct buffer:
 * all three must give the same map or the same well-formed {@link DbpfFormatException}. A map that
 * decodes must find each instance's first entry, and {@link PackageNames} must name by it.
 */
class NameMapFuzzTest {
    private static final String NAME = "fuzz.namemap";

    @FuzzTest(maxDuration = "2m")
    void decode(byte[] data) {
        String whole = Inputs.outcome(NAME, data.length, () -> NameMap.decode(NAME, data),
                NameMapFuzzTest::describe);
        byte[] padded = Inputs.padded(data);
        String slice = Inputs.outcome(NAME, data.length, () -> NameMap.decode(NAME, padded, Inputs.PAD, data.length),
                NameMapFuzzTest::describe);
        String direct = Inputs.outcome(NAME, data.length, () -> NameMap.decode(NAME, Inputs.direct(data)),
                NameMapFuzzTest::describe);
        Inputs.same(whole, slice, direct);
    }

    /** The package harness's check of a decoded name-map resource. */
    static void check(String name, ByteBuffer bytes) {
        Inputs.outcome(name, bytes.remaining(), () -> NameMap.decode(name, bytes), NameMapFuzzTest::describe);
    }

    private static String describe(NameMap map) {
        PackageNames names = PackageNames.of(map);
        StringBuilder out = new StringBuilder("count ").append(map.count());
        for (int i = 0; i < map.count(); i++) {
            long instance = map.instance(i);
            int first = map.find(instance);
            if (first < 0 || first > i || map.instance(first) != instance) {
                throw new AssertionError("find(" + Long.toHexString(instance) + ") = " + first + ", entry " + i + " has it");
            }
            for (int j = 0; j < first; j++) {
                if (map.instance(j) == instance) {
                    throw new AssertionError("find(" + Long.toHexString(instance) + ") = " + first + ", not the first: " + j);
                }
            }
            String name = map.name(i);
            String named = names.nameOf(instance);
            String own = map.name(first);
            if (!java.util.Objects.equals(own.isEmpty() ? null : own, named)) {
                throw new AssertionError("PackageNames says " + named + " for " + Long.toHexString(instance) + ", its map '" + own + "'");
            }
            out.append('\n').append(Long.toHexString(instance)).append(' ').append(name);
        }
        return out.toString();
    }
}
