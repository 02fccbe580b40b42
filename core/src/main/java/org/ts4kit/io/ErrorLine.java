package org.ts4kit.io;

/**
 * The one format of an error line, {@code PATH: offset N: reason}, with control characters escaped:
 * a file name may hold a newline (legal on Linux), and printed raw it would forge a second error
 * line, or an escape sequence would rewrite the terminal. Escapes are {@code \n}, {@code \r},
 * {@code \t}, {@code \xHH} for the other C0 and C1 controls and DEL, and {@code \}{@code uHHHH} for the
 * Unicode line and paragraph separators and the bidirectional overrides (which reorder what a
 * terminal shows). Everything else, a backslash included, prints as itself.
 */
public final class ErrorLine {
    private ErrorLine() {
    }

    /** {@code PATH: offset N: reason}, path and reason escaped. */
    public static String of(String file, long offset, String reason) {
        return escape(file) + ": offset " + offset + ": " + escape(reason);
    }

    /** {@code text} with control characters escaped; the same string when it holds none. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(c);
            if (escaped != null && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                if (escaped != null) {
                    sb.append(escaped);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String escaped(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (Character.isISOControl(c)) {
            return String.format("\\x%02x", (int) c);
        }
        boolean separator = c == '\u2028' || c == '\u2029';
        boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
        return separator || bidi ? String.format("\\u%04x", (int) c) : null;
    }
}
