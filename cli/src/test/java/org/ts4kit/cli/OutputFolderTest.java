package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files go into the folder by one plain name each: no name reaches outside it, through {@code ..} or a planted link. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void writesANewFileByItsName() throws Exception {
        OutputFolder out = OutputFolder.create(tmp.resolve("out"), false);
        Path written = out.write("a.bin", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertEquals(tmp.resolve("out/a.bin"), written);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(written));
    }

    @Test
    void refusesEveryNameThatIsNotOnePlainName() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        OutputFolder out = OutputFolder.create(tmp.resolve("out"), true);
        Files.createSymbolicLink(out.root().resolve("sub"), elsewhere); // a planted link is never a way out
        for (String name : List.of("../escape.bin", "sub/x.bin", "sub/../../escape.bin", "/tmp/abs.bin", "", ".", "..")) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> out.write(name, ByteBuffer.allocate(1)), name);
            assertEquals("not a plain file name; refusing to write outside " + out.root(), e.getReason(), name);
        }
        assertEquals(List.of(), List.copyOf(ExtractCommandTest.names(elsewhere)));
        assertEquals(List.of("elsewhere", "out"), List.copyOf(ExtractCommandTest.names(tmp)));
    }
}
