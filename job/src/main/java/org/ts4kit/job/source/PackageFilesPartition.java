package org.ts4kit.job.source;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;
import org.ts4kit.job.InputFile;

/** One task's files, whole (a package is never split), as the bin-packing planner grouped them. */
final class PackageFilesPartition implements InputPartition {
    private static final long serialVersionUID = 1L;
    /** The partition's number in its scan: the high half of its packages' {@code package_id}. */
    final int index;
    final InputFile[] files;

    PackageFilesPartition(int index, List<InputFile> files) {
        this.index = index;
        this.files = files.toArray(new InputFile[0]);
    }
}
