package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    static final int MAX_JPEG_SEGMENTS = 256;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int DDS_MAGIC = fourCC("DDS ");
    private static final int RLE2_VERSION = fourCC("RLE2");
    private static final int RLES_VERSION = fourCC("RLES");

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

    /** Sniffs {@code data[off, off + len)}. */
    public static ImageInfo sniff(byte[] data, int off, int len) {
        return sniff(ByteBuffer.wrap(data, off, len));
    }

    /** Sniffs the bytes between the buffer's position and limit; the buffer is not moved. */
    public static ImageInfo sniff(ByteBuffer data) {
        ByteBuffer b = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        int n = b.remaining();
        if (n >= 8 && matches(b, 0, PNG_SIGNATURE)) {
            return png(b);
        }
        if (n >= 3 && (b.get(0) & 0xFF) == 0xFF && (b.get(1) & 0xFF) == 0xD8 && (b.get(2) & 0xFF) == 0xFF) {
            return jpeg(b);
        }
        if (n >= 4 && b.getInt(0) == DDS_MAGIC) {
            return dds(b);
        }
        if (n >= 8 && (b.getInt(4) == RLE2_VERSION || b.getInt(4) == RLES_VERSION)) {
            ImageFormat f = b.getInt(4) == RLE2_VERSION ? ImageFormat.RLE2 : ImageFormat.RLES;
            String fc = fourCCText(b.getInt(0));
            return n >= 12 ? new ImageInfo(f, b.getShort(8) & 0xFFFF, b.getShort(10) & 0xFFFF, fc) : new ImageInfo(f, -1, -1, fc);
        }
        return new ImageInfo(ImageFormat.UNKNOWN, -1, -1, null);
    }

    private static ImageInfo png(ByteBuffer b) {
        // 8 signature, then the first chunk: u32 length, "IHDR", u32 width, u32 height (big-endian)
        if (b.remaining() >= 24 && b.get(12) == 'I' && b.get(13) == 'H' && b.get(14) == 'D' && b.get(15) == 'R') {
            long w = b.order(ByteOrder.BIG_ENDIAN).getInt(16) & 0xFFFF_FFFFL;
            long h = b.getInt(20) & 0xFFFF_FFFFL;
            if (w <= Integer.MAX_VALUE && h <= Integer.MAX_VALUE) {
                return new ImageInfo(ImageFormat.PNG, (int) w, (int) h, null);
            }
        }
        return new ImageInfo(ImageFormat.PNG, -1, -1, null);
    }

    private static ImageInfo jpeg(ByteBuffer b) {
        int n = b.remaining();
        int p = 2; // after SOI
        for (int segments = 0; segments < MAX_JPEG_SEGMENTS; segments++) {
            if (p >= n || (b.get(p) & 0xFF) != 0xFF) {
                break; // not at a marker: damaged or not what we think
            }
            while (p < n && (b.get(p) & 0xFF) == 0xFF) {
                p++; // markers may be padded with any number of 0xFF fill bytes
            }
            if (p >= n) {
                break;
            }
            int marker = b.get(p++) & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                continue; // TEM, RSTn, SOI: no length field
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break; // end of image or start of scan before any frame header
            }
            if (p + 2 > n) {
                break;
            }
            int len = ((b.get(p) & 0xFF) << 8) | (b.get(p + 1) & 0xFF);
            if (len < 2) {
                break;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                // length, precision, height, width
                if (p + 7 > n) {
                    break;
                }
                int h = ((b.get(p + 3) & 0xFF) << 8) | (b.get(p + 4) & 0xFF);
                int w = ((b.get(p + 5) & 0xFF) << 8) | (b.get(p + 6) & 0xFF);
                return new ImageInfo(ImageFormat.JPEG, w, h, null);
            }
            p += len; // int: p < n <= 2^31 - 1 and len <= 65535, cannot overflow past the check above
        }
        return new ImageInfo(ImageFormat.JPEG, -1, -1, null);
    }

    private static ImageInfo dds(ByteBuffer b) {
        int n = b.remaining();
        String fc = n >= 88 ? fourCCText(b.getInt(84)) : null;
        ImageFormat f = fc != null && (fc.equals("DST1") || fc.equals("DST3") || fc.equals("DST5")) ? ImageFormat.DST : ImageFormat.DDS;
        if (n < 20) {
            return new ImageInfo(f, -1, -1, fc);
        }
        long h = b.getInt(12) & 0xFFFF_FFFFL;
        long w = b.getInt(16) & 0xFFFF_FFFFL;
        if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            return new ImageInfo(f, -1, -1, fc);
        }
        return new ImageInfo(f, (int) w, (int) h, fc);
    }

    private static boolean matches(ByteBuffer b, int at, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (b.get(at + i) != magic[i]) {
                return false;
            }
        }
        return true;
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
