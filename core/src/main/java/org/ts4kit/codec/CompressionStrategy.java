package org.ts4kit.codec;

import java.util.Arrays;

/**
 * Which method an {@link AdaptiveCompressor} tries for a resource, by type and size: a table measured
 * on the real samples ({@code shared/real-sample}, 449 resources) and the demo corpus
 * ({@code ts4kit gen DIR --packages 200 --seed 1}, 12,629 resources). Reproduce the figures with
 * {@code ts4kit compress-report DIR}; ratios below are compressed/original (lower is better), "real"
 * and "demo" for the two corpora, LZ4 then Brotli quality 5.
 *
 * <ul>
 *   <li>Under {@link #MIN_LENGTH} bytes: {@code NONE}. Not one resource under 64 B in either corpus
 *       compressed by 10% with either method.</li>
 *   <li>{@link #MIN_LENGTH} to {@link #BROTLI_FROM} bytes: LZ4 where the row says Brotli. Below 128 B LZ4 did as
 *       well as Brotli (demo 64–95 B: 89.3/95.3%, 96–127 B: 87.1/89.3%) at a fraction of the cost; from
 *       128 B Brotli wins (128–191 B: 86.8/81.9%).</li>
 *   <li>Text, Brotli q5: tuning XML (sniffed, below, so all ~100 tuning types need no row), and the types
 *       of the table that hold text: string tables (real 44.3/32.7%), SimData (real 72.9/54.5%), name maps
 *       (real 39.6/28.6%), CAS parts (real 53.5/45.8%, demo 82.2/52.3%), object definitions (demo
 *       92.3/57.5%), the XML types and animation state machines (real 8.3/4.1%). Quality 5: on tuning XML
 *       it gave 26.5% against q4's 28.8% and q3's 30.4% (demo), q6–q9 gained at most 0.7 points, q11
 *       2–3 points at ~1 MB/s.</li>
 *   <li>Images in DXT, LZ4: DST (real 4.2/2.5%, demo 72.9/69.2%) and RLE2 (demo 73.3/71.7%). Brotli's
 *       extra saving is small against LZ4's decoding speed, and these are the largest resources.</li>
 *   <li>Already compressed, {@code NONE} without trying: PNG (demo 100.5%), CAS part thumbnails (JPEG,
 *       100.1%), the JPEG thumbnails of type {@code E88DB35F} (real 99.0%), and any resource starting with a
 *       PNG or JPEG signature.</li>
 *   <li>Any other type: LZ4, kept only when it saves (below).</li>
 * </ul>
 *
 * <p>Every method must save at least {@link #MIN_SAVING_PERCENT}% or the resource is stored as it is, with
 * no decoding to pay for a saving that small. It costs no space to speak of: any threshold from 0 to 15%
 * stores the same total to 0.01% (real 13.20%, demo 63.18% of the original bytes), 10% only stores 18
 * (real) and 47 (demo) more small resources as they are than 0% does; from 30% the demo's DXT images
 * (~73%) would be stored too (81.65%).
 *
 * <pre>{@code
 * CompressionStrategy.Choice c = CompressionStrategy.measured().choose(0x220557DA, bytes, 0, bytes.length);
 * c.method();   // BROTLI for a string table of 128 bytes or more
 * }</pre>
 */
public final class CompressionStrategy {
    /** Below this many bytes nothing is tried. */
    public static final int MIN_LENGTH = 64;
    /** Below this many bytes a Brotli row uses LZ4. */
    public static final int BROTLI_FROM = 128;
    /** The saving a method must reach, in percent of the original length, or the bytes are stored. */
    public static final int MIN_SAVING_PERCENT = 10;
    /** The Brotli quality of every Brotli row. */
    public static final int BROTLI_QUALITY = 5;

