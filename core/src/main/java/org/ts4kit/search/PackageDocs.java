package org.ts4kit.search;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the search index knows about one package: its name and, per resource, the key, the name and the
 * distinct tokens of its text. The unit a collection index is built from and what a saved index keeps per
 * package, so an unchanged package is never read again. A resource is a distinct key among the package's
 * live (not deleted) entries; resources are in key order (type, group, instance, unsigned). Immutable.
 *
 * <pre>{@code
 * PackageDocs docs = new PackageDocs.Builder("Creator/mod.package")
 *         .add(0x220557DA, 0, 0x1234L, null, new String[] {"hello", "world"})
 *         .build();
 * }</pre>
 */
public final class PackageDocs {
    private final String name;
    private final int[] types;
    private final int[] groups;
    private final long[] instances;
    private final String[] names;
    private final String[][] text;

    PackageDocs(String name, int[] types, int[] groups, long[] instances, String[] names, String[][] text) {
        this.name = Objects.requireNonNull(name, "name");
        this.types = types;
        this.groups = groups;
        this.instances = instances;
        this.names = names;
        this.text = text;
    }

    /**
     * Resources already in key order, each key once, and text tokens already sorted and distinct (a saved
     * index holds them so); the arrays are kept. {@link Builder} is for anything else.
     *
     * @throws IllegalArgumentException when the columns differ in length or the keys are not strictly increasing
     */
    public static PackageDocs ofSorted(String name, int[] types, int[] groups, long[] instances, String[] names,
            String[][] text) {
        int n = types.length;
        if (groups.length != n || instances.length != n || names.length != n || text.length != n) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        for (int i = 1; i < n; i++) {
            if (Keys.compare(types[i - 1], groups[i - 1], instances[i - 1], types[i], groups[i], instances[i]) >= 0) {
                throw new IllegalArgumentException("resource " + i + " is not after resource " + (i - 1) + " in key order");
            }
        }
        return new PackageDocs(name, types, groups, instances, names, text);
    }

    /** The package's name, unique in its collection ({@code Creator/mod.package}, {@code a.zip!/x.package}). */
    public String name() {
        return name;
    }

    public int size() {
        return types.length;
    }

    public int type(int i) {
        return types[i];
    }

    public int group(int i) {
        return groups[i];
    }

    public long instance(int i) {
        return instances[i];
    }

    /** The resource's name, or null. */
    public String resourceName(int i) {
        return names[i];
    }

    /** The distinct tokens of the resource's text, sorted; empty when it has none. Do not modify. */
    public String[] text(int i) {
        return text[i] == null ? NO_TOKENS : text[i];
    }

    static final String[] NO_TOKENS = new String[0];

    /** The same resources under another package name (a listing renamed the package). */
    public PackageDocs renamed(String other) {
        return other.equals(name) ? this : new PackageDocs(other, types, groups, instances, names, text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageDocs d && name.equals(d.name) && Arrays.equals(types, d.types)
                && Arrays.equals(groups, d.groups) && Arrays.equals(instances, d.instances)
                && Arrays.equals(names, d.names) && Arrays.deepEquals(normal(text), normal(d.text));
    }

    private static String[][] normal(String[][] t) {
        String[][] n = t.clone();
        for (int i = 0; i < n.length; i++) {
            n[i] = n[i] == null ? NO_TOKENS : n[i];
        }
        return n;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(instances);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " resources)";
    }

    /**
     * Resources in any order, a key possibly more than once (a package may hold a key twice): {@link #build}
     * sorts them and merges repeats (the first name wins, text tokens are united).
     */
    public static final class Builder {
        private final String name;
        private int n;
        private int[] types = new int[16];
        private int[] groups = new int[16];
        private long[] instances = new long[16];
        private String[] names = new String[16];
        private String[][] text = new String[16][];

        public Builder(String packageName) {
            this.name = packageName;
        }

        /** One resource; {@code resourceName} and {@code textTokens} may be null. {@code textTokens} is kept. */
        public Builder add(int type, int group, long instance, String resourceName, String[] textTokens) {
            if (n == types.length) {
                int m = n * 2;
                types = Arrays.copyOf(types, m);
                groups = Arrays.copyOf(groups, m);
                instances = Arrays.copyOf(instances, m);
                names = Arrays.copyOf(names, m);
                text = Arrays.copyOf(text, m);
            }
            types[n] = type;
            groups[n] = group;
            instances[n] = instance;
            names[n] = resourceName;
            text[n] = textTokens;
            n++;
            return this;
        }

        public PackageDocs build() {
            if (sortedAndDistinct()) {
                // the common case when a package's index is in key order: no boxing sort
                String[][] tx = new String[n][];
                for (int i = 0; i < n; i++) {
                    tx[i] = TokenSets.of(text[i]);
                }
                return new PackageDocs(name, Arrays.copyOf(types, n), Arrays.copyOf(groups, n), Arrays.copyOf(instances, n),
                        Arrays.copyOf(names, n), tx);
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, this::compareKeys);
            int[] t = new int[n];
            int[] g = new int[n];
            long[] in = new long[n];
            String[] nm = new String[n];
            String[][] tx = new String[n][];
            int m = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (m > 0 && t[m - 1] == types[i] && g[m - 1] == groups[i] && in[m - 1] == instances[i]) {
                    nm[m - 1] = nm[m - 1] != null ? nm[m - 1] : names[i];
                    tx[m - 1] = TokenSets.union(tx[m - 1], text[i]);
                    continue;
                }
                t[m] = types[i];
                g[m] = groups[i];
                in[m] = instances[i];
                nm[m] = names[i];
                tx[m] = TokenSets.of(text[i]);
                m++;
            }
            return new PackageDocs(name, Arrays.copyOf(t, m), Arrays.copyOf(g, m), Arrays.copyOf(in, m),
                    Arrays.copyOf(nm, m), Arrays.copyOf(tx, m));
        }

        private int compareKeys(int a, int b) {
            int c = Keys.compare(types[a], groups[a], instances[a], types[b], groups[b], instances[b]);
            return c != 0 ? c : Integer.compare(a, b); // stable: the earlier entry's name wins
        }

        private boolean sortedAndDistinct() {
            for (int i = 1; i < n; i++) {
                if (Keys.compare(types[i - 1], groups[i - 1], instances[i - 1], types[i], groups[i], instances[i]) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
