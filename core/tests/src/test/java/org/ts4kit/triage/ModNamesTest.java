package org.ts4kit.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModNamesTest {
    @Test
    void theStemDropsVersionsCopiesAndNumbers() {
        assertEquals("creator mod", ModNames.stem("Mods/Creator_Mod_v1.2.package"));
        assertEquals("creator mod", ModNames.stem("creator-mod (3).package"));
        assertEquals("mc cmd center", ModNames.stem("MCCC/mc_cmd_center_2024_9_1.package"));
        assertEquals("better build", ModNames.stem("Better Build - Copy.package"));
        assertEquals("", ModNames.stem("2024.package"));
        assertEquals("x", ModNames.stem("a.zip!/inner/x_v2.package"));
    }

    @Test
    void alikeNamesHaveOneNonEmptyStem() {
        assertTrue(ModNames.alike("BetterBuild_v1.2.package", "Old/betterbuild_v1.3.package"));
        assertFalse(ModNames.alike("Hair_01.package", "Shoes_01.package"));
        assertFalse(ModNames.alike("01.package", "02.package"), "numbers alone say nothing");
    }

    @Test
    void oneCreatorIsOneSubfolderOrOneNamePrefix() {
        assertTrue(ModNames.sameCreator("Sorbets/Hair.package", "Sorbets/Shoes.package"));
        assertTrue(ModNames.sameCreator("Sorbets_Hair.package", "x/sorbets-Shoes.package"));
        assertFalse(ModNames.sameCreator("Hair.package", "Shoes.package"), "the top of Mods is no one's folder");
        assertFalse(ModNames.sameCreator("Gameplay/ModA_Careers.package", "Overhauls/Zed_Careers.package"));
        assertFalse(ModNames.sameCreator("ab.package", "ab.package.bak"), "a prefix needs a separator after it");
    }

    @Test
    void severityComesFromTheTypeAndIdenticalCopiesHaveNone() {
        assertEquals(Severity.HIGH, Severity.of(0x545AC67A)); // SimData
        assertEquals(Severity.HIGH, Severity.of(0x6017E896)); // buff tuning
        assertEquals(Severity.MEDIUM, Severity.of(0x034AEECB)); // CAS part
        assertEquals(Severity.MEDIUM, Severity.of(0x220557DA)); // string table
        assertEquals(Severity.MEDIUM, Severity.of(0x12345678), "an unknown type counts as medium");
        assertEquals(Severity.LOW, Severity.of(0x00B2D882)); // DST image
        assertEquals(Severity.LOW, Severity.of(0x3C1AF1F2)); // CAS thumbnail
        assertEquals(Severity.NONE, Severity.of(0x545AC67A, true));
        assertEquals(Severity.HIGH, Severity.parse(" High "));
        assertEquals("override", ConflictKind.of(false).label());
    }
}
