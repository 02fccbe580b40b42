package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the root start tag at the start of an XML document and reads its attributes: the small
 * hand-written scanner behind {@link TuningHeader} and {@link ResourceDetails}. A full XML parser
 * would be slower, would want the whole document, and would reject files the game accepts; this
 * only needs the first tag.
 *
 * <h2>Bytes, not text</h2>
 * It walks the encoded bytes in place ({@link TuningHeader#MAX_SCAN} at most, stopping at the
 * root's {@code >}) and decodes only the attribute values asked for, so a name costs its String
 * and nothing else. UTF-8 is read byte by byte: every markup character is ASCII and no byte of a
 * multi-byte sequence is, so non-ASCII bytes (valid or not) are simply "not markup", as the
 * U+FFFD of a decoder would be. UTF-16 (picked by its byte-order mark) is read by 16-bit unit.
 *
 * <p>Reusable, not thread-safe; holds the buffer only during a call.
 */
final class TuningXmlScanner {
    static final int CLASS = 0;
    static final int INSTANCE_TYPE = 1;
    static final int MODULE = 2;
    static final int NAME = 3;
    static final int INSTANCE = 4;
    private static final int ATTRIBUTES = 5;
    private static final int UTF16_BOM = 0xFEFF;

    private ByteBuffer data;
    private int base;      // absolute byte index of unit 0
    private int units;     // units scanned: bytes (UTF-8) or 16-bit units (UTF-16)
    private int unitBytes;
    private boolean bigEndian;
    private Charset charset;
    private int pos;
    private char root;
    private final int[] valueStart = new int[ATTRIBUTES];
    private final int[] valueEnd = new int[ATTRIBUTES];

    /** The header of {@code data} (position to limit), or null when it is not a tuning root. */
    TuningHeader header(ByteBuffer data) {
        try {
            if (!scan(data)) {
                return null;
            }
            return new TuningHeader(String.valueOf(root), value(CLASS), value(INSTANCE_TYPE), value(MODULE), value(NAME),
                    value(INSTANCE));
        } finally {
            this.data = null;
        }
    }

    /** Only the {@code n} attribute of a tuning root; null when absent or not tuning. */
    String name(ByteBuffer data) {
        try {
            return scan(data) ? value(NAME) : null;
        } finally {
            this.data = null;
        }
    }

    private boolean scan(ByteBuffer buffer) {
        data = buffer;
        base = buffer.position();
        int n = Math.min(buffer.remaining(), TuningHeader.MAX_SCAN);
        unitBytes = 1;
        charset = StandardCharsets.UTF_8;
        if (n >= 3 && byteAt(0) == 0xEF && byteAt(1) == 0xBB && byteAt(2) == 0xBF) {
            base += 3;
            n -= 3;
        } else if (n >= 2 && (byteAt(0) == 0xFF && byteAt(1) == 0xFE || byteAt(0) == 0xFE && byteAt(1) == 0xFF)) {
            bigEndian = byteAt(0) == 0xFE;
            charset = bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            unitBytes = 2;
            base += 2;
            n -= 2;
        }
        units = n / unitBytes; // an odd last byte of UTF-16 is half a character: never markup
        pos = 0;
        Arrays.fill(valueStart, -1);
        return root();
    }

    private int byteAt(int i) {
        return data.get(base + i) & 0xFF;
    }

    /** The unit at {@code i}: a byte of UTF-8 or a UTF-16 code unit. */
    private int unit(int i) {
        if (unitBytes == 1) {
            return data.get(base + i) & 0xFF;
        }
        int hi = data.get(base + 2 * i + (bigEndian ? 0 : 1)) & 0xFF;
        int lo = data.get(base + 2 * i + (bigEndian ? 1 : 0)) & 0xFF;
        return hi << 8 | lo;
    }

    private boolean atEnd() {
        return pos >= units;
    }

    private boolean root() {
        skipInnerBom();
        while (true) {
            skipWhitespace();
            if (atEnd() || unit(pos) != '<' || pos + 1 >= units) {
                return false; // text or binary before any tag, or the end: not (complete) tuning
            }
            int next = unit(pos + 1);
            boolean skipped;
            if (next == '?') {
                skipped = skipPast("?>", pos + 2);
            } else if (startsWith("<!--", pos)) {
                skipped = skipPast("-->", pos + 4);
            } else if (next == '!') {
                skipped = pos + 4 <= units && skipDoctype(); // "<!-" cut by the end, or a DOCTYPE
            } else {
                return startTag();
            }
            if (!skipped) {
                return false;
            }
        }
    }

    /** A second byte-order mark that survived the first (a UTF-8 BOM written twice, say). */
    private void skipInnerBom() {
        if (unitBytes == 2 && units >= 1 && unit(0) == UTF16_BOM) {
            pos = 1;
        } else if (unitBytes == 1 && units >= 3 && unit(0) == 0xEF && unit(1) == 0xBB && unit(2) == 0xBF) {
            pos = 3;
        }
    }

    private boolean startTag() {
        pos++; // '<'
        int nameStart = pos;
        while (!atEnd() && isNameChar(unit(pos))) {
            pos++;
        }
        if (atEnd() || pos - nameStart != 1 || unit(nameStart) != 'I' && unit(nameStart) != 'M') {
            return false;
        }
        root = (char) unit(nameStart);
        while (true) {
            boolean spaced = skipWhitespace();
            if (atEnd()) {
                return false;
            }
            int ch = unit(pos);
            if (ch == '>') {
                return true;
            }
            if (ch == '/') {
                return pos + 1 < units && unit(pos + 1) == '>';
            }
            if (!spaced || !attribute()) {
                return false; // attributes must be separated by whitespace
            }
        }
    }

    /** Reads {@code name = "value"}, recording the value's range for the five attributes tuning uses. */
    private boolean attribute() {
        int attrStart = pos;
        while (!atEnd() && isNameChar(unit(pos))) {
            pos++;
        }
        int attrLength = pos - attrStart;
        if (attrLength == 0) {
            return false; // '=', a quote or '<' where a name should be
        }
        skipWhitespace();
        if (atEnd() || unit(pos) != '=') {
            return false;
        }
        pos++;
        skipWhitespace();
        if (atEnd()) {
            return false;
        }
        int quote = unit(pos);
        if (quote != '"' && quote != '\'') {
            return false;
        }
        int close = pos + 1;
        while (close < units && unit(close) != quote) {
            if (unit(close) == '<') {
                return false; // '<' is not allowed in an attribute value: not well-formed
            }
            close++;
        }
        if (close >= units) {
            return false;
        }
        int slot = attrLength == 1 ? slotOf(unit(attrStart)) : -1;
        if (slot >= 0 && valueStart[slot] < 0) { // the first occurrence wins; a repeat is malformed anyway
            valueStart[slot] = pos + 1;
            valueEnd[slot] = close;
        }
        pos = close + 1;
        return true;
    }

    private static int slotOf(int attr) {
        switch (attr) {
            case 'c': return CLASS;
            case 'i': return INSTANCE_TYPE;
            case 'm': return MODULE;
            case 'n': return NAME;
            case 's': return INSTANCE;
            default: return -1;
        }
    }

    /** The decoded value of attribute {@code slot}, entities replaced; null when absent. */
    private String value(int slot) {
        if (valueStart[slot] < 0) {
            return null;
        }
        int from = base + valueStart[slot] * unitBytes;
        int length = (valueEnd[slot] - valueStart[slot]) * unitBytes;
        String raw;
        if (data.hasArray()) {
            raw = new String(data.array(), data.arrayOffset() + from, length, charset);
        } else {
            byte[] copy = new byte[length];
            data.get(from, copy, 0, length);
            raw = new String(copy, charset);
        }
        return XmlEntities.decode(raw);
    }

    /** Skips a {@code <!DOCTYPE …>}, including an internal subset in brackets. */
    private boolean skipDoctype() {
        int depth = 0;
        for (int p = pos + 2; p < units; p++) {
            int ch = unit(p);
            if (ch == '[') {
                depth++;
            } else if (ch == ']') {
                depth--;
            } else if (ch == '>' && depth <= 0) {
                pos = p + 1;
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(String ascii, int at) {
        if (at + ascii.length() > units) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (unit(at + k) != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean skipPast(String end, int from) {
        for (int p = from; p + end.length() <= units; p++) {
            if (startsWith(end, p)) {
                pos = p + end.length();
                return true;
            }
        }
        return false;
    }

    /** Skips XML whitespace; true when there was some. */
    private boolean skipWhitespace() {
        int start = pos;
        while (!atEnd() && isWhitespace(unit(pos))) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isNameChar(int c) {
        return c != '=' && c != '>' && c != '/' && c != '"' && c != '\'' && c != '<' && !isWhitespace(c);
    }
}
