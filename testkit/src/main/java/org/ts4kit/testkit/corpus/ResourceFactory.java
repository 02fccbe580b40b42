package org.ts4kit.testkit.corpus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.ts4kit.resource.NameMapWriter;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTableWriter;

/**
 * Makes the bytes of the resource kinds a mod holds: string tables, name maps, tuning XML,
 * SimData-like and CAS-part-like binaries, and image-like resources (DST, PNG, RLE2, JPEG) with real
 * headers and plausible bodies. Deterministic for a given random state.
 */
final class ResourceFactory {
    static final int STBL = ResourceTypes.STRING_TABLE;
    static final int NAME_MAP = ResourceTypes.NAME_MAP;
    static final int SIMDATA = ResourceTypes.SIM_DATA;
    static final int CAS_PART = ResourceTypes.CAS_PART;
    static final int DST_IMAGE = ResourceTypes.DST_IMAGE;
    static final int RLE2_IMAGE = ResourceTypes.RLE2_IMAGE;
    static final int PNG_IMAGE = ResourceTypes.PNG_IMAGE;
    static final int CAS_THUMBNAIL = 0x3C1AF1F2;
    static final int OBJECT_DEFINITION = ResourceTypes.OBJECT_DEFINITION;
    static final int[] TUNING_TYPES = {0x0333406C, 0x62E94D38, 0x6017E896, 0xE882D22F, 0x03B33DDF, 0x7DF2169C};

    private static final String[] PHRASES = {
        "Feels great after a long nap", "This Sim is in a playful mood", "Cooking is more fun with friends",
        "Gain a small boost to Fitness", "Unlocks a new social interaction", "Happy", "Inspired", "Tense",
        "Ask about their day", "Throw a party", "Complete the aspiration to unlock a reward",
        "Customize the color of this object", "A very comfortable chair", "Nothing happens", "Confident",
    };

    /** The standard (JPEG Annex K) DC luminance Huffman table: code counts by length, for its 12 symbols. */
    private static final byte[] DC_LUMINANCE_CODE_COUNTS = {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};

    private ResourceFactory() {
    }

    /** A string table of {@code entries} player-facing lines with random key hashes. */
    static byte[] stringTable(SplittableRandom rnd, int entries) {
        StringTableWriter w = new StringTableWriter();
        for (int i = 0; i < entries; i++) {
            String text = PHRASES[rnd.nextInt(PHRASES.length)] + (rnd.nextInt(4) == 0 ? " (" + rnd.nextInt(1000) + ")" : "");
            w.add(rnd.nextInt(), text);
        }
        return w.toByteArray();
    }

    /** A name map: instance to name for the first {@code count} tuning files. */
    static byte[] nameMap(long[] instances, String[] names, int count) {
        NameMapWriter w = new NameMapWriter();
        for (int i = 0; i < count; i++) {
            w.add(instances[i], names[i]);
        }
        return w.toByteArray();
    }

    /** A SimData-like binary: the {@code DATA} magic, a small header, then structured tables. */
    static byte[] simData(SplittableRandom rnd, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(32, size)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("DATA".getBytes(StandardCharsets.US_ASCII)).putInt(0x101).putInt(24).putInt(1 + rnd.nextInt(8));
        while (b.remaining() >= 8) { // columns of small ints and floats, like real tables
            if (rnd.nextInt(3) == 0) {
                b.putFloat(rnd.nextInt(100) / 4f);
            } else {
                b.putInt(rnd.nextInt(16));
            }
            b.putInt(rnd.nextInt(4) == 0 ? rnd.nextInt() : 0);
        }
        return b.array();
    }

