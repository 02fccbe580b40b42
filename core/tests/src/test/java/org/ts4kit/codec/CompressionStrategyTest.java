package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ts4kit.resource.ResourceTypes;

/** The measured table's choices, row by row, and the rules around it: size, the bytes, the saving. */
class CompressionStrategyTest {
    static final CompressionStrategy TABLE = CompressionStrategy.measured();
    static final CompressionStrategy.Choice TEXT = CompressionStrategy.Choice.brotli(5);
    static final byte[] BINARY = TestData.runs(1, 4096, 20);
    static final byte[] XML = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<I c=\"Buff\" n=\"x\" s=\"1\"><T n=\"a\">1</T></I>"
            .repeat(20).getBytes(StandardCharsets.UTF_8);

    static CompressionStrategy.Choice choose(int type, byte[] data) {
        return TABLE.choose(type, data, 0, data.length);
    }

    @Test
    void textTypesUseBrotliQuality5() {
        for (int type : new int[] {ResourceTypes.STRING_TABLE, ResourceTypes.SIM_DATA, ResourceTypes.NAME_MAP, ResourceTypes.CAS_PART,
            ResourceTypes.OBJECT_DEFINITION, ResourceTypes.XML, ResourceTypes.TUNING, ResourceTypes.COMBINED_TUNING, 0x02D5DF13}) {
            assertEquals(TEXT, choose(type, BINARY), ResourceTypes.nameOrHex(type));
            assertEquals(TEXT, TABLE.row(type));
        }
        assertEquals("brotli q5", TABLE.describe(ResourceTypes.STRING_TABLE));
    }

    @Test
    void dxtImagesUseLz4AndCompressedImagesAreNotTried() {
        assertEquals(CompressionStrategy.Choice.LZ4, choose(ResourceTypes.DST_IMAGE, BINARY));
        assertEquals(CompressionStrategy.Choice.LZ4, choose(ResourceTypes.RLE2_IMAGE, BINARY));
        assertEquals(CompressionStrategy.Choice.NONE, choose(ResourceTypes.PNG_IMAGE, BINARY));
        assertEquals(CompressionStrategy.Choice.NONE, choose(0x3C1AF1F2, BINARY)); // CAS part thumbnail, JPEG
        assertEquals(CompressionStrategy.Choice.NONE, choose(0xE88DB35F, BINARY)); // the real samples' JPEG thumbnails
        assertEquals("lz4", TABLE.describe(ResourceTypes.DST_IMAGE));
        assertEquals("none", TABLE.describe(ResourceTypes.PNG_IMAGE));
    }

    /** About a hundred tuning types have no row: their bytes say they are XML. */
    @Test
    void typesWithoutARowAreJudgedByTheirFirstBytes() {
        int buffTuning = 0x6017E896;
        assertNull(TABLE.row(buffTuning));
        assertEquals("by content", TABLE.describe(buffTuning));
        assertEquals(TEXT, choose(buffTuning, XML));
        assertEquals(TEXT, choose(0x12345678, ("\uFEFF  \r\n" + new String(XML, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)),
                "after a byte-order mark and white space");
        assertEquals(CompressionStrategy.Choice.LZ4, choose(0x12345678, BINARY));
        byte[] png = BINARY.clone();
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        assertEquals(CompressionStrategy.Choice.NONE, choose(0x12345678, png));
        byte[] jpeg = BINARY.clone();
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        assertEquals(CompressionStrategy.Choice.NONE, choose(0x12345678, jpeg));
        byte[] lessThan = BINARY.clone();
        lessThan[0] = '<';
        lessThan[1] = '3';
        assertEquals(CompressionStrategy.Choice.LZ4, choose(0x12345678, lessThan), "'<' then a digit is not markup");
    }

    @Test
    void sizeComesBeforeTheRow() {
        for (int type : new int[] {ResourceTypes.STRING_TABLE, ResourceTypes.DST_IMAGE, 0x12345678}) {
            assertEquals(CompressionStrategy.Choice.NONE, TABLE.choose(type, XML, 0, 63), "under 64 bytes nothing is tried");
        }
        assertEquals(CompressionStrategy.Choice.LZ4, TABLE.choose(ResourceTypes.STRING_TABLE, XML, 0, 64));
        assertEquals(CompressionStrategy.Choice.LZ4, TABLE.choose(ResourceTypes.STRING_TABLE, XML, 0, 127), "Brotli from 128 bytes");
        assertEquals(TEXT, TABLE.choose(ResourceTypes.STRING_TABLE, XML, 0, 128));
        assertEquals(CompressionStrategy.Choice.NONE, TABLE.choose(ResourceTypes.PNG_IMAGE, XML, 0, 64));
    }

    @Test
    void aMethodMustSaveTenPercent() {
        assertEquals(90, CompressionStrategy.maxPayload(100));
        assertEquals(57, CompressionStrategy.maxPayload(64)); // 6.4 rounds up to 7 bytes saved
        assertEquals(0, CompressionStrategy.maxPayload(1));
        assertEquals(0, CompressionStrategy.maxPayload(0));
        assertEquals(1_932_735_267, CompressionStrategy.maxPayload((int) Limits.HARD_MAX_RESOURCE_BYTES), "no overflow");
    }

    @Test
    void choicesPrintAsReportsShowThem() {
        assertEquals("brotli q5", TEXT.toString());
        assertEquals("lz4", CompressionStrategy.Choice.LZ4.toString());
        assertEquals("none", CompressionStrategy.Choice.NONE.toString());
    }
}
