package org.ts4kit.codec;

/**
 * Looks at a resource's first bytes when its type has no row in {@link CompressionStrategy}: a handful
 * of byte compares, so that about a hundred tuning types need no row and an image of an unlisted type
 * is not compressed in vain.
 */
final class Sniff {
    /** How far past a byte-order mark and white space the first {@code '<'} may be. */
    private static final int LOOK = 64;

    private Sniff() {
    }

    /** A PNG ({@code 89 'P' 'N' 'G'}) or JPEG ({@code FF D8 FF}) signature: compressed already. */
    static boolean looksCompressed(byte[] d, int off, int len) {
        if (len >= 4 && (d[off] & 0xFF) == 0x89 && d[off + 1] == 'P' && d[off + 2] == 'N' && d[off + 3] == 'G') {
            return true;
        }
        return len >= 3 && (d[off] & 0xFF) == 0xFF && (d[off + 1] & 0xFF) == 0xD8 && (d[off + 2] & 0xFF) == 0xFF;
    }

    /**
     * Text starting with {@code '<'} after an optional UTF-8 byte-order mark and white space: tuning
     * ({@code <?xml}, {@code <I }, {@code <M }) and every other XML the game stores.
     */
    static boolean looksLikeXml(byte[] d, int off, int len) {
        int i = 0;
        if (len >= 3 && (d[off] & 0xFF) == 0xEF && (d[off + 1] & 0xFF) == 0xBB && (d[off + 2] & 0xFF) == 0xBF) {
            i = 3;
        }
        int end = Math.min(len, LOOK);
        while (i < end && (d[off + i] == ' ' || d[off + i] == '\t' || d[off + i] == '\r' || d[off + i] == '\n')) {
            i++;
        }
        return i + 1 < len && d[off + i] == '<' && (d[off + i + 1] == '?' || d[off + i + 1] == '!' || Character.isLetter(d[off + i + 1]));
    }
}
