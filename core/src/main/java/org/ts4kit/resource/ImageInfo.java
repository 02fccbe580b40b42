package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * An image resource's format and, where its header says, its size, found from the first bytes
 * without decoding pixels.
 *
 * <pre>{@code
 * ImageInfo img = ImageInfo.sniff(pkg.read(e));
 * if (img.hasSize()) System.out.println(img.format() + " " + img.width() + "x" + img.height());
 * }</pre>
 *
 * <h2>Where the sizes come from</h2>
 * <ul>
 *   <li>PNG: the IHDR chunk that must follow the signature (width, height: u32 big-endian).</li>
 *   <li>JPEG: the first start-of-frame marker (SOF0–SOF15, except DHT {@code C4}, JPG {@code C8}
 *       and DAC {@code CC}, which share the range), walking the segments before it by their
 *       lengths; stops at start-of-scan, end-of-image or after 256
 *       segments.</li>
 *   <li>DDS and DST: {@code "DDS "}, then the 124-byte header: height at offset 12, width at 16
 *       (u32 little-endian), pixel-format fourCC at 84. Sims 4 DST images are DDS files whose
 *       fourCC is {@code DST1}/{@code DST3}/{@code DST5}; DST resources may also hold plain DDS
 *       (DXT5, uncompressed RGBA), reported as {@link ImageFormat#DDS}.</li>
 *   <li>RLE2/RLES: fourCC of the underlying DXT ({@code DXT5}, or {@code L8}) at 0, version
 *       {@code RLE2}/{@code RLES} at 4, then u16 width, u16 height, u16 mip count (layout as read
 *       by s4pi's {@code RLEResource} and s4pkg).</li>
 * </ul>
 * Sizes are reported as read; nothing checks that the pixel data is really there. A sniffer
 * never throws on content and never reads past the buffer; too-short input gives
 * {@link ImageFormat#UNKNOWN} or a format without a size.
 */
public final class ImageInfo {
    private static final int MAX_JPEG_SEGMENTS = 256;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int DDS_MAGIC = fourCC("DDS ");
    private static final int RLE2_VERSION = fourCC("RLE2");
    private static final int RLES_VERSION = fourCC("RLES");
    private static final int DST1 = fourCC("DST1");
    private static final int DST3 = fourCC("DST3");
    private static final int DST5 = fourCC("DST5");

    private final ImageFormat format;
    private final int width;
    private final int height;
    private final String fourCC;

    private ImageInfo(ImageFormat format, int width, int height, String fourCC) {
        this.format = format;
        this.width = width;
        this.height = height;
        this.fourCC = fourCC;
    }

    /** Sniffs a whole array. */
    public static ImageInfo sniff(byte[] data) {
        return sniff(ByteBuffer.wrap(data));
    }

    /** Sniffs the bytes between the buffer's position and limit; the buffer is not moved. */
    public static ImageInfo sniff(ByteBuffer data) {
        ImageFormat format = formatOf(data);
        long size = sizeOf(format, data);
        int base = data.position();
        int n = data.remaining();
        String fc = null;
        if ((format == ImageFormat.DDS || format == ImageFormat.DST) && n >= 88) {
            fc = fourCCText(le32(data, base + 84));
        } else if (format == ImageFormat.RLE2 || format == ImageFormat.RLES) {
            fc = fourCCText(le32(data, base));
        }
        return size < 0 ? new ImageInfo(format, -1, -1, fc) : new ImageInfo(format, (int) (size >>> 32), (int) size, fc);
    }

    /**
     * The size the header of an image in {@code data} (position to limit) states, packed as
     * {@code width << 32 | height}; -1 when it is not an image or its header does not say. Reads
     * a few dozen bytes in place and allocates nothing: the per-resource path of {@link ResourceDetails}.
     */
    static long packedSize(ByteBuffer data) {
        return sizeOf(formatOf(data), data);
    }

    private static ImageFormat formatOf(ByteBuffer b) {
        int base = b.position();
        int n = b.remaining();
        if (n >= 8 && matches(b, base, PNG_SIGNATURE)) {
            return ImageFormat.PNG;
        }
        if (n >= 3 && u8(b, base) == 0xFF && u8(b, base + 1) == 0xD8 && u8(b, base + 2) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (n >= 4 && le32(b, base) == DDS_MAGIC) {
            int fc = n >= 88 ? le32(b, base + 84) : 0;
            return fc == DST1 || fc == DST3 || fc == DST5 ? ImageFormat.DST : ImageFormat.DDS;
        }
        if (n >= 8 && (le32(b, base + 4) == RLE2_VERSION || le32(b, base + 4) == RLES_VERSION)) {
            return le32(b, base + 4) == RLE2_VERSION ? ImageFormat.RLE2 : ImageFormat.RLES;
        }
        return ImageFormat.UNKNOWN;
    }

    private static long sizeOf(ImageFormat format, ByteBuffer b) {
        int base = b.position();
        int n = b.remaining();
        switch (format) {
            case PNG:
                return pngSize(b, base, n);
            case JPEG:
                return jpegSize(b, base, n);
            case DDS:
            case DST:
                // "DDS ", then the 124-byte header: height at 12, width at 16
                return n >= 20 ? pack(le32(b, base + 16) & 0xFFFF_FFFFL, le32(b, base + 12) & 0xFFFF_FFFFL) : -1;
            case RLE2:
            case RLES:
                return n >= 12 ? pack(le16(b, base + 8), le16(b, base + 10)) : -1;
            default:
                return -1;
        }
    }

    private static long pngSize(ByteBuffer b, int base, int n) {
        // 8 signature, then the first chunk: u32 length, "IHDR", u32 width, u32 height (big-endian)
        if (n >= 24 && u8(b, base + 12) == 'I' && u8(b, base + 13) == 'H' && u8(b, base + 14) == 'D' && u8(b, base + 15) == 'R') {
            return pack(be32(b, base + 16) & 0xFFFF_FFFFL, be32(b, base + 20) & 0xFFFF_FFFFL);
        }
        return -1;
    }

    private static long jpegSize(ByteBuffer b, int base, int n) {
        int p = 2; // after SOI
        for (int segments = 0; segments < MAX_JPEG_SEGMENTS; segments++) {
            if (p >= n || u8(b, base + p) != 0xFF) {
                break; // not at a marker: damaged or not what we think
            }
            while (p < n && u8(b, base + p) == 0xFF) {
                p++; // markers may be padded with any number of 0xFF fill bytes
            }
            if (p >= n) {
                break;
            }
            int marker = u8(b, base + p++);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                continue; // TEM, RSTn, SOI: no length field
            }
            if (marker == 0xD9 || marker == 0xDA || p + 2 > n) {
                break; // end of image or start of scan before any frame header, or cut off
            }
            int len = be16(b, base + p);
            if (len < 2) {
                break;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                // length, precision, height, width
                return p + 7 > n ? -1 : pack(be16(b, base + p + 5), be16(b, base + p + 3));
            }
            p += len; // int: p < n <= 2^31 - 1 and len <= 65535, cannot overflow past the check above
        }
        return -1;
    }

    /** Width and height in one long; -1 when either does not fit an int. */
    private static long pack(long width, long height) {
        return width > Integer.MAX_VALUE || height > Integer.MAX_VALUE ? -1 : width << 32 | height;
    }

    private static boolean matches(ByteBuffer b, int at, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (b.get(at + i) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    // Absolute reads by hand: the caller's buffer keeps its byte order, and no slice is made.
    private static int u8(ByteBuffer b, int at) {
        return b.get(at) & 0xFF;
    }

    private static int le16(ByteBuffer b, int at) {
        return u8(b, at) | u8(b, at + 1) << 8;
    }

    private static int be16(ByteBuffer b, int at) {
        return u8(b, at) << 8 | u8(b, at + 1);
    }

    private static int le32(ByteBuffer b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }

    private static int be32(ByteBuffer b, int at) {
        return be16(b, at) << 16 | be16(b, at + 2);
    }

    private static int fourCC(String s) {
        return s.charAt(0) | s.charAt(1) << 8 | s.charAt(2) << 16 | s.charAt(3) << 24;
    }

    /** A fourCC as text when it is printable ASCII ({@code "DXT5"}), null for 0, hex otherwise. */
    private static String fourCCText(int v) {
        if (v == 0) {
            return null;
        }
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int ch = (v >>> (8 * i)) & 0xFF;
            if (ch < 0x20 || ch > 0x7E) {
                return String.format(Locale.ROOT, "0x%08X", v);
            }
            c[i] = (char) ch;
        }
        return new String(c);
    }

    public ImageFormat format() {
        return format;
    }

    /** Width in pixels, or -1 when the header does not say (or was cut off). */
    public int width() {
        return width;
    }

    /** Height in pixels, or -1 when the header does not say (or was cut off). */
    public int height() {
        return height;
    }

    public boolean hasSize() {
        return width >= 0 && height >= 0;
    }

    /**
     * For DDS, DST and RLE images the pixel-format fourCC ({@code "DST5"}, {@code "DXT5"},
     * {@code "L8  "}); null for other formats and for uncompressed DDS, which has none.
     */
    public String fourCC() {
        return fourCC;
    }

    @Override
    public String toString() {
        return format + (hasSize() ? " " + width + "x" + height : "") + (fourCC != null ? " " + fourCC : "");
    }
}
