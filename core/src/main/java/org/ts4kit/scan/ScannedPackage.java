package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ts4kit.dbpf.DbpfHeader;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.io.Sha256;

/**
 * What one walk found out about one package: its columnar index, the SHA-256 of every decoded
 * entry's decompressed bytes, optionally the file's own hash, and its problems. A package is
 * broken when its header or index cannot be read or a live entry cannot be decoded to its
 * declared size. Filled in by {@link PackageScanner} during the walk; final once
 * {@link ScanSink#onPackage} sees it.
 */
public final class ScannedPackage {
    private final int position;
    private final PackageInput input;
    private long length = -1;
    private DbpfIndex index;
    private String version;
    private byte[] hashes = new byte[0];
    private boolean[] decoded = new boolean[0];
    private byte[] fileHash;
    private final List<Problem> problems = new ArrayList<>(0);
    private final List<Problem> warnings = new ArrayList<>(0);

    ScannedPackage(int position, PackageInput input) {
        this.position = position;
        this.input = input;
    }

    void opened(long fileLength, DbpfHeader header, DbpfIndex parsed, boolean decoding) {
        this.length = fileLength;
        this.version = Integer.toUnsignedString(header.majorVersion()) + "." + Integer.toUnsignedString(header.minorVersion());
        this.index = parsed;
        if (decoding) {
            this.hashes = new byte[Math.multiplyExact(parsed.size(), 32)]; // entries are capped well below 2^31 / 32
            this.decoded = new boolean[parsed.size()];
        }
    }

    void markDecoded(int entry) {
        decoded[entry] = true;
    }

    void fileHash(byte[] digest) {
        this.fileHash = digest;
    }

    void problem(Problem p) {
        problems.add(p);
    }

    void warning(Problem p) {
        warnings.add(p);
    }

    /** The package's place in its listing (0 for a package scanned on its own): collection output is in this order. */
    public int position() {
        return position;
    }

    public PackageInput input() {
        return input;
    }

    /** {@link PackageInput#name()}: the path under its root, or {@code archive.zip!/inner/x.package}. */
    public String name() {
        return input.name();
    }

    public boolean isBroken() {
        return !problems.isEmpty();
    }

    /** What makes the package broken, in the order found; empty when it is not. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Problems inside resources that do not make the package broken (a string table that does not decode). */
    public List<Problem> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The file's size in bytes, or -1 when it could not be opened. */
    public long length() {
        return length;
    }

    /** The index, or null when the header or index could not be read. */
    public DbpfIndex index() {
        return index;
    }

    public int entryCount() {
        return index == null ? 0 : index.size();
    }

    public int liveCount() {
        return index == null ? 0 : index.liveCount();
    }

    /** Whether entry {@code i} was decoded, so {@link #hashes()} holds its SHA-256 at {@code i * 32}. */
    public boolean decoded(int i) {
        return i < decoded.length && decoded[i];
    }

    /** SHA-256 of each decoded entry's decompressed bytes, 32 bytes per index position (empty without decoding). */
    public byte[] hashes() {
        return hashes;
    }

    /** Entry {@code i}'s SHA-256 in lower-case hex, or null when it was not decoded. */
    public String hashHex(int i) {
        return decoded(i) ? Sha256.hex(hashes, i * 32) : null;
    }

    /** The header's DBPF version, {@code 2.1} for The Sims 4 ({@code 2.0}, The Sims 3's, reads too); null when it did not open. */
    public String version() {
        return version;
    }

    /** SHA-256 of the whole file, when asked for and the file opened; else null. */
    public byte[] fileHash() {
        return fileHash;
    }

    @Override
    public String toString() {
        return input.name() + (isBroken() ? " (broken)" : "");
    }
}
