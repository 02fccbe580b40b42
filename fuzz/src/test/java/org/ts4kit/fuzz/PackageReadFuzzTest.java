package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as a package: open, index walk and look-ups, name maps, every entry decoded, string
 * tables, name maps and details of what decoded; from one buffer and again from 32-byte windows,
 * which must agree. Bad input may only cost a well-formed {@code DbpfFormatException}.
 */
class PackageReadFuzzTest {
    static final String NAME = "fuzz.package";

    @FuzzTest(maxDuration = "2m")
    void openWalkAndDecode(byte[] data) {
        PackageHarness.check(NAME, data);
    }
}
