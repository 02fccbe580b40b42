package org.ts4kit.io;

/**
 * An input that is there but is no regular file (a FIFO, a device, a socket, a folder, a link that
 * leads nowhere), refused before it is opened. Its error line reads
 * {@code PATH: offset 0: not a regular file (a FIFO)}.
 */
public class NotRegularFileException extends CorruptInputException {
    private final FileKind kind;

    public NotRegularFileException(String file, FileKind kind) {
        super(file, 0, reason(kind));
        this.kind = kind;
    }

    /** {@code "not a regular file (a FIFO)"}: the reason every command gives. */
    public static String reason(FileKind kind) {
        return "not a regular file (" + kind.description() + ")";
    }

    public FileKind kind() {
        return kind;
    }
}
