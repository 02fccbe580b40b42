package org.ts4kit.io;

/** A read outside a {@link ByteSource}. Parsers check ranges first, so this names a parser bug or a race. */
public final class SourceBoundsException extends RuntimeException {
    private final long position;

    public SourceBoundsException(String name, long pos, long len, long length) {
        super(name + ": offset " + pos + ": read of " + len + " bytes outside the source (" + length + " bytes)");
        this.position = pos;
    }

    public long position() {
        return position;
    }
}
