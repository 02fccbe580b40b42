package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/** {@code gen DIR} when DIR cannot be a folder: one line naming it, exit 2, and the file left alone. */
class GenCommandTest {
    @TempDir
    Path tmp;

    @Test
    void anExistingFileAsDirIsAOneLineUsageError() throws Exception {
        byte[] kept = "mine".getBytes();
        Path file = Files.write(tmp.resolve("notes.txt"), kept);

        Cli r = Cli.run("gen", file.toString(), "--packages", "1");

        assertEquals(2, r.exit, r.err);
        assertEquals(file + ": exists and is not a folder (DIR is a folder, created when missing)\n", r.err);
        assertArrayEquals(kept, Files.readAllBytes(file));
    }

    @Test
    void aDirUnderAFileCannotBeCreated() throws Exception {
        Path file = Files.write(tmp.resolve("notes.txt"), new byte[0]);

        Cli r = Cli.run("gen", file.resolve("corpus").toString(), "--packages", "1");

        assertEquals(2, r.exit, r.err);
        assertTrue(r.err.startsWith(file.resolve("corpus") + ": cannot create the folder: "), r.err);
        assertEquals(1, r.err.split("\n").length, r.err);
    }

    @Test
    void aMissingDirIsCreated() {
        Path dir = tmp.resolve("new/corpus");
        Cli r = Cli.run("gen", dir.toString(), "--packages", "2", "--seed", "3");
        assertEquals(0, r.exit, r.err);
        assertTrue(Files.isRegularFile(dir.resolve(CorpusGenerator.MANIFEST)), r.err);
    }
}
