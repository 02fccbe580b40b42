package org.ts4kit.job.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The source's options: {@code path} or {@code paths} (Spark gives {@code load(a, b)} as a JSON array
 * in {@code paths}), {@code table}, and the planner's {@code partitionBytes}, {@code minPartitions},
 * {@code openCostBytes} (defaults as the job's). A bad value is an {@link IllegalArgumentException}
 * naming the option.
 */
final class SourceOptions {
    private final CaseInsensitiveStringMap options;

    SourceOptions(Map<String, String> options) {
        this.options = new CaseInsensitiveStringMap(options);
    }

    SourceTable table() {
        return SourceTable.named(options.get("table"));
    }

    List<String> paths() {
        List<String> out = new ArrayList<>();
        if (options.containsKey("paths")) {
            out.addAll(jsonStrings(options.get("paths")));
        }
        if (options.containsKey("path")) {
            out.add(options.get("path"));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("dbpf: no input: use load(path...) or option(\"path\", ...)");
        }
        return out;
    }

    /** {@code types}: a comma-separated list (hex or names, as {@code --type} takes them) to read only, or null. */
    int[] types() {
        String v = options.get("types");
        if (v == null || v.isBlank()) {
            return null;
        }
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = org.ts4kit.resource.ResourceTypes.parse(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dbpf: option types: " + e.getMessage());
            }
        }
        return out;
    }

    long partitionBytes() {
        return number("partitionBytes", 256L << 20);
    }

    int minPartitions() {
        return (int) number("minPartitions", 2L * Runtime.getRuntime().availableProcessors());
    }

    long openCostBytes() {
        return number("openCostBytes", 128L << 10);
    }

    private long number(String key, long dflt) {
        String v = options.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dbpf: option " + key + " must be a positive whole number, not '" + v + "'");
        }
    }

    /** Spark writes {@code paths} as a JSON array of strings; this reads exactly that shape. */
    static List<String> jsonStrings(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asText()));
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("dbpf: option paths is not a JSON array of strings: " + json, e);
        }
    }
}
