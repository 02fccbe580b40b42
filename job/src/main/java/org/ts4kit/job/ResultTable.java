package org.ts4kit.job;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A query result as a plain text table: a header, columns padded to their widest value, nulls as {@code NULL}. */
final class ResultTable {
    private ResultTable() {
    }

    static void print(Dataset<Row> result, int limit, PrintStream out) {
        String[] names = result.columns();
        List<String[]> rows = new ArrayList<>();
        for (Row r : result.limit(limit).collectAsList()) {
            String[] cells = new String[names.length];
            for (int c = 0; c < names.length; c++) {
                Object v = r.get(c);
                cells[c] = v == null ? "NULL" : v instanceof scala.collection.Seq ? r.getList(c).toString() : v.toString();
            }
            rows.add(cells);
        }
        int[] width = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            width[c] = names[c].length();
            for (String[] cells : rows) {
                width[c] = Math.max(width[c], cells[c].length());
            }
        }
        out.println(line(names, width));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < names.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.println(rule);
        for (String[] cells : rows) {
            out.println(line(cells, width));
        }
        out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + (rows.size() == limit ? ", limit reached" : "") + ")");
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(c == cells.length - 1 ? cells[c] : String.format("%-" + width[c] + "s", cells[c]));
        }
        return sb.toString();
    }
}
