package org.ts4kit.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code report.html}: one static page (no scripts, no network) with the summary and bar charts
 * drawn as inline SVG: resources by type, compression mix, packages with the most conflicts, and
 * every broken file with its error.
 */
final class Report {
    private Report() {
    }

    static void write(SparkSession spark, JobOptions o, JobSummary s, Configuration conf) throws IOException {
        Ts4kitJob.read(spark, o, Tables.RESOURCES).createOrReplaceTempView("report_resources");
        Ts4kitJob.read(spark, o, Tables.PACKAGES).createOrReplaceTempView("report_packages");
        Ts4kitJob.read(spark, o, Tables.CONFLICTS).createOrReplaceTempView("report_conflicts");
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>ts4kit report</title><style>")
                .append("body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}")
                .append("td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd}td.n{text-align:right}")
                .append("svg text{font:12px system-ui,sans-serif}</style></head><body><h1>ts4kit report</h1>");
        h.append("<table>");
        row(h, "files listed", s.filesListed);
        row(h, "packages ok", s.packagesOk);
        row(h, "packages broken", s.packagesBroken);
        row(h, "resources", s.resources);
        row(h, "conflicting keys", s.conflicts);
        row(h, "bytes read", s.bytesRead);
        h.append(String.format(Locale.ROOT, "<tr><th>wall time</th><td class=n>%.1f s (%.1f MB/s)</td></tr></table>",
                s.wallSeconds, s.megabytesPerSecond()));
        chart(h, "Resources by type", spark.sql("SELECT coalesce(type_name, type) AS label, count(*) AS n FROM report_resources"
                + " GROUP BY 1 ORDER BY n DESC, label LIMIT 15").collectAsList());
        chart(h, "Compression", spark.sql("SELECT compression AS label, count(*) AS n FROM report_resources"
                + " GROUP BY 1 ORDER BY n DESC, label").collectAsList());
        chart(h, "Packages with the most conflicting keys", spark.sql("SELECT p AS label, count(*) AS n FROM report_conflicts"
                + " LATERAL VIEW explode(packages) t AS p GROUP BY p ORDER BY n DESC, label LIMIT 20").collectAsList());
        List<Row> broken = spark.sql("SELECT path, error FROM report_packages WHERE status = 'broken' ORDER BY path LIMIT 500")
                .collectAsList();
        h.append("<h2>Broken files (").append(s.packagesBroken).append(")</h2><table>");
        for (Row r : broken) {
            h.append("<tr><td>").append(esc(r.getString(0))).append("</td><td>").append(esc(r.getString(1))).append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        Path p = new Path(o.out, "report.html");
        try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
            out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void row(StringBuilder h, String label, long value) {
        h.append("<tr><th>").append(label).append("</th><td class=n>").append(String.format(Locale.ROOT, "%,d", value))
                .append("</td></tr>");
    }

    /** A horizontal bar chart of (label, count) rows as inline SVG. */
    private static void chart(StringBuilder h, String title, List<Row> rows) {
        h.append("<h2>").append(esc(title)).append("</h2>");
        if (rows.isEmpty()) {
            h.append("<p>none</p>");
            return;
        }
        long max = 1;
        for (Row r : rows) {
            max = Math.max(max, r.getLong(1));
        }
        int bar = 18;
        h.append("<svg width=\"900\" height=\"").append(rows.size() * bar + 4).append("\">");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long n = r.getLong(1);
            int w = (int) Math.max(1, 520 * n / max);
            int y = i * bar;
            h.append("<text x=\"0\" y=\"").append(y + 13).append("\">").append(esc(shorten(String.valueOf(r.get(0))))).append("</text>")
                    .append("<rect x=\"300\" y=\"").append(y + 2).append("\" width=\"").append(w).append("\" height=\"")
                    .append(bar - 4).append("\" fill=\"#4a7bd0\"/>")
                    .append("<text x=\"").append(306 + w).append("\" y=\"").append(y + 13).append("\">").append(n).append("</text>");
        }
        h.append("</svg>");
    }

    private static String shorten(String s) {
        return s.length() <= 45 ? s : "…" + s.substring(s.length() - 44);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
