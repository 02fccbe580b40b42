package org.ts4kit.job.source;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.scan.ScanOptions;

/**
 * The predicates pushed into the source: {@code =} and {@code IN} on {@code type}, {@code group},
 * {@code instance} (resources) and {@code path}, kept as sets of numbers and names. Spark trusts a
 * pushed predicate completely, so a predicate is taken only when the source can evaluate it exactly
 * as Spark would: a key literal must be the exact upper-case hex the column holds ({@code '220557da'}
 * is not pushed; Spark evaluates it, and finds nothing). Types narrow the walk through core's SIMD type
 * filter; groups and instances narrow the entries before any row is built; paths skip whole files and
 * packages before they are opened.
 */
final class KeyFilter implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The columns each table may push; {@code errors} pushes nothing (its path is where a problem is). */
    private final Set<String> pushable;
    private int[] types;
    private int[] groups;
    private long[] instances;
    private Set<String> paths;

    KeyFilter(SourceTable table) {
        this.pushable = table == SourceTable.RESOURCES ? Set.of("type", "group", "instance", "path")
                : table == SourceTable.ERRORS || table == SourceTable.ALL ? Set.of() : Set.of("path");
    }

    /** Reads only these types (the {@code types} option), whatever the table: the walk itself is narrowed. */
    void restrictTypes(int[] only) {
        if (only != null) {
            types = intersect(types, only);
        }
    }

    /** Takes what it can evaluate exactly; returns the rest, for Spark to evaluate after the scan. */
    Predicate[] push(Predicate[] predicates, List<Predicate> taken) {
        List<Predicate> rest = new ArrayList<>();
        for (Predicate p : predicates) {
            if (take(p)) {
                taken.add(p);
            } else {
                rest.add(p);
            }
        }
        return rest.toArray(new Predicate[0]);
    }

    private boolean take(Predicate p) {
        if (!(p.name().equals("=") || p.name().equals("IN")) || p.children().length < 2
                || !(p.children()[0] instanceof NamedReference)) {
            return false;
        }
        String[] field = ((NamedReference) p.children()[0]).fieldNames();
        if (field.length != 1 || !pushable.contains(field[0])) {
            return false;
        }
        List<String> values = new ArrayList<>();
        for (Expression e : Arrays.copyOfRange(p.children(), 1, p.children().length)) {
            if (!(e instanceof Literal) || ((Literal<?>) e).value() == null) {
                return false;
            }
            values.add(((Literal<?>) e).value().toString()); // a UTF8String for string columns
        }
        switch (field[0]) {
            case "type":
            case "group":
                int[] ints = hexInts(values);
                if (ints == null) {
                    return false;
                }
                if (field[0].equals("type")) {
                    types = intersect(types, ints);
                } else {
                    groups = intersect(groups, ints);
                }
                return true;
            case "instance":
                long[] longs = hexLongs(values);
                if (longs == null) {
                    return false;
                }
                instances = intersect(instances, longs);
                return true;
            default: // path
                Set<String> set = new HashSet<>(values);
                if (paths != null) {
                    set.retainAll(paths);
                }
                paths = set;
                return true;
        }
    }

    /** 8 upper-case hex digits each, as the column writes them; else null (not pushed). */
    private static int[] hexInts(List<String> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            String v = values.get(i);
            if (v.length() != 8 || !v.equals(v.toUpperCase(java.util.Locale.ROOT))) {
                return null;
            }
            try {
                out[i] = (int) Long.parseLong(v, 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    private static long[] hexLongs(List<String> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            String v = values.get(i);
            if (v.length() != 16 || !v.equals(ResourceKey.hex16(parse(v)))) {
                return null;
            }
            out[i] = parse(v);
        }
        return out;
    }

    private static long parse(String v) {
        try {
            return Long.parseUnsignedLong(v, 16);
        } catch (NumberFormatException e) {
            return 0; // then hex16(0) differs from v and the value is not pushed
        }
    }

    private static int[] intersect(int[] have, int[] more) {
        return have == null ? more : Arrays.stream(more).filter(x -> Arrays.stream(have).anyMatch(y -> y == x)).toArray();
    }

    private static long[] intersect(long[] have, long[] more) {
        return have == null ? more : Arrays.stream(more).filter(x -> Arrays.stream(have).anyMatch(y -> y == x)).toArray();
    }

    /** Whether a package (or a listed file that is one) of this name can have rows. */
    boolean admitsPackage(String name) {
        return paths == null || paths.contains(name);
    }

    /** Whether a listed file can hold an admitted package: itself, or, for a zip, one of its members. */
    boolean admitsFile(String name, boolean zip) {
        if (paths == null || paths.contains(name)) {
            return true;
        }
        if (zip) {
            for (String p : paths) {
                if (p.startsWith(name + "!/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The walk narrowed to the pushed types (core's SIMD type filter), when there are some. */
    ScanOptions narrow(ScanOptions options) {
        return types == null || types.length == 0 ? options : options.withTypes(types);
    }

    /** True when the pushed sets are contradictory ({@code type = 'A' AND type = 'B'}): no row can pass. */
    boolean matchesNothing() {
        return (types != null && types.length == 0) || (groups != null && groups.length == 0)
                || (instances != null && instances.length == 0) || (paths != null && paths.isEmpty());
    }

    /** Whether entry {@code i} passes the pushed group and instance sets (types were applied by the walk). */
    boolean admitsEntry(DbpfIndex index, int i) {
        return (types == null || contains(types, index.type(i))) && (groups == null || contains(groups, index.group(i)))
                && (instances == null || contains(instances, index.instance(i)));
    }

    private static boolean contains(int[] set, int v) {
        for (int x : set) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(long[] set, long v) {
        for (long x : set) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "types=" + (types == null ? "*" : Arrays.toString(types)) + " groups=" + (groups == null ? "*" : Arrays.toString(groups))
                + " instances=" + (instances == null ? "*" : instances.length) + " paths=" + (paths == null ? "*" : paths.size());
    }
}
