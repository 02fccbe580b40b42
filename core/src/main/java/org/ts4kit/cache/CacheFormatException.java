package org.ts4kit.cache;

/**
 * Serialised cache data (a {@link BloomFilter}) that cannot be read: too short, a field that lies, a
 * version or scheme this library does not know. {@link #offset()} is where the problem was found,
 * counted from the first byte of the serialised form; a caller that read it out of a larger file adds
 * where it starts there and names the file.
 */
public final class CacheFormatException extends Exception {
    private final long offset;
    private final String reason;

    public CacheFormatException(long offset, String reason) {
        super("offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** Bytes from the start of the serialised form to the wrong field. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
