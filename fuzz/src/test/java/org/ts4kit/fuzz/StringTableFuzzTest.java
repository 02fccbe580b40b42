package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.resource.StringTable;

/**
 * {@link StringTable#decode} on any bytes, from an array, a slice of a larger array and a direct
 * buffer: all three must give the same table or the same well-formed {@link DbpfFormatException}.
 * A table that decodes must answer every accessor consistently (its look-up finds each key's first
 * entry; its byte counts add up).
 */
class StringTableFuzzTest {
    private static final String NAME = "fuzz.stbl";

    @FuzzTest(maxDuration = "2m")
    void decode(byte[] data) {
        String whole = Inputs.outcome(NAME, data.length, () -> StringTable.decode(NAME, data),
                StringTableFuzzTest::describe);
        byte[] padded = Inputs.padded(data);
        String slice = Inputs.outcome(NAME, data.length, () -> StringTable.decode(NAME, padded, Inputs.PAD, data.length),
                StringTableFuzzTest::describe);
        String direct = Inputs.outcome(NAME, data.length, () -> StringTable.decode(NAME, Inputs.direct(data)),
                StringTableFuzzTest::describe);
        Inputs.same(whole, slice, direct);
    }

    /** The package harness's check of a decoded string-table resource. */
    static void check(String name, ByteBuffer bytes) {
        Inputs.outcome(name, bytes.remaining(), () -> StringTable.decode(name, bytes), StringTableFuzzTest::describe);
    }

    /** Every entry, after checking what the table says of itself. */
    private static String describe(StringTable table) {
        StringBuilder out = new StringBuilder("count ").append(table.count());
        long bytes = 0;
        for (int i = 0; i < table.count(); i++) {
            int key = table.keyHash(i);
            int first = table.find(key);
            if (first < 0 || first > i || table.keyHash(first) != key) {
                throw new AssertionError("find(" + Integer.toHexString(key) + ") = " + first + ", entry " + i + " has that key");
            }
            for (int j = 0; j < first; j++) {
                if (table.keyHash(j) == key) {
                    throw new AssertionError("find(" + Integer.toHexString(key) + ") = " + first + ", not the first: " + j);
                }
            }
            String text = table.text(i);
            bytes += table.textBytes(i) + 1;
            out.append('\n').append(Integer.toHexString(key)).append(' ').append(table.flags(i)).append(' ').append(text);
        }
        if (bytes != table.actualStringBytes()) {
            throw new AssertionError("texts add up to " + bytes + " bytes, the table says " + table.actualStringBytes());
        }
        return out.toString();
    }
}
