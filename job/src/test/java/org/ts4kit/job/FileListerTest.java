package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.doctor.ModsFile;
import org.ts4kit.doctor.ModsFolder;
import org.ts4kit.scan.FolderWalker;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.telemetry.ProgressListener;
import org.ts4kit.testkit.OddFolder;

/**
 * The job's listing and the CLI's (core's InputWalker) agree on an odd folder: same files, same
 * "other files ignored", the same folder reported when one cannot be listed.
 */
class FileListerTest {
    static Set<String> jobNames(FileLister.ListedFiles job) {
        return job.files.stream().filter(f -> f.problem == null).map(f -> f.name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The CLI's packages as the files they are in: a zip's members as the zip. */
    static Set<String> cliFiles(Listing cli) {
        return cli.packages().stream().map(PackageInput::name)
                .map(n -> n.contains(InputWalker.MEMBER_SEPARATOR) ? n.substring(0, n.indexOf(InputWalker.MEMBER_SEPARATOR)) : n)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // the odd folder holds a FIFO: opening it would block
    void sameFilesAndSameIgnoredCountAsTheCli(@TempDir Path dir) throws Exception {
        OddFolder.Expected expected = OddFolder.write(dir);
        FileLister.ListedFiles job = FileLister.list(List.of(dir.toString()), new Configuration());
        Listing cli = InputWalker.list(List.of(dir));

        assertEquals(expected.ignored, job.ignored, "other_files_ignored in summary.json");
        assertEquals(cli.ignored(), job.ignored, "the CLI's 'other files ignored'");
        Set<String> jobFiles = jobNames(job);
        assertEquals(cliFiles(cli), jobFiles, "the same packages and archives");
        assertEquals(expected.packages + expected.archives, jobFiles.size(), jobFiles.toString());
        assertEquals(List.of(), cli.problems());
        assertTrue(job.files.stream().allMatch(f -> f.problem == null), job.files.toString());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ignoredFilesAreKeptByNameAsTheDoctorWalksThem(@TempDir Path dir) throws Exception {
        OddFolder.write(dir);
        FileLister.ListedFiles job = FileLister.list(List.of(dir.toString()), new Configuration());
        ModsFolder doctor = ModsFolder.examine(List.of(dir), 1, ScanSink.NONE, ProgressListener.NONE);

        assertEquals(job.ignored, job.others.size() + job.notFollowed.size(), "every ignored entry kept, by name");
        Set<String> listed = new TreeSet<>(jobNames(job));
        job.others.forEach(f -> listed.add(f.name));
        assertEquals(doctor.files().stream().map(ModsFile::path).collect(Collectors.toCollection(TreeSet::new)), listed,
                "the files the doctor walks");
        assertEquals(doctor.unreadable().size(), job.notFollowed.size(), "FIFOs and broken links: unreadable to the doctor");
        assertTrue(job.others.stream().allMatch(f -> f.relative.equals(f.name) && f.size >= 0 && f.modified > 0), job.others.toString());
    }

    @Test
    void aFolderThatCannotBeListedIsOneUnreadableInputAndTheRestIsListed(@TempDir Path dir) throws Exception {
        OddFolder.write(dir);
        Path locked = dir.resolve("Mods/Creator");
        // as a folder without read permission answers (which root, running the tests, would not see)
        FolderWalker.Folders folders = folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            return Files.newDirectoryStream(folder);
        };
        FileLister.ListedFiles job = FileLister.list(List.of(dir.toString()), new Configuration(), folders);
        Listing cli = InputWalker.list(List.of(dir), ReadOptions.defaults(), folders);

        List<InputFile> unreadable = job.files.stream().filter(f -> f.problem != null).collect(Collectors.toList());
        assertEquals(1, unreadable.size(), job.files.toString());
        assertEquals("Mods/Creator", unreadable.get(0).name);
        Problem reported = cli.problems().get(0);
        assertEquals(List.of(reported), cli.problems());
        assertEquals(reported.reason(), unreadable.get(0).problem, "the same reason in the errors table as on the CLI's stderr");
        assertEquals(cliFiles(cli), jobNames(job), "everything else is still listed, the same by both");
        assertTrue(jobNames(job).contains("Mods/._mod.package"), jobNames(job).toString());
        assertEquals(cli.ignored(), job.ignored);
    }

    @Test
    void aRemoteFolderThatCannotBeListedLosesOnlyItself(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Mods/" + FlakyFileSystem.LOCKED));
        Files.write(dir.resolve("Mods/" + FlakyFileSystem.LOCKED + "/hidden.package"), new byte[] {1});
        Files.write(dir.resolve("Mods/a.package"), new byte[] {1});
        Files.createDirectories(dir.resolve("Mods/Z"));
        Files.write(dir.resolve("Mods/Z/z.package"), new byte[] {1});
        Files.write(dir.resolve("Mods/readme.txt"), new byte[] {1});

        FileLister.ListedFiles job = FileLister.list(List.of(FlakyFileSystem.SCHEME + ":" + dir.resolve("Mods")), FlakyFileSystem.conf());
        assertEquals(List.of("Locked", "Z/z.package", "a.package"), job.files.stream().map(f -> f.name).collect(Collectors.toList()));
        assertTrue(job.files.get(0).problem.startsWith("cannot read: AccessControlException: Permission denied"), job.files.get(0).problem);
        assertNull(job.files.get(1).problem);
        assertEquals(1, job.ignored);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoGivenAsAnInputIsAnUnreadableInputNeverOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("x.package");
        assumeTrue(OddFolder.fifo(fifo), "no mkfifo here");
        FileLister.ListedFiles job = FileLister.list(List.of(fifo.toString()), new Configuration());
        assertEquals(1, job.files.size(), job.files.toString());
        assertEquals("x.package", job.files.get(0).name);
        assertEquals("not a regular file (a FIFO)", job.files.get(0).problem);
    }

    @Test
    void anInputGivenTwiceGetsNumberedNames(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.package"), new byte[] {1});
        FileLister.ListedFiles job = FileLister.list(List.of(dir.toString(), dir.toString()), new Configuration());
        String full = job.files.get(0).path;
        assertEquals(List.of(full, full + "#2"), job.files.stream().map(f -> f.name).collect(Collectors.toList()));
    }
}
