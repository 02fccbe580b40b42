package org.ts4kit.report;

import java.util.List;

/**
 * Inline SVG charts drawn here, so the page needs no script and no library to show them: horizontal
 * bars (one per label, scaled to the largest value) and one stacked bar with a legend. Colours come
 * from report.css through classes; there are no style attributes, so the page's content security
 * policy can forbid inline styles.
 */
final class Svg {
    /** One bar: its label, the value that sets its length, and the text written after it. */
    record Bar(String label, double value, String shown) {
    }

    private static final int WIDTH = 760;
    private static final int LABEL = 230;
    private static final int AREA = 400;
    private static final int ROW = 22;
    private static final int LABEL_CHARS = 34;
    /** Colour classes of the stacked bar's parts, in turn. */
    private static final int PALETTE = 6;

    private Svg() {
    }

    /** Horizontal bars, one row each; {@code kind} picks the colour class ({@code bar-kind}). */
    static void bars(StringBuilder out, String title, String kind, List<Bar> bars) {
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, b.value);
        }
        int height = bars.size() * ROW + 8;
        open(out, title, height);
        int y = 4;
        for (Bar b : bars) {
            double w = max > 0 && b.value > 0 ? Math.max(1, b.value / max * AREA) : 0;
            out.append("<g><title>");
            Html.text(out, b.label).append(": ");
            Html.text(out, b.shown).append("</title>");
            out.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 15).append("\" class=\"label\">");
            label(out, b.label).append("</text>");
            out.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(Html.plain(round(w)))
                    .append("\" height=\"").append(ROW - 6).append("\" class=\"bar bar-").append(kind).append("\"/>");
            out.append("<text x=\"").append(Html.plain(round(LABEL + w + 6))).append("\" y=\"").append(y + 15)
                    .append("\" class=\"value\">");
            Html.text(out, b.shown).append("</text></g>\n");
            y += ROW;
        }
        out.append("</svg>\n");
    }

    /** One bar split into parts by value, with a legend row per part below it. */
    static void stacked(StringBuilder out, String title, List<Bar> parts) {
        double total = 0;
        for (Bar b : parts) {
            total += Math.max(0, b.value);
        }
        int barWidth = WIDTH - 20;
        int height = 40 + parts.size() * ROW;
        open(out, title, height);
        double x = 10;
        int i = 0;
        for (Bar b : parts) {
            double w = total > 0 ? Math.max(0, b.value) / total * barWidth : 0;
            out.append("<rect x=\"").append(Html.plain(round(x))).append("\" y=\"6\" width=\"").append(Html.plain(round(w)))
                    .append("\" height=\"24\" class=\"part c").append(i % PALETTE).append("\"><title>");
            Html.text(out, b.label).append(": ");
            Html.text(out, b.shown).append("</title></rect>\n");
            x += w;
            i++;
        }
        int y = 40;
        i = 0;
        for (Bar b : parts) {
            out.append("<rect x=\"10\" y=\"").append(y + 4).append("\" width=\"12\" height=\"12\" class=\"part c")
                    .append(i % PALETTE).append("\"/><text x=\"30\" y=\"").append(y + 15).append("\" class=\"legend\">");
            label(out, b.label).append(": ");
            Html.text(out, b.shown).append("</text>\n");
            y += ROW;
            i++;
        }
        out.append("</svg>\n");
    }

    private static void open(StringBuilder out, String title, int height) {
        out.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" aria-label=\"");
        Html.text(out, title).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    }

    /** A label cut to fit the label column; the full one is in the row's title. */
    private static StringBuilder label(StringBuilder out, String s) {
        if (s.length() <= LABEL_CHARS) {
            return Html.text(out, s);
        }
        int cut = LABEL_CHARS - 1 - (Character.isHighSurrogate(s.charAt(LABEL_CHARS - 2)) ? 1 : 0);
        return Html.text(out, s, 0, cut).append('…');
    }

    /** One decimal place is enough for a pixel and keeps the output short. */
    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
