package org.ts4kit.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ts4kit.doctor.ModsFile;
import org.ts4kit.doctor.ModsFolder;
import org.ts4kit.io.Sha256;
import org.ts4kit.scan.Problem;

/**
 * What the doctor needs to know, from the job's own data: one {@link ModsFile} per file of the listing
 * (packages with how they read, from their package rows; everything else, never read, from the listing
 * alone) and what could not be looked at. The same facts core's {@code ModsFolder} gathers by walking:
 *
 * <ul>
 *   <li>kinds come from core's rule on the path below the INPUT ({@link ModsFile#kindOf}): a {@code .zip}
 *       is an archive by its own path and its members' package rows are no files of the Mods folder (the game
 *       does not open archives); a {@code ._x.package} resource fork is junk, though the source read it;
 *   <li>every problem found while listing (a folder that cannot be listed, an INPUT that is a FIFO) and every
 *       entry of a folder that is no regular file is unreadable, named as the tables name it;
 *   <li>packages have their whole-file SHA-256 from the source; scripts whose size another script has are
 *       hashed here, on the driver (they are small, and only copies can share a size).
 * </ul>
 */
final class DoctorFacts {
    final List<ModsFile> files = new ArrayList<>();
    final List<Problem> unreadable = new ArrayList<>();

    private DoctorFacts() {
    }

    /**
     * The facts of {@code listing} with the package rows of {@code all} (one collected row per listed
     * package file: a few hundred bytes each).
     */
    static DoctorFacts of(FileLister.ListedFiles listing, Dataset<Row> all, Configuration conf) {
        Map<String, Row> read = new HashMap<>();
        for (Row r : all.where("kind = 'package' AND path = source")
                .select("path", "status", "version", "live_entries", "file_hash", "error_offset", "reason").collectAsList()) {
            read.put(r.getString(0), r);
        }
        DoctorFacts facts = new DoctorFacts();
        for (InputFile f : listing.files) {
            if (f.problem != null) {
                facts.unreadable.add(new Problem(f.name, 0, f.problem));
                continue;
            }
            ModsFile file = ModsFile.unread(f.name, f.relative, f.size, f.modified);
            Row r = read.get(f.name);
            if (file.kind() == ModsFile.Kind.PACKAGE && r != null) {
                boolean broken = "broken".equals(r.getString(1));
                file = file.read(r.getString(2), broken, r.isNullAt(5) ? 0 : r.getLong(5), r.getString(6), r.getInt(3));
                file = broken ? file : file.hashed(r.getString(4));
            }
            facts.files.add(file);
        }
        List<Integer> scripts = new ArrayList<>();
        for (InputFile f : listing.others) {
            ModsFile file = ModsFile.unread(f.name, f.relative, f.size, f.modified);
            if (file.kind() == ModsFile.Kind.SCRIPT) {
                scripts.add(facts.files.size());
            }
            facts.files.add(file);
        }
        for (String entry : listing.notFollowed) {
            facts.unreadable.add(new Problem(entry, 0, ModsFolder.NOT_FOLLOWED));
        }
        facts.hashScripts(scripts, listing.others, listing.files.size(), conf);
        return facts;
    }

    /** SHA-256 of each script whose size another script has; one that cannot be read is unreadable. */
    private void hashScripts(List<Integer> scripts, List<InputFile> others, int firstOther, Configuration conf) {
        Map<Long, Integer> sizes = new HashMap<>();
        for (int i : scripts) {
            sizes.merge(files.get(i).size(), 1, Integer::sum);
        }
        for (int i : scripts) {
            ModsFile f = files.get(i);
            if (f.size() == 0 || sizes.get(f.size()) < 2) {
                continue;
            }
            Path p = new Path(others.get(i - firstOther).path);
            try (InputStream in = p.getFileSystem(conf).open(p)) {
                files.set(i, f.hashed(Sha256.hex(Sha256.digest(in))));
            } catch (IOException e) {
                unreadable.add(Problem.of(f.path(), e)); // vanished since the listing: said, and it has no copy
            }
        }
    }
}
