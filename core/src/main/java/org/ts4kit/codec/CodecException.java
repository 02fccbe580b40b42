package org.ts4kit.codec;

/**
 * Compressed data that cannot be decoded to exactly its declared size. {@link #position()} is the
 * offset in the compressed input where the problem was found; the package layer turns this into a
 * {@code DbpfFormatException} naming the file and the entry.
 */
public final class CodecException extends Exception {
    private final long position;

    public CodecException(long position, String reason) {
        super(reason);
        this.position = position;
    }

    public CodecException(long position, String reason, Throwable cause) {
        super(reason, cause);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
