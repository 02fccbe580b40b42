package org.ts4kit.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.memory.Arena;

/**
 * Opens listed files on an executor: local files are memory-mapped by core; files on other file
 * systems are read into the task's off-heap {@link Arena} (reset after each file, so a task
 * reuses the same memory file after file and the executor heap Spark manages stays out of it), or
 * copied to a local temp file (then mapped) when larger than {@link #IN_MEMORY_LIMIT}.
 * Serializable so it travels with the tasks.
 */
public final class HadoopFileAccess implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Remote files up to this size are read into memory; larger ones go through a temp file. */
    static final long IN_MEMORY_LIMIT = 256L << 20;
    /** The arena's chunk: most mod packages fit one; a larger file gets a chunk of its own. */
    public static final int ARENA_CHUNK = 16 << 20;
    private static final int COPY_CHUNK = 1 << 16;

    private transient Configuration conf;
    /** False in tests: reads local files the way remote ones are read. */
    private final boolean mapLocal;

    public HadoopFileAccess(Configuration conf) {
        this(conf, true);
    }

    public HadoopFileAccess(Configuration conf, boolean mapLocal) {
        this.conf = conf;
        this.mapLocal = mapLocal;
    }

    /**
     * The file's bytes; bytes read into memory go in {@code scratch}, which the caller resets once the
     * file is done (so the source must not be used after that).
     */
    public ByteSource open(InputFile file, Arena scratch) throws IOException {
        Path path = new Path(file.path);
        if (mapLocal && FileLister.isLocal(file.path)) {
            return ByteSources.map(java.nio.file.Path.of(path.toUri()), file.name);
        }
        FileSystem fs = path.getFileSystem(conf);
        if (file.size <= IN_MEMORY_LIMIT) {
            ByteBuffer bytes = scratch.allocate((int) file.size);
            try (FSDataInputStream in = fs.open(path)) {
                readFully(in, bytes, file);
            }
            return ByteSources.wrap(file.name, bytes.flip());
        }
        java.nio.file.Path tmp = Files.createTempFile("ts4kit-", ".bin");
        try (InputStream in = fs.open(path)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return ByteSources.map(tmp, file.name);
        } finally {
            // the mapping stays valid after the name is gone; the space is freed when it is unmapped
            Files.deleteIfExists(tmp);
        }
    }

    /** Fills {@code dst} from the stream; a file shorter than listed is an error naming it. */
    private static void readFully(InputStream in, ByteBuffer dst, InputFile file) throws IOException {
        byte[] chunk = new byte[(int) Math.min(COPY_CHUNK, Math.max(1, dst.remaining()))];
        while (dst.hasRemaining()) {
            int n = in.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
            if (n < 0) {
                throw new java.io.EOFException(file.path + ": ended after " + dst.position() + " of the " + file.size
                        + " bytes listed (did it change while the job ran?)");
            }
            dst.put(chunk, 0, n);
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
