package org.ts4kit.dbpf;

/** The fields of the 96-byte DBPF header that a reader uses. */
public final class DbpfHeader {
    public static final int SIZE = 96;
    public static final int MAGIC = 0x46504244; // "DBPF" read little-endian

    private final int majorVersion;
    private final int minorVersion;
    private final long entryCount;
    private final long indexPosition;
    private final long indexSize;
    private final int indexMinorVersion;
    /** Where {@link #indexPosition} was read from: 64 (the 64-bit field) or 40 (the old 32-bit one). */
    private final int indexPositionField;

    DbpfHeader(int majorVersion, int minorVersion, long entryCount, long indexPosition, long indexSize,
               int indexMinorVersion, int indexPositionField) {
        this.majorVersion = majorVersion;
        this.minorVersion = minorVersion;
        this.entryCount = entryCount;
        this.indexPosition = indexPosition;
        this.indexSize = indexSize;
        this.indexMinorVersion = indexMinorVersion;
        this.indexPositionField = indexPositionField;
    }

    public int majorVersion() {
        return majorVersion;
    }

    public int minorVersion() {
        return minorVersion;
    }

    public long entryCount() {
        return entryCount;
    }

    public long indexPosition() {
        return indexPosition;
    }

    /** The index size the header declares; the reader walks the entries and does not rely on it. */
    public long indexSize() {
        return indexSize;
    }

    public int indexMinorVersion() {
        return indexMinorVersion;
    }

    public int indexPositionField() {
        return indexPositionField;
    }

    @Override
    public String toString() {
        return "DBPF " + majorVersion + "." + minorVersion + ", " + entryCount + " entries, index at " + indexPosition
                + " (" + indexSize + " bytes, minor " + indexMinorVersion + ")";
    }
}
