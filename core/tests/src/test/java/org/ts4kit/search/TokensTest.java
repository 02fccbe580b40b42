package org.ts4kit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensTest {
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Tokens.forEach(text, out::add);
        return out;
    }

    @Test
    void runsOfLettersAndDigitsInLowerCase() {
        assertEquals(List.of("mods", "creator", "buff", "happy", "package"), tokens("Mods/Creator/buff_Happy.package"));
        assertEquals(List.of("kühlschrank", "2"), tokens("Kühlschrank #2"));
        assertEquals(List.of("i", "ŧ"), tokens("İ Ŧ"), "one code point to one: no combining dot after i");
        assertEquals(List.of(), tokens("  _-_ !"));
    }

    /** A token is its own only token: what the index holds, a query typed from it finds. */
    @Test
    void everyTokenTokenizesToItself() {
        Random random = new Random(5);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                sb.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x3000) : 'A' + random.nextInt(58));
            }
            for (String t : tokens(sb.toString())) {
                assertEquals(List.of(t), tokens(t), sb.toString());
            }
        }
    }
}
