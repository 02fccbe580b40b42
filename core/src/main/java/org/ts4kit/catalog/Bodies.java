package org.ts4kit.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the bodies of a saved index's records are: the file itself, read by position when a record's
 * resources are first used (so a rescan that finds nothing changed reads the directory only, a few percent
 * of the file), or the file's bytes already in memory. The channel stays open while records use it: a new
 * index renamed over the file does not change what an open channel reads.
 */
abstract class Bodies implements Closeable {
    final String name;

    Bodies(String name) {
        this.name = name;
    }

    /** {@code length} bytes at {@code offset} of the file, in a heap buffer of their own. */
    abstract ByteBuffer read(long offset, int length) throws IOException;

    /** Copies {@code length} bytes at {@code offset} to {@code out}, without passing them through the heap where possible. */
    abstract void copy(long offset, int length, WritableByteChannel out) throws IOException;

    /** Bodies read from {@code file} when asked. */
    static Bodies of(Path file) {
        return new InFile(file);
    }

    /** Bodies in {@code bytes}, the whole file. */
    static Bodies of(String name, ByteBuffer bytes) {
        return new InMemory(name, bytes);
    }

    private static final class InFile extends Bodies {
        private final Path file;
        private FileChannel channel;

        InFile(Path file) {
            super(file.toString());
            this.file = file;
        }

        private synchronized FileChannel channel() throws IOException {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            return channel;
        }

        @Override
        ByteBuffer read(long offset, int length) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(length);
            FileChannel ch = channel();
            while (b.hasRemaining()) {
                if (ch.read(b, offset + b.position()) < 0) {
                    throw new IndexFormatException(name, offset + b.position(), "the file ends inside a record "
                            + "(it was cut short after it was read)");
                }
            }
            return b.flip();
        }

        @Override
        void copy(long offset, int length, WritableByteChannel out) throws IOException {
            FileChannel ch = channel();
            for (long done = 0; done < length; ) {
                long n = ch.transferTo(offset + done, length - done, out);
                if (n <= 0) {
                    throw new IndexFormatException(name, offset + done, "the file ends inside a record");
                }
                done += n;
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }

    private static final class InMemory extends Bodies {
        private final ByteBuffer bytes;

        InMemory(String name, ByteBuffer bytes) {
            super(name);
            this.bytes = bytes;
        }

        @Override
        ByteBuffer read(long offset, int length) throws IndexFormatException {
            if (offset < 0 || offset + length > bytes.limit()) {
                throw new IndexFormatException(name, offset, "a record beyond the file's end");
            }
            ByteBuffer b = ByteBuffer.allocate(length);
            b.put(bytes.duplicate().position((int) offset).limit((int) offset + length));
            return b.flip();
        }

        @Override
        void copy(long offset, int length, WritableByteChannel out) throws IOException {
            ByteBuffer b = read(offset, length);
            while (b.hasRemaining()) {
                out.write(b);
            }
        }

        @Override
        public void close() {
        }
    }
}
