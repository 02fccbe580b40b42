package org.ts4kit.fuzz;

import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.telemetry.Telemetry;

/**
 * The limits every harness reads under. Small and explicit, so that no input, however it lies, can
 * make one execution allocate or decode much: a fuzzer that spends a second on one input finds
 * nothing else, and an input that is slow only because the caps are the defaults is not a bug.
 */
final class Caps {
    /** The largest declared resource, zip member or decoder output: 1 MiB. */
    static final int MAX_RESOURCE = 1 << 20;
    /** Index entries per package: fuzzed packages are small, and the header's count is checked before any array. */
    static final int MAX_ENTRIES = 4096;
    /** Decompressed bytes per package or archive: 64 times its size, at least one resource, at most 8 MiB. */
    static final long DECODE_RATIO = 64;
    static final long MAX_DECODED = 8 << 20;

    /** A private telemetry: the fuzzer's millions of reads should not pile up in the process-wide one. */
    static final ReadOptions READ = ReadOptions.defaults()
            .withMaxResourceBytes(MAX_RESOURCE)
            .withMaxEntries(MAX_ENTRIES)
            .withDecodeLimits(DECODE_RATIO, MAX_DECODED)
            .withTelemetry(new Telemetry());

    private Caps() {
    }
}
