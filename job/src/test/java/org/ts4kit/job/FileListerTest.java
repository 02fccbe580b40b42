package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.testkit.OddFolder;

/** The job's listing and the CLI's (core's InputWalker) agree on an odd folder: same files, same "other files ignored". */
class FileListerTest {
    @Test
    void sameFilesAndSameIgnoredCountAsTheCli(@TempDir Path dir) throws Exception {
        OddFolder.Expected expected = OddFolder.write(dir);
        FileLister.ListedFiles job = FileLister.list(List.of(dir.toString()), new Configuration());
        Listing cli = InputWalker.list(List.of(dir));

        assertEquals(expected.ignored, job.ignored, "other_files_ignored in summary.json");
        assertEquals(cli.ignored(), job.ignored, "the CLI's 'other files ignored'");
        Set<String> jobFiles = job.files.stream().map(f -> f.name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> cliFiles = cli.packages().stream().map(PackageInput::name)
                .map(n -> n.contains(InputWalker.MEMBER_SEPARATOR) ? n.substring(0, n.indexOf(InputWalker.MEMBER_SEPARATOR)) : n)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(cliFiles, jobFiles, "the same packages and archives");
        assertEquals(expected.packages + expected.archives, jobFiles.size(), jobFiles.toString());
    }
}
