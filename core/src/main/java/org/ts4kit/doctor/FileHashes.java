package org.ts4kit.doctor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.Sha256;
import org.ts4kit.scan.Problem;

/**
 * Whole-file SHA-256 for the files that can have a copy: two files are identical only if their sizes
 * are, so a file whose size no other candidate has is never read. In a real Mods folder that leaves a
 * few percent of the bytes to hash.
 */
final class FileHashes {
    private FileHashes() {
    }

    /** Sets {@link ModsFile#fileHash} on packages that read and scripts sharing a size; a file that fails is a problem. */
    static void fill(List<ModsFile> files, List<Path> where, List<Problem> problems) {
        Map<Long, List<Integer>> bySize = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            ModsFile f = files.get(i);
            boolean candidate = f.kind() == ModsFile.Kind.SCRIPT || f.kind() == ModsFile.Kind.PACKAGE && f.state() == ModsFile.State.OK;
            if (candidate && f.size() > 0) {
                bySize.computeIfAbsent(f.size(), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> same : bySize.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (int i : same) {
                try (ByteSource bytes = ByteSources.map(where.get(i))) {
                    files.set(i, files.get(i).hashed(Sha256.hex(Sha256.digest(bytes))));
                } catch (IOException | RuntimeException e) {
                    // vanished or changed since the walk: said, and the file counts as having no copy
                    problems.add(Problem.of(files.get(i).path(), e));
                } catch (InternalError e) {
                    // a mapped page that vanished under the read (the file shrank): the JVM's word for it
                    problems.add(new Problem(files.get(i).path(), 0, "cannot read: the file changed while it was hashed"));
                }
            }
        }
    }
}
