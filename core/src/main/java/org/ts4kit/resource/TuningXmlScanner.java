package org.ts4kit.resource;

/**
 * Finds the root start tag in the decoded prefix of an XML document and reads its attributes:
 * the small hand-written scanner behind {@link TuningHeader}. A full XML parser would be slower,
 * would want the whole document, and would reject files the game accepts; this only needs the
 * first tag. Every step is bounded by the text's length.
 *
 * <p>Three answers: a header, null (this is not tuning XML, whatever follows), or {@link
 * #NEED_MORE} (the text ended first, so a longer prefix might still hold a tuning root).
 */
final class TuningXmlScanner {
    /** The text ended inside the prolog or the root's start tag. */
    static final TuningHeader NEED_MORE = new TuningHeader("?", null, null, null, null, null);

    private final String text;
    private int pos;

    private TuningXmlScanner(String text) {
        this.text = text;
    }

    static TuningHeader scan(String text) {
        return new TuningXmlScanner(text).root();
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private TuningHeader root() {
        if (text.startsWith("\uFEFF")) {
            pos = 1; // a BOM that survived decoding (e.g. a UTF-8 BOM inside UTF-16 text)
        }
        while (true) {
            skipWhitespace();
            if (atEnd()) {
                return NEED_MORE;
            }
            if (text.charAt(pos) != '<') {
                return null; // text or binary before any tag: not XML
            }
            if (pos + 1 >= text.length()) {
                return NEED_MORE;
            }
            char next = text.charAt(pos + 1);
            boolean skipped;
            if (next == '?') {
                skipped = skipPast("?>", pos + 2);
            } else if (text.startsWith("<!--", pos)) {
                skipped = skipPast("-->", pos + 4);
            } else if (next == '!') {
                // "<!-" cut by the end, or a DOCTYPE
                skipped = pos + 4 > text.length() ? false : skipDoctype();
            } else {
                return startTag();
            }
            if (!skipped) {
                return NEED_MORE;
            }
        }
    }

    private TuningHeader startTag() {
        pos++; // '<'
        int nameStart = pos;
        while (!atEnd() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (atEnd()) {
            return NEED_MORE;
        }
        String root = text.substring(nameStart, pos);
        if (!root.equals("I") && !root.equals("M")) {
            return null;
        }
        String c = null;
        String i = null;
        String m = null;
        String n = null;
        String s = null;
        while (true) {
            boolean spaced = skipWhitespace();
            if (atEnd()) {
                return NEED_MORE;
            }
            char ch = text.charAt(pos);
            if (ch == '>' || ch == '/') {
                if (ch == '/' && pos + 1 >= text.length()) {
                    return NEED_MORE;
                }
                if (ch == '/' && text.charAt(pos + 1) != '>') {
                    return null;
                }
                return new TuningHeader(root, c, i, m, n, s);
            }
            if (!spaced) {
                return null; // attributes must be separated by whitespace
            }
            int attrStart = pos;
            while (!atEnd() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == attrStart) {
                return null; // '=', a quote or '<' where a name should be
            }
            String attr = text.substring(attrStart, pos);
            skipWhitespace();
            if (atEnd()) {
                return NEED_MORE;
            }
            if (text.charAt(pos) != '=') {
                return null;
            }
            pos++;
            skipWhitespace();
            if (atEnd()) {
                return NEED_MORE;
            }
            char quote = text.charAt(pos);
            if (quote != '"' && quote != '\'') {
                return null;
            }
            int close = text.indexOf(quote, pos + 1);
            int lt = text.indexOf('<', pos + 1);
            if (lt >= 0 && (close < 0 || lt < close)) {
                return null; // '<' is not allowed in an attribute value: not well-formed
            }
            if (close < 0) {
                return NEED_MORE;
            }
            String value = decodeEntities(text.substring(pos + 1, close));
            pos = close + 1;
            // the first occurrence wins; a repeated attribute is malformed XML anyway
            switch (attr) {
                case "c": c = c == null ? value : c; break;
                case "i": i = i == null ? value : i; break;
                case "m": m = m == null ? value : m; break;
                case "n": n = n == null ? value : n; break;
                case "s": s = s == null ? value : s; break;
                default: break;
            }
        }
    }

    /** Skips a {@code <!DOCTYPE …>}, including an internal subset in brackets. */
    private boolean skipDoctype() {
        int depth = 0;
        for (int p = pos + 2; p < text.length(); p++) {
            char ch = text.charAt(p);
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

    private boolean skipPast(String end, int from) {
        int at = text.indexOf(end, from);
        if (at < 0) {
            return false;
        }
        pos = at + end.length();
        return true;
    }

    /** Skips XML whitespace; true when there was some. */
    private boolean skipWhitespace() {
        int start = pos;
        while (!atEnd() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isNameChar(char c) {
        return c != '=' && c != '>' && c != '/' && c != '"' && c != '\'' && c != '<' && !isWhitespace(c);
    }

    /** Replaces the five predefined entities and numeric references; leaves anything else as written. */
    static String decodeEntities(String raw) {
        int amp = raw.indexOf('&');
        if (amp < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int p = 0;
        while (amp >= 0) {
            out.append(raw, p, amp);
            int semi = raw.indexOf(';', amp + 1);
            String replacement = semi < 0 ? null : entity(raw.substring(amp + 1, semi));
            if (replacement == null) {
                out.append('&');
                p = amp + 1;
            } else {
                out.append(replacement);
                p = semi + 1;
            }
            amp = raw.indexOf('&', p);
        }
        out.append(raw, p, raw.length());
        return out.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: break;
        }
        // &#NNN; or &#xHHH;, short enough that parseInt cannot overflow (U+10FFFF is 7 and 6 digits)
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        boolean hex = name.charAt(1) == 'x';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > (hex ? 6 : 7)) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), hex ? 16 : 10) < 0 || digits.charAt(k) > 'f') {
                return null;
            }
        }
        int cp = Integer.parseInt(digits, hex ? 16 : 10);
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return null;
        }
        return new String(Character.toChars(cp));
    }
}