    /** A method and, for Brotli, its quality (0 otherwise). */
    public record Choice(CompressionMethod method, int quality) {
        public static final Choice NONE = new Choice(CompressionMethod.NONE, 0);
        public static final Choice LZ4 = new Choice(CompressionMethod.LZ4, 0);

        public static Choice brotli(int quality) {
            return new Choice(CompressionMethod.BROTLI, quality);
        }

        /** {@code none}, {@code lz4} or {@code brotli q5}. */
        @Override
        public String toString() {
            return method == CompressionMethod.BROTLI ? "brotli q" + quality : method.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Choice TEXT = Choice.brotli(BROTLI_QUALITY);
    private static final CompressionStrategy MEASURED = new CompressionStrategy(new Object[][] {
        // the rows' figures are in the class comment; ids as in org.ts4kit.resource.ResourceTypes
        {0x00B2D882, Choice.LZ4},   // DSTImage
        {0x0166038C, TEXT},         // NameMap
        {0x02D5DF13, TEXT},         // AnimationStateMachine (XML)
        {0x0333406C, TEXT},         // Xml
        {0x034AEECB, TEXT},         // CASPart
        {0x03B33DDF, TEXT},         // Tuning
        {0x220557DA, TEXT},         // StringTable
        {0x2F7D0004, Choice.NONE},  // PNGImage
        {0x3453CF95, Choice.LZ4},   // RLE2Image
        {0x3C1AF1F2, Choice.NONE},  // CASPartThumbnail (JPEG)
        {0x545AC67A, TEXT},         // SimData
        {0x62E94D38, TEXT},         // CombinedTuning
        {0xC0DB5AE7, TEXT},         // ObjectDefinition
        {0xE88DB35F, Choice.NONE},  // JPEG thumbnails (no name in ResourceTypes; ImageInfo reads them)
    });

    // parallel arrays sorted by type (signed order, for Arrays.binarySearch): one look-up per resource, no boxing
    private final int[] types;
    private final Choice[] choices;

    private CompressionStrategy(Object[][] rows) {
        Object[][] sorted = rows.clone();
        Arrays.sort(sorted, (a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
        types = new int[sorted.length];
        choices = new Choice[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            types[i] = (Integer) sorted[i][0];
            choices[i] = (Choice) sorted[i][1];
        }
    }

    /** The measured table above. */
    public static CompressionStrategy measured() {
        return MEASURED;
    }

    /**
     * What to try for {@code data[off..off+len)} of resource type {@code type}: the size rules first,
     * then the type's row, then a look at the bytes (XML is text; PNG and JPEG are compressed), else LZ4.
     * The caller still stores the bytes when the method does not save {@link #MIN_SAVING_PERCENT}%.
     */
    public Choice choose(int type, byte[] data, int off, int len) {
        if (len < MIN_LENGTH) {
            return Choice.NONE;
        }
        Choice row = row(type);
        if (row == null) {
            row = Sniff.looksCompressed(data, off, len) ? Choice.NONE : Sniff.looksLikeXml(data, off, len) ? TEXT : Choice.LZ4;
        }
        if (row.method() == CompressionMethod.BROTLI && len < BROTLI_FROM) {
            return Choice.LZ4;
        }
        return row;
    }

    /** The table's row for {@code type}, or null when the bytes decide. */
    public Choice row(int type) {
        int i = Arrays.binarySearch(types, type);
        return i < 0 ? null : choices[i];
    }

    /** The row as a report prints it: {@code brotli q5}, {@code lz4}, {@code none}, or {@code by content} for types without one. */
    public String describe(int type) {
        Choice row = row(type);
        return row == null ? "by content" : row.toString();
    }

    /** The most payload bytes worth keeping for an original of {@code len} bytes: at least {@link #MIN_SAVING_PERCENT}% less. */
    public static int maxPayload(int len) {
        long saving = ((long) len * MIN_SAVING_PERCENT + 99) / 100;
        return (int) Math.max(0, len - Math.max(1, saving));
    }
}
