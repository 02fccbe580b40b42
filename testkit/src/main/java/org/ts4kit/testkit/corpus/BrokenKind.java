package org.ts4kit.testkit.corpus;

/** The ways the generator breaks a package, each one a case users meet in the wild. */
public enum BrokenKind {
    /** The header's index position points past the end of the file. */
    INDEX_PAST_END,
    /** The 96-byte header is all zeros. */
    ZEROED_HEADER,
    /** The file is cut off in the middle of its index. */
    TRUNCATED_INDEX,
    /** A zlib entry's stored bytes are something else. */
    CORRUPT_ZLIB,
    /** A RefPack entry's commands are damaged. */
    CORRUPT_REFPACK,
    /** The major version is not 2. */
    BAD_VERSION,
    /** An entry's data lies past the end of the file. */
    ENTRY_OUTSIDE,
    /** An entry's mem size does not match what its data decodes to. */
    SIZE_MISMATCH,
    /** The file is shorter than a header. */
    TRUNCATED_HEADER,
    /** An entry declares a decompressed size over the cap. */
    OVER_CAP,
    /** An entry uses a compression code nobody knows. */
    UNKNOWN_COMPRESSION
}
