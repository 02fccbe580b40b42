package org.ts4kit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** An error line is one line, whatever a file name holds. */
class ErrorLineTest {
    @Test
    void aNewlineInANameCannotForgeASecondLine() {
        String forged = "x.package: offset 0: ok\nevil.package";
        assertEquals("x.package: offset 0: ok\\nevil.package: offset 4: bad version", ErrorLine.of(forged, 4, "bad version"));
    }

    @Test
    void controlCharactersPrintAsEscapes() {
        assertEquals("a\\tb\\rc\\x1b[31md\\x7fe\\x9b", ErrorLine.escape("a\tb\rc\u001b[31md\u007fe\u009b"));
        assertEquals("\\u2028\\u202e", ErrorLine.escape("\u2028\u202e"), "a line separator, a right-to-left override");
        assertEquals("cannot read: x\\nb", ErrorLine.of("p", 0, "cannot read: x\nb").substring("p: offset 0: ".length()));
    }

    @Test
    void plainTextIsUntouchedBackslashesToo() {
        String plain = "Mods/a\\b Crème brûlée.package";
        assertSame(plain, ErrorLine.escape(plain));
    }

    @Test
    void corruptInputMessagesAreEscapedLines() {
        assertEquals("a\\nb: offset 7: why", new CorruptInputException("a\nb", 7, "why").getMessage());
    }
}
