package org.ts4kit.testkit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.ts4kit.resource.ImageFormat;
import org.ts4kit.resource.ImageInfo;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.StringTable;
import org.ts4kit.resource.TuningHeader;

/** The generator's resources are what ts4kit's own decoders expect of real ones. */
class ResourceFactoryTest {
    private final SplittableRandom rnd = new SplittableRandom(5);

    @Test
    void imagesCarryTheirFormatAndSize() {
        assertImage(ImageInfo.sniff(ResourceFactory.dstImage(rnd, 128, 64)), ImageFormat.DST, 128, 64);
        assertImage(ImageInfo.sniff(ResourceFactory.pngImage(rnd, 256, 128)), ImageFormat.PNG, 256, 128);
        assertImage(ImageInfo.sniff(ResourceFactory.rle2Image(rnd, 64, 32)), ImageFormat.RLE2, 64, 32);
        assertImage(ImageInfo.sniff(ResourceFactory.jpegImage(rnd, 104, 148)), ImageFormat.JPEG, 104, 148);
    }

    @Test
    void theJpegHeaderIsOneARealDecoderReads() throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(ResourceFactory.jpegImage(rnd, 40, 30)))) {
            reader.setInput(in);
            assertEquals(40, reader.getWidth(0));
            assertEquals(30, reader.getHeight(0));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void stringTablesNameMapsAndTuningDecode() throws Exception {
        assertEquals(17, StringTable.decode("stbl", ResourceFactory.stringTable(rnd, 17)).count());
        NameMap map = NameMap.decode("map", ResourceFactory.nameMap(new long[] {5, 9}, new String[] {"a", "b"}, 2));
        assertEquals("b", map.nameOf(9));
        TuningHeader h = TuningHeader.sniff(TuningXml.generate(rnd, "Mod_Buff", 0x8000_0000_0000_0001L, 2000));
        assertNotNull(h);
        assertEquals("Mod_Buff", h.name());
        assertEquals(0x8000_0000_0000_0001L, h.instance());
    }

    private static void assertImage(ImageInfo info, ImageFormat format, int width, int height) {
        assertEquals(format, info.format());
        assertEquals(width, info.width());
        assertEquals(height, info.height());
    }
}
