package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceTypesTest {
    @Test
    void namesTheTypesThePackageReaderMeetsMost() {
        assertEquals("StringTable", ResourceTypes.name(0x220557DA));
        assertEquals("NameMap", ResourceTypes.name(0x0166038C));
        assertEquals("SimData", ResourceTypes.name(0x545AC67A));
        assertEquals("CASPart", ResourceTypes.name(0x034AEECB));
        assertEquals("DSTImage", ResourceTypes.name(0x00B2D882));
        assertEquals("RLE2Image", ResourceTypes.name(0x3453CF95));
        assertEquals("PNGImage", ResourceTypes.name(0x2F7D0004));
        assertEquals("ObjectDefinition", ResourceTypes.name(0xC0DB5AE7));
        assertEquals("ObjectCatalog", ResourceTypes.name(0x319E4F1D));
        assertEquals("CombinedTuning", ResourceTypes.name(0x62E94D38));
        assertEquals("ObjectTuning", ResourceTypes.name(0xB61DE6B4));
    }

    @Test
    void unknownTypesHaveNoNameButPrintAsHex() {
        assertNull(ResourceTypes.name(0x12345678));
        assertEquals("0x12345678", ResourceTypes.nameOrHex(0x12345678));
        assertEquals("StringTable", ResourceTypes.nameOrHex(0x220557DA));
    }

    @Test
    void tuningTypesAreTheXmlOnes() {
        assertTrue(ResourceTypes.isTuning(0x6017E896)); // buff
        assertTrue(ResourceTypes.isTuning(0xCB5FDDC7)); // trait
        assertTrue(ResourceTypes.isTuning(0x0333406C)); // generic XML
        assertTrue(ResourceTypes.isTuning(0x03B33DDF)); // module tuning
        assertFalse(ResourceTypes.isTuning(0x220557DA));
        assertFalse(ResourceTypes.isTuning(0x02D5DF13)); // ASM: XML, but not tuning
        assertFalse(ResourceTypes.isTuning(0x12345678));
    }

    @Test
    void theKnownMapIsInUnsignedIdOrderWithUniqueNamesAndCannotBeChanged() {
        Map<Integer, String> known = ResourceTypes.known();
        assertTrue(known.size() > 100, "size " + known.size());
        Integer previous = null;
        Set<String> names = new HashSet<>();
        for (Map.Entry<Integer, String> e : known.entrySet()) {
            if (previous != null) {
                assertTrue(Integer.compareUnsigned(previous, e.getKey()) < 0);
            }
            previous = e.getKey();
            assertTrue(names.add(e.getValue().toLowerCase(java.util.Locale.ROOT)), "name twice: " + e.getValue());
            assertEquals(e.getValue(), ResourceTypes.name(e.getKey()));
        }
        assertThrows(UnsupportedOperationException.class, () -> known.put(1, "x"));
    }

    @Test
    void namesLeadBackToTheirIds() {
        assertEquals(OptionalInt.of(0x220557DA), ResourceTypes.byName("stringtable"));
        assertEquals(OptionalInt.empty(), ResourceTypes.byName("NoSuchType"));
    }
}
