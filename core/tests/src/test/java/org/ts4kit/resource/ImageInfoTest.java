package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.ts4kit.testkit.Seeds;

class ImageInfoTest {

    /** A real encoder's output, so the sniffer is checked against more than our own idea of the format. */
    static byte[] encode(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "no " + format + " writer");
        return out.toByteArray();
    }

    /** The 128-byte header of a DDS: magic, header size 124, flags, height, width…, fourCC at 84. */
    static byte[] dds(int width, int height, String fourCC) {
        ByteBuffer b = ByteBuffer.allocate(128 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put("DDS ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(124).putInt(0x0000_1007);
        b.putInt(height).putInt(width);
        b.position(76).putInt(32).putInt(fourCC == null ? 0x41 : 0x4);
        if (fourCC != null) {
            b.put(fourCC.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return b.array();
    }

    static byte[] rle(String version, int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(16 + 20).order(ByteOrder.LITTLE_ENDIAN);
        b.put("DXT5".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(version.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putShort((short) width).putShort((short) height).putShort((short) 1).putShort((short) 0);
        return b.array();
    }

    @Test
    void pngSizeComesFromIhdr() throws IOException {
        ImageInfo info = ImageInfo.sniff(encode("png", 37, 21));
        assertEquals(ImageFormat.PNG, info.format());
        assertEquals(37, info.width());
        assertEquals(21, info.height());
        assertNull(info.fourCC());
    }

    @Test
    void jpegSizeComesFromTheFrameHeader() throws IOException {
        ImageInfo info = ImageInfo.sniff(encode("jpg", 130, 66));
        assertEquals(ImageFormat.JPEG, info.format());
        assertEquals(130, info.width());
        assertEquals(66, info.height());
    }

    @Test
    void jpegSegmentsBeforeTheFrameAreSkippedAndDhtIsNotMistakenForAFrame() {
        byte[] jpeg = {
            (byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, (byte) 0xE0, 0, 6, 'A', 'L', 'F', 'A',         // APP0 (the game's alpha thumbnails use one)
            (byte) 0xFF, (byte) 0xC4, 0, 7, 1, 2, 3, 4, 5,              // DHT: in the SOF range, but not a frame
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,                       // fill bytes before a marker
            (byte) 0xC2, 0, 11, 8, 0x01, 0x2C, 0x00, (byte) 0xC8, 3, 0, 0, 0, // SOF2: 8-bit, 300 high, 200 wide
            (byte) 0xFF, (byte) 0xD9};
        ImageInfo info = ImageInfo.sniff(jpeg);
        assertEquals(200, info.width());
        assertEquals(300, info.height());
    }

    @Test
    void aJpegWithoutAFrameBeforeTheScanHasNoSize() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, (byte) 0xD9};
        ImageInfo info = ImageInfo.sniff(jpeg);
        assertEquals(ImageFormat.JPEG, info.format());
        assertFalse(info.hasSize());
        assertEquals(-1, info.width());
    }

    @Test
    void ddsWithADstFourCcIsDstAndOtherDdsIsDds() {
        ImageInfo dst = ImageInfo.sniff(dds(512, 256, "DST5"));
        assertEquals(ImageFormat.DST, dst.format());
        assertEquals(512, dst.width());
        assertEquals(256, dst.height());
        assertEquals("DST5", dst.fourCC());
        assertEquals(ImageFormat.DST, ImageInfo.sniff(dds(4, 4, "DST1")).format());
        assertEquals(ImageFormat.DST, ImageInfo.sniff(dds(4, 4, "DST3")).format());

        ImageInfo dxt = ImageInfo.sniff(dds(64, 32, "DXT5"));
        assertEquals(ImageFormat.DDS, dxt.format());
        assertEquals("DXT5", dxt.fourCC());

        ImageInfo rgba = ImageInfo.sniff(dds(40, 40, null));
        assertEquals(ImageFormat.DDS, rgba.format());
        assertNull(rgba.fourCC());
        assertEquals(40, rgba.width());
    }

    @Test
    void rleImagesCarryTheirSizeAfterTheVersion() {
        ImageInfo rle2 = ImageInfo.sniff(rle("RLE2", 1024, 2048));
        assertEquals(ImageFormat.RLE2, rle2.format());
        assertEquals(1024, rle2.width());
        assertEquals(2048, rle2.height());
        assertEquals("DXT5", rle2.fourCC());
        assertEquals(ImageFormat.RLES, ImageInfo.sniff(rle("RLES", 64, 64)).format());
        assertEquals("RLE2 1024x2048 DXT5", rle2.toString());
    }

    @Test
    void anythingElseIsUnknown() {
        assertEquals(ImageFormat.UNKNOWN, ImageInfo.sniff(new byte[0]).format());
        assertEquals(ImageFormat.UNKNOWN, ImageInfo.sniff("STBL\u0005".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).format());
        assertEquals(ImageFormat.UNKNOWN, ImageInfo.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}).format());
    }

    @Test
    void aBufferIsReadFromItsPositionWhateverItsByteOrder() {
        byte[] d = dds(8, 16, "DST5");
        byte[] padded = new byte[d.length + 5];
        System.arraycopy(d, 0, padded, 5, d.length);
        ByteBuffer buf = ByteBuffer.wrap(padded).position(5).order(ByteOrder.BIG_ENDIAN);
        assertEquals(8, ImageInfo.sniff(buf).width());
        assertEquals(5, buf.position());
        assertEquals(16, ImageInfo.sniff(ByteBuffer.wrap(padded, 5, d.length).slice()).height());
    }

    @Test
    void everyTruncationOfEveryFormatIsSafe() throws IOException {
        byte[][] samples = {encode("png", 3, 2), encode("jpg", 9, 7), dds(4, 4, "DST5"), dds(4, 4, null), rle("RLE2", 8, 8)};
        for (byte[] full : samples) {
            ImageFormat format = ImageInfo.sniff(full).format();
            for (int k = 0; k <= full.length; k++) {
                ImageInfo info = ImageInfo.sniff(Arrays.copyOf(full, k));
                // cut before its fourCC (offset 84) a DST cannot be told from any other DDS
                boolean dstSeenAsDds = format == ImageFormat.DST && info.format() == ImageFormat.DDS && k < 88;
                assertTrue(info.format() == format || info.format() == ImageFormat.UNKNOWN || dstSeenAsDds, format + " cut at " + k);
                if (info.hasSize()) {
                    assertEquals(ImageInfo.sniff(full).width(), info.width(), format + " cut at " + k);
                }
            }
        }
    }

    @Test
    void randomMutationsNeverThrow() throws IOException {
        long seed = Seeds.seed("ImageInfoTest.random");
        Random rnd = new Random(seed);
        byte[][] samples = {encode("png", 3, 2), encode("jpg", 9, 7), dds(4, 4, "DST5"), rle("RLES", 8, 8)};
        for (int i = 0; i < 20_000; i++) {
            byte[] input = HostileInput.mutate(samples[i % samples.length], rnd);
            try {
                ImageInfo info = ImageInfo.sniff(input);
                assertTrue(info.width() >= -1 && info.height() >= -1);
            } catch (RuntimeException e) {
                fail("round " + i + ", " + Seeds.reproduce(seed) + ": " + e + " for " + HostileInput.hex(input), e);
            }
        }
    }
}