    /** A CAS-part-like binary: a version word, then mostly small structured values. */
    static byte[] casPart(SplittableRandom rnd, int size) {
        byte[] out = new byte[Math.max(16, size)];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x2C);
        for (int i = 4; i + 4 <= out.length; i += 4) {
            b.putInt(i, rnd.nextInt(5) == 0 ? rnd.nextInt() : rnd.nextInt(256));
        }
        return out;
    }

    /** A DST image: a DDS header with fourCC DST5 and dimensions, then a block-compressed-like body. */
    static byte[] dstImage(SplittableRandom rnd, int width, int height) {
        int body = Math.max(16, width * height); // DXT5-sized
        ByteBuffer b = ByteBuffer.allocate(128 + body).order(ByteOrder.LITTLE_ENDIAN);
        b.put("DDS ".getBytes(StandardCharsets.US_ASCII)).putInt(124).putInt(0x1007).putInt(height).putInt(width)
                .putInt(body).putInt(0).putInt(1);
        b.position(76);
        b.putInt(32).putInt(0x4).put("DST5".getBytes(StandardCharsets.US_ASCII));
        b.position(128);
        fillBlocks(rnd, b);
        return b.array();
    }

    /** An RLE2 image: fourCC DXT5, the RLE2 magic, u16 width, height and mip count, then run-length-like data. */
    static byte[] rle2Image(SplittableRandom rnd, int width, int height) {
        int body = Math.max(32, width * height / 4);
        ByteBuffer b = ByteBuffer.allocate(16 + body).order(ByteOrder.LITTLE_ENDIAN);
        b.put("DXT5".getBytes(StandardCharsets.US_ASCII)).put("RLE2".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) width).putShort((short) height).putShort((short) 1).putShort((short) 0);
        fillBlocks(rnd, b);
        return b.array();
    }

    /** A PNG with a real signature and IHDR chunk (with its CRC), then an IDAT-like body and IEND. */
    static byte[] pngImage(SplittableRandom rnd, int width, int height) {
        int body = Math.max(64, width * height / 8);
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + body + 12).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).order(ByteOrder.BIG_ENDIAN);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        b.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        byte[] idat = new byte[body];
        rnd.nextBytes(idat);
        b.putInt(body).put("IDAT".getBytes(StandardCharsets.US_ASCII)).put(idat).putInt(0);
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return b.array();
    }

    /**
     * A baseline JPEG's markers as an encoder writes them: SOI, an APP0 JFIF segment, a
     * quantisation table, the SOF0 frame header (8-bit, 3 components, the size), a Huffman table,
     * the scan header, entropy-coded-like bytes (no 0xFF, so no stray markers) and EOI.
     */
    static byte[] jpegImage(SplittableRandom rnd, int width, int height) {
        int body = Math.max(64, width * height / 16);
        ByteBuffer b = ByteBuffer.allocate(2 + 18 + 69 + 19 + 33 + 14 + body + 2).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) 0xFFD8);
        b.putShort((short) 0xFFE0).putShort((short) 16).put("JFIF\0".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1).put((byte) 1).put((byte) 0).putShort((short) 1).putShort((short) 1).put((byte) 0).put((byte) 0);
        b.putShort((short) 0xFFDB).putShort((short) 67).put((byte) 0);
        for (int i = 0; i < 64; i++) {
            b.put((byte) (1 + rnd.nextInt(99)));
        }
        b.putShort((short) 0xFFC0).putShort((short) 17).put((byte) 8).putShort((short) height).putShort((short) width).put((byte) 3);
        for (int c = 1; c <= 3; c++) {
            b.put((byte) c).put((byte) (c == 1 ? 0x22 : 0x11)).put((byte) (c == 1 ? 0 : 1));
        }
        b.putShort((short) 0xFFC4).putShort((short) 31).put((byte) 0).put(DC_LUMINANCE_CODE_COUNTS);
        for (int i = 0; i < 12; i++) {
            b.put((byte) i);
        }
        b.putShort((short) 0xFFDA).putShort((short) 12).put((byte) 3);
        for (int c = 1; c <= 3; c++) {
            b.put((byte) c).put((byte) 0);
        }
        b.put((byte) 0).put((byte) 63).put((byte) 0);
        for (int i = 0; i < body; i++) {
            b.put((byte) rnd.nextInt(0xFF));
        }
        b.putShort((short) 0xFFD9);
        return b.array();
    }

    /** Fills the rest of {@code b} with a mix of repeated blocks and noise, like compressed texture data. */
    private static void fillBlocks(SplittableRandom rnd, ByteBuffer b) {
        byte[] block = new byte[16];
        while (b.remaining() > 0) {
            if (rnd.nextInt(3) != 0) {
                rnd.nextBytes(block);
            }
            b.put(block, 0, Math.min(16, b.remaining()));
        }
    }


    private static int crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return (int) c.getValue();
    }




}
