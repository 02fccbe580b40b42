package org.ts4kit.scan;

import java.nio.ByteBuffer;
import org.ts4kit.resource.StringTable;

/**
 * Where one walk of a package goes: the CLI's conflicts, the Spark job's rows and, later, the search
 * index all consume the same pass instead of reading the package again. For one package the calls
 * come from one thread in this order: {@link #onResource} and {@link #onStringTable} per live entry
 * in index order, {@link #onProblem} as problems are met, then {@link #onPackage} once, always, also
 * for a package that did not open. Collection scans walk several packages at once: their sink must
 * be thread-safe. Every index entry reaches {@link #onResource}, once, so a sink that builds one row per
 * entry needs no second walk of the index.
 *
 * <pre>{@code
 * new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults()).scan(input, buffer, new ScanSink() {
 *     public void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) { ... bytes valid during the call ... }
 *     public void onPackage(ScannedPackage pkg) { System.out.println(pkg.name() + (pkg.isBroken() ? " broken" : " ok")); }
 * });
 * }</pre>
 */
public interface ScanSink {
    /** A sink that ignores everything. */
    ScanSink NONE = pkg -> { };

    /**
     * Index entry {@code entry}, in index order. When it was decoded, {@code bytes} are its
     * decompressed bytes, valid only during the call, and its SHA-256 is already in
     * {@link ScannedPackage#hashes()}; {@code bytes} is null for a deleted entry, one that failed to
     * decode (its problem came first), or any entry of a scan that does not decode; and for an entry
     * whose stored bytes repeat an earlier entry's (same offset, sizes, compression: a crafted package's
     * way to decode one stream many times), which has that entry's hash without a second decode.
     */
    default void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) {
    }

    /** Entry {@code entry} is a string table and decoded as one (only with {@link ScanOptions#strings()}). */
    default void onStringTable(ScannedPackage pkg, int entry, StringTable table) {
    }

    /**
     * A problem with the package: {@code breaksPackage} when it makes the package broken (its index,
     * or an entry that does not decode), false for a resource whose content is not what its type says.
     */
    default void onProblem(ScannedPackage pkg, Problem problem, boolean breaksPackage) {
    }

    /** The walk of the package is over: its status, hashes and file hash are final. */
    void onPackage(ScannedPackage pkg);
}
