package org.ts4kit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.OddFolder;

/** Telling what a path is without opening it, and refusing to map anything but a regular file. */
class FileKindTest {
    @Test
    void regularFilesFoldersAndLinksThatLeadNowhere(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.package"), new byte[] {1});
        assertEquals(FileKind.REGULAR, FileKind.of(file));
        assertEquals(FileKind.FOLDER, FileKind.of(dir));
        assertEquals(FileKind.REGULAR, FileKind.of(Files.createSymbolicLink(dir.resolve("link.package"), file)), "links are followed");
        assertEquals(FileKind.BROKEN_LINK, FileKind.of(Files.createSymbolicLink(dir.resolve("gone.package"), dir.resolve("none"))));
        Path loop = dir.resolve("loop.package");
        assertEquals(FileKind.LINK_LOOP, FileKind.of(Files.createSymbolicLink(loop, loop)));
        assertThrows(NoSuchFileException.class, () -> FileKind.of(dir.resolve("missing.package")));
    }

    @Test
    void devicesAndFifosAreToldApart(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.package");
        assumeTrue(OddFolder.fifo(fifo), "no mkfifo here");
        assertEquals(FileKind.FIFO, FileKind.of(fifo));
        assertEquals("a FIFO", FileKind.of(fifo).description());
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(devNull));
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // an open of the FIFO would block until a writer came
    void mappingAFifoFailsAtOnceNamingIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("x.package");
        assumeTrue(OddFolder.fifo(fifo), "no mkfifo here");
        NotRegularFileException e = assertThrows(NotRegularFileException.class, () -> ByteSources.map(fifo));
        assertEquals(fifo + ": offset 0: not a regular file (a FIFO)", e.getMessage());
        assertEquals(FileKind.FIFO, e.kind());
        assertThrows(NotRegularFileException.class, () -> ByteSources.map(dir), "a folder is no package either");
        assertThrows(NoSuchFileException.class, () -> ByteSources.map(dir.resolve("missing")), "missing stays missing");
    }
}
