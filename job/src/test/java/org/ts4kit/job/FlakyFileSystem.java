package org.ts4kit.job;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.security.AccessControlException;

/**
 * The local file system under the scheme {@code flaky:}, which the lister lists as a remote one
 * (one recursive listing), except that it refuses to list any folder named {@code Locked}, as HDFS
 * or S3 refuse a folder the user may not read.
 */
public final class FlakyFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "flaky";
    static final String LOCKED = "Locked";

    /** A configuration that maps {@code flaky:} paths to this file system. */
    static Configuration conf() {
        Configuration conf = new Configuration();
        conf.set("fs." + SCHEME + ".impl", FlakyFileSystem.class.getName());
        conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
        return conf;
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        if (f.getName().equals(LOCKED)) {
            throw new AccessControlException("Permission denied: " + f);
        }
        FileStatus[] found = super.listStatus(f);
        for (int i = 0; i < found.length; i++) {
            // plain statuses: the local ones load their permissions from a file: URI, which this is not
            FileStatus st = found[i];
            found[i] = new FileStatus(st.getLen(), st.isDirectory(), 1, st.getBlockSize(), st.getModificationTime(), st.getPath());
        }
        return found;
    }
}
