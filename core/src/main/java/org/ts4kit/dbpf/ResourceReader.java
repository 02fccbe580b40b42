package org.ts4kit.dbpf;

import java.nio.ByteBuffer;
import org.ts4kit.io.SourceCursor;
import org.ts4kit.memory.ResourceBuffer;

/**
 * One thread's reader of one package's resources: the allocation-free read path. It owns a
 * {@link SourceCursor} (stored bytes without a buffer object per read) and decodes into a
 * {@link ResourceBuffer}, so a loop over every resource allocates nothing per resource once the
 * buffer has grown to the largest one.
 *
 * <pre>{@code
 * ResourceBuffer buffer = new ResourceBuffer();        // keep one per thread, across packages
 * try (DbpfPackage pkg = DbpfPackage.open(file)) {
 *     ResourceReader reader = pkg.reader(buffer);
 *     for (int i = 0; i < pkg.entryCount(); i++) {
 *         if (!pkg.index().isDeleted(i)) {
 *             ByteBuffer bytes = reader.read(i);       // valid until the next read
 *         }
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe: make one per thread ({@link DbpfPackage#reader} is cheap).
 */
public final class ResourceReader {
    private final DbpfPackage pkg;
    private final SourceCursor cursor;
    private final ResourceBuffer buffer;

    ResourceReader(DbpfPackage pkg, SourceCursor cursor, ResourceBuffer buffer) {
        this.pkg = pkg;
        this.cursor = cursor;
        this.buffer = buffer;
    }

    public DbpfPackage pkg() {
        return pkg;
    }

    /**
     * Entry {@code i}'s decompressed bytes: a view of the buffer from position 0 to its mem size,
     * valid until the buffer's next use. Checks the entry first like {@link DbpfPackage#read(int)}.
     */
    public ByteBuffer read(int i) throws DbpfFormatException {
        pkg.checkEntry(i);
        DbpfIndex index = pkg.index();
        ByteBuffer view = buffer.view((int) index.memSize(i));
        pkg.decodeInto(i, cursor.range(index.offset(i), (int) index.fileSize(i)), view.array(), 0);
        return view;
    }

    /** Entry {@code i}'s stored bytes as they are in the file, valid until this reader's next call. */
    public ByteBuffer storedBytes(int i) throws DbpfFormatException {
        pkg.checkStored(i);
        DbpfIndex index = pkg.index();
        return cursor.range(index.offset(i), (int) index.fileSize(i));
    }
}
