package org.ts4kit.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.StringTable;

/**
 * The package read path on arbitrary bytes: open, walk every index column, look every key up, load
 * the name maps, and decode every entry, then the string tables, name maps and details in what
 * decoded. The only exception allowed is {@link DbpfFormatException}, well formed ({@link Refusals}).
 * Shared by {@link PackageReadFuzzTest} (which also compares buffer and windowed sources),
 * {@link PackageScanFuzzTest} (the scanner's oracle) and {@link RealSampleHarnessTest}.
 */
final class PackageHarness {
    /** Windows of 32 bytes: every index record and most resources straddle one. */
    static final int WINDOW_SHIFT = 5;

    private PackageHarness() {
    }

    /**
     * What reading a package came to: the open's refusal, or one line per index entry: {@code sha256:HEX}
     * for decoded bytes, {@code deleted}, or the refusal's message.
     */
    record Outcome(String openError, List<String> entries) {
        static final String DECODED = "sha256:";

        boolean decoded(int i) {
            return entries.get(i).startsWith(DECODED);
        }

        String sha256(int i) {
            return entries.get(i).substring(DECODED.length());
        }
    }

    /** Reads {@code data} from one buffer and from 32-byte windows; both must come to the same. */
    static Outcome check(String name, byte[] data) {
        Outcome whole = read(name, data, ByteSources.wrap(name, ByteBuffer.wrap(data)));
        Outcome windowed = read(name, data, windowed(name, data));
        if (!whole.equals(windowed)) {
            throw new AssertionError("one buffer and " + (1 << WINDOW_SHIFT) + "-byte windows read differently:\n  " + whole
                    + "\n  " + windowed);
        }
        return whole;
    }

    static ByteSource windowed(String name, byte[] data) {
        int size = 1 << WINDOW_SHIFT;
        ByteBuffer[] windows = new ByteBuffer[Math.max(1, (data.length + size - 1) / size)];
        for (int w = 0; w < windows.length; w++) {
            int from = w * size;
            windows[w] = ByteBuffer.wrap(data, from, Math.min(size, data.length - from)).slice();
        }
        return ByteSources.wrap(name, windows, WINDOW_SHIFT);
    }

    /** Opens {@code source} (the bytes of {@code data}) and reads everything; the package is closed after. */
    static Outcome read(String name, byte[] data, ByteSource source) {
        DbpfPackage pkg;
        try {
            pkg = DbpfPackage.open(source, Caps.READ);
        } catch (DbpfFormatException e) {
            Refusals.check(e, name, data.length);
            if (!source.isClosed()) {
                throw new AssertionError("a package that did not open left its source open: " + e.getMessage());
            }
            return new Outcome(e.getMessage(), List.of());
        }
        try (pkg) {
            DbpfIndex index = pkg.index();
            checkIndex(index);
            ResourceReader reader = pkg.reader(new ResourceBuffer());
            PackageNames names = PackageNames.load(pkg, reader);
            List<String> entries = new ArrayList<>(index.size());
            for (int i = 0; i < index.size(); i++) {
                entries.add(entry(pkg, reader, names, i, data.length));
            }
            return new Outcome(null, entries);
        }
    }

    /** Entry {@code i}: decoded and checked, or refused. */
    private static String entry(DbpfPackage pkg, ResourceReader reader, PackageNames names, int i, long length) {
        DbpfIndex index = pkg.index();
        if (index.isDeleted(i)) {
            try {
                pkg.checkEntry(i);
            } catch (DbpfFormatException expected) {
                Refusals.check(expected, pkg.name(), length);
                return "deleted";
            }
            throw new AssertionError("deleted entry " + i + " passed checkEntry");
        }
        ByteBuffer bytes;
        try {
            bytes = reader.read(i);
        } catch (DbpfFormatException e) {
            Refusals.check(e, pkg.name(), length);
            return e.getMessage();
        }
        if (bytes.remaining() != index.memSize(i)) {
            throw new AssertionError("entry " + i + " decoded to " + bytes.remaining() + " bytes, declared " + index.memSize(i));
        }
        String sha = Outcome.DECODED + HexFormat.of().formatHex(Sha256.digest(bytes.duplicate()));
        String what = pkg.name() + " " + index.key(i);
        if (index.type(i) == StringTable.TYPE) {
            StringTableFuzzTest.check(what, bytes.duplicate());
        } else if (index.type(i) == NameMap.TYPE) {
            NameMapFuzzTest.check(what, bytes.duplicate());
        }
        // details never throw, whatever the bytes (its documented contract)
        ResourceDetails.of(index.type(i), index.instance(i), bytes, names);
        return sha;
    }

    /**
     * The index's look-ups against plain loops: {@code find} (SIMD scans first, then the hash table)
     * gives the first live entry with the key, and the type filters give the entries of the type.
     */
    private static void checkIndex(DbpfIndex index) {
        Map<ResourceKey, Integer> firstLive = new HashMap<>();
        for (int i = 0; i < index.size(); i++) {
            if (!index.isDeleted(i)) {
                firstLive.putIfAbsent(index.key(i), i);
            }
        }
        for (int i = 0; i < index.size(); i++) {
            ResourceKey key = index.key(i);
            int expected = firstLive.getOrDefault(key, -1);
            int found = index.find(key);
            if (found != expected) {
                throw new AssertionError("find(" + key + ") = " + found + ", the first live entry with that key is " + expected);
            }
        }
        if (index.size() > 0) {
            int type = index.type(0);
            int other = index.type(index.size() - 1);
            int[] ofType = index.entriesOfType(type);
            int[] ofTypes = index.entriesOfTypes(type, other);
            List<Integer> expectOne = new ArrayList<>();
            List<Integer> expectTwo = new ArrayList<>();
            for (int i = 0; i < index.size(); i++) {
                if (index.type(i) == type) {
                    expectOne.add(i);
                }
                if (index.type(i) == type || index.type(i) == other) {
                    expectTwo.add(i);
                }
            }
            if (!Objects.equals(expectOne, boxed(ofType)) || !Objects.equals(expectTwo, boxed(ofTypes))) {
                throw new AssertionError("type filters disagree with a loop: " + boxed(ofType) + " vs " + expectOne + ", "
                        + boxed(ofTypes) + " vs " + expectTwo);
            }
        }
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }
}
