package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up archive's training run takes several commands separated by a lone comma. */
class TrainingTest {
    @Test
    void commandsAreSplitAtLoneCommas() {
        List<String[]> c = Training.split(new String[] {"inspect", "a,b.package", ",", "ls", "--json", "x", ",", "--help"});
        assertEquals(3, c.size());
        assertArrayEquals(new String[] {"inspect", "a,b.package"}, c.get(0));
        assertArrayEquals(new String[] {"ls", "--json", "x"}, c.get(1));
        assertArrayEquals(new String[] {"--help"}, c.get(2));
    }
}
