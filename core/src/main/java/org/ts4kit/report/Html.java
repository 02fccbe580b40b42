package org.ts4kit.report;

import java.util.Locale;

/**
 * Escaping and number formatting for the page. Every string from the data passes through
 * {@link #text}: names come from the file system, so besides {@code < & " '} they may hold control
 * characters, bidi overrides that would reorder what the reader sees (a {@code U+202E} in
 * {@code "fdp.kcap"} shows as something else), lone surrogates, and thousands of characters. Those are
 * made visible ({@code \u202E}) rather than encoded, since a numeric reference would still act.
 */
final class Html {
    /** Longer strings are cut for display; the title attribute keeps the first {@link #TITLE_MAX} characters. */
    static final int SHOWN_MAX = 300;
    static final int TITLE_MAX = 4096;
    private static final long KB = 1024;

    private Html() {
    }

    /** Appends {@code s} escaped for element content or a double-quoted attribute. */
    static StringBuilder text(StringBuilder out, String s) {
        return text(out, s, 0, s.length());
    }

    static StringBuilder text(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD'); // a lone half of a pair is not text
                    } else if (visible(c)) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(String.format(Locale.ROOT, "%04X", (int) c));
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code c} may be written as itself: not a control, not a bidi or invisible formatting character. */
    private static boolean visible(char c) {
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return false;
        }
        return switch (c) {
            case '\u061C', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2028', '\u2029', '\uFEFF' -> false;
            default -> !(c >= '\u202A' && c <= '\u202E') && !(c >= '\u2066' && c <= '\u2069');
        };
    }

    /**
     * Appends {@code s} for display: escaped, and when longer than {@link #SHOWN_MAX} cut with an
     * ellipsis inside a span whose title holds the longer text, so a 10,000-character name cannot flood the page.
     */
    static StringBuilder shown(StringBuilder out, String s) {
        if (s.length() <= SHOWN_MAX) {
            return text(out, s);
        }
        int cut = Character.isHighSurrogate(s.charAt(SHOWN_MAX - 1)) ? SHOWN_MAX - 1 : SHOWN_MAX;
        int titleEnd = Math.min(s.length(), TITLE_MAX);
        titleEnd -= Character.isHighSurrogate(s.charAt(titleEnd - 1)) ? 1 : 0;
        out.append("<span title=\"");
        text(out, s, 0, titleEnd).append("\">");
        return text(out, s, 0, cut).append("…</span>");
    }

    /** {@code 12,345}: grouped with Locale.ROOT, the same on every machine. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 512 B}, {@code 1.5 KB}, {@code 12.0 MB}, {@code 3.25 GB} (binary units). */
    static String bytes(long n) {
        if (n < KB && n > -KB) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        int u = -1;
        while (Math.abs(v) >= KB && u < units.length - 1) {
            v /= KB;
            u++;
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f %s" : Math.abs(v) >= 10 ? "%.1f %s" : "%.2f %s",
                v, units[u]);
    }

    /** A byte count as shown text with the exact value in a title: {@code <span title="1,572,864 bytes">1.50 MB</span>}. */
    static StringBuilder bytesSpan(StringBuilder out, long n) {
        return out.append("<span title=\"").append(count(n)).append(" bytes\">").append(bytes(n)).append("</span>");
    }

    /** A decimal with {@code digits} places, Locale.ROOT; not-a-number and infinities as {@code n/a}. */
    static String decimal(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A value for a {@code data-sort} attribute or an SVG coordinate: plain digits, no grouping. */
    static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@code high}, {@code medium}, {@code low} or {@code none} in lower case; anything else kept (escaped later) as given. */
    static String severity(String s) {
        return s.toLowerCase(Locale.ROOT).strip();
    }

    /** Sort rank of a severity: high 0, medium 1, low 2, none 3, anything else 4. */
    static int rank(String severity) {
        return switch (severity(severity)) {
            case "high" -> 0;
            case "medium" -> 1;
            case "low" -> 2;
            case "none" -> 3;
            default -> 4;
        };
    }

    /** The CSS class suffix of a severity: one of the four known words, else {@code other} (never a data string in a class). */
    static String severityClass(String severity) {
        return switch (rank(severity)) {
            case 0 -> "high";
            case 1 -> "medium";
            case 2 -> "low";
            case 3 -> "none";
            default -> "other";
        };
    }

    /** A badge: {@code <span class="sev sev-high">high</span>}. */
    static StringBuilder badge(StringBuilder out, String severity) {
        out.append("<span class=\"sev sev-").append(severityClass(severity)).append("\">");
        return text(out, severity(severity)).append("</span>");
    }
}
