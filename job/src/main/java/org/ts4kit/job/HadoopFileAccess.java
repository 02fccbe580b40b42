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
import org.ts4kit.memory.ResourceBuffer;

/**
 * Opens listed files on an executor: local files are memory-mapped by core; files on other file
 * systems are read into memory, or copied to a local temp file (then mapped) when larger than
 * {@link #IN_MEMORY_LIMIT}. Serializable so it travels with the tasks.
 */
final class HadoopFileAccess implements FileProcessor.FileAccess, Serializable {
    private static final long serialVersionUID = 1L;
    /** Remote files up to this size are read into the heap; larger ones go through a temp file. */
    static final long IN_MEMORY_LIMIT = 256L << 20;

    private static final ThreadLocal<ResourceBuffer> FILE_BUFFERS = ThreadLocal.withInitial(() -> new ResourceBuffer(1 << 20));

    private transient Configuration conf;

    HadoopFileAccess(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public ByteSource open(InputFile file) throws IOException {
        Path path = new Path(file.path);
        if (FileLister.isLocal(file.path)) {
            return ByteSources.map(java.nio.file.Path.of(path.toUri()), file.name);
        }
        FileSystem fs = path.getFileSystem(conf);
        if (file.size <= IN_MEMORY_LIMIT) {
            // a task handles one file at a time, so the thread's buffer is free again for the next
            byte[] bytes = FILE_BUFFERS.get().array((int) file.size);
            try (FSDataInputStream in = fs.open(path)) {
                in.readFully(0, bytes, 0, (int) file.size);
            }
            return ByteSources.wrap(file.name, ByteBuffer.wrap(bytes, 0, (int) file.size));
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
