package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ts4kit.testkit.Seeds;

class TuningHeaderTest {
    private static final String BUFF = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
            + "<I c=\"Buff\" i=\"buff\" m=\"buffs.buff\" n=\"MyMod:Buff_Happy\" s=\"12345678901234567890\">\r\n"
            + "  <T n=\"visible\">True</T>\r\n</I>\r\n";

    private static TuningHeader sniff(String xml) {
        return TuningHeader.sniff(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheRootOfInstanceTuning() {
        TuningHeader h = sniff(BUFF);

        assertEquals("I", h.root());
        assertFalse(h.isModule());
        assertEquals("Buff", h.className());
        assertEquals("buff", h.instanceType());
        assertEquals("buffs.buff", h.module());
        assertEquals("MyMod:Buff_Happy", h.name());
        assertTrue(h.hasInstance());
        assertEquals("12345678901234567890", Long.toUnsignedString(h.instance())); // above Long.MAX_VALUE
        assertEquals("12345678901234567890", h.instanceText());
    }

    @Test
    void readsTheRootOfModuleTuning() {
        TuningHeader h = sniff("<?xml version=\"1.0\"?><M n=\"sims4.tuning.instances\" s=\"42\"><T n=\"x\">1</T></M>");

        assertTrue(h.isModule());
        assertEquals("sims4.tuning.instances", h.name());
        assertEquals(42, h.instance());
        assertNull(h.className());
        assertNull(h.module());
    }

    @Test
    void attributesMayComeInAnyOrderWithEitherQuoteAndSpacesAroundTheEqualsSign() {
        TuningHeader h = sniff("<I\n\ts = '99'  n\t=\t\"a 'quoted' name\" c='Snippet' i=\"snippet\" m='snippets' >");

        assertEquals(99, h.instance());
        assertEquals("a 'quoted' name", h.name());
        assertEquals("Snippet", h.className());
        assertEquals("snippets", h.module());
    }

    @Test
    void entitiesInValuesAreDecoded() {
        TuningHeader h = sniff("<I n=\"Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; &apos;y&apos; &#65;&#x42; &unknown; &amp\" s=\"1\"/>");
        assertEquals("Tom & Jerry <3 > \"x\" 'y' AB &unknown; &amp", h.name());
    }

    @Test
    void skipsTheBomCommentsDoctypeAndProcessingInstructionsBeforeTheRoot() {
        String xml = "\uFEFF  <?xml version=\"1.0\"?>\n<!-- made by a tool, <I n=\"not this\"> -->\n"
                + "<!DOCTYPE I [ <!ENTITY x \"y\"> ]>\n<?tool hint?>\n<I n=\"real\" s=\"7\"></I>";
        TuningHeader h = sniff(xml);
        assertEquals("real", h.name());
        assertEquals(7, h.instance());
    }

    @Test
    void utf16WithAByteOrderMarkIsReadToo() {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><I n=\"wide ☃\" s=\"5\"/>";
        byte[] le = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE);
        byte[] be = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16BE);
        assertEquals("wide ☃", TuningHeader.sniff(le).name());
        assertEquals(5, TuningHeader.sniff(be).instance());
    }

    @Test
    void aRootAfterALongCommentIsFoundButNotPastTheScanLimit() {
        String near = "<!--" + "x".repeat(20_000) + "-->" + "<I n=\"after comment\" s=\"1\">";
        assertEquals("after comment", sniff(near).name());

        String far = "<!--" + "x".repeat(TuningHeader.MAX_SCAN) + "-->" + "<I n=\"too far\" s=\"1\">";
        assertNull(sniff(far));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "not xml <I n=\"x\">", "\u0000\u0001\u0002DATA", "<ASM name=\"x\">", "<combined><I n=\"x\"/></combined>",
        "<Instance n=\"x\" s=\"1\">", "<I n=\"unterminated", "<I n=\"x\" s=\"1\"", "<I n=x s=1>", "<I n=\"a\"s=\"1\">",
        "<I n=\"a<b\" s=\"1\">", "<!-- never closed <I n=\"x\">", "<?xml version=\"1.0\"", "<", "<I", "<I /", "<I /x>"})
    void answersNullForAnythingButACompleteTuningRoot(String text) {
        assertNull(sniff(text), text);
    }

    @Test
    void anInstanceThatIsNotAnUnsignedDecimalIsKeptAsText() {
        for (String s : new String[] {"0x10", "-1", "18446744073709551616", "", "12 ", "+5", "١٢"}) {
            TuningHeader h = sniff("<I n=\"x\" s=\"" + s + "\">");
            assertNotNull(h, s);
            assertFalse(h.hasInstance(), s);
            assertEquals(0, h.instance(), s);
            assertEquals(s, h.instanceText());
        }
        assertEquals(-1L, sniff("<I s=\"18446744073709551615\">").instance());
        assertFalse(sniff("<I n=\"no instance\">").hasInstance());
    }

    @Test
    void aByteBufferIsReadFromItsPositionAndNotMoved() {
        byte[] bytes = ("junk" + BUFF).getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(bytes).position(4);
        assertEquals("MyMod:Buff_Happy", TuningHeader.sniff(buf).name());
        assertEquals(4, buf.position());

        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).position(4);
        assertEquals("buff", TuningHeader.sniff(direct).instanceType());
        assertEquals("buffs.buff", TuningHeader.sniff(ByteBuffer.wrap(bytes, 4, bytes.length - 4).slice()).module());
    }

    @Test
    void everyTruncationGivesNullOrTheSameHeaderAndNeverThrows() {
        byte[] full = BUFF.getBytes(StandardCharsets.UTF_8);
        int tagEnd = BUFF.indexOf('>', BUFF.indexOf("<I")) + 1; // ASCII up to here, so chars = bytes
        for (int k = 0; k <= full.length; k++) {
            TuningHeader h = TuningHeader.sniff(Arrays.copyOf(full, k));
            if (k < tagEnd) {
                assertNull(h, "cut at " + k);
            } else {
                assertEquals("MyMod:Buff_Happy", h.name(), "cut at " + k);
            }
        }
    }

    @Test
    void randomBytesAndMutatedTuningNeverThrow() {
        long seed = Seeds.seed("TuningHeaderTest.random");
        Random rnd = new Random(seed);
        byte[] valid = BUFF.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = HostileInput.mutate(valid, rnd);
            try {
                TuningHeader h = TuningHeader.sniff(input);
                if (h != null) {
                    assertTrue(h.root().equals("I") || h.root().equals("M"));
                }
            } catch (RuntimeException e) {
                fail("round " + i + ", " + Seeds.reproduce(seed) + ": " + e + " for " + HostileInput.hex(input), e);
            }
        }
    }
}
