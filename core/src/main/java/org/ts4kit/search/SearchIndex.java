package org.ts4kit.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * An inverted index over the resources of a collection (one package or thousands): type, group, instance,
 * names, string-table text and package-name tokens, with RoaringBitmap postings. A resource is a package
 * and a key; resources are numbered in the order results are printed, by package name ({@link
 * String#compareTo}, as {@code conflicts} sorts names), then key, so the bitmap a query yields is already
 * sorted output.
 *
 * <pre>{@code
 * SearchIndex index = SearchIndex.build(docs);                 // one PackageDocs per package
 * RoaringBitmap hits = index.match(QueryParser.parse("type:StringTable text:hello"));
 * hits.forEach((int r) -> System.out.println(index.packageName(r) + " " + index.key(r)));
 * }</pre>
 *
 * Names and text are tokenized at build time ({@link Tokens}); type has postings per value; group and
 * instance, nearly unique per resource, are answered by a scan of their column (a few hundred
 * microseconds per million resources) rather than a bitmap each. Immutable once built; safe to query from
 * many threads.
 */
public final class SearchIndex {
    private final String[] packages;
    /** First resource of each package, plus the total at the end. */
    private final int[] starts;
    private final int[] types;
    private final int[] groups;
    private final long[] instances;
    private final String[] names;
    private final TypePostings typePostings;
    private final Postings name;
    private final Postings text;
    private final Postings pkg;

    private SearchIndex(String[] packages, int[] starts, int[] types, int[] groups, long[] instances, String[] names,
            TypePostings typePostings, Postings name, Postings text, Postings pkg) {
        this.packages = packages;
        this.starts = starts;
        this.types = types;
        this.groups = groups;
        this.instances = instances;
        this.names = names;
        this.typePostings = typePostings;
        this.name = name;
        this.text = text;
        this.pkg = pkg;
    }

    /** Indexes every resource of {@code docs} (package names must be distinct). */
    public static SearchIndex build(Collection<PackageDocs> docs) {
        PackageDocs[] order = docs.toArray(new PackageDocs[0]);
        Arrays.sort(order, Comparator.comparing(PackageDocs::name));
        int total = 0;
        for (PackageDocs d : order) {
            total = Math.addExact(total, d.size());
        }
        String[] packages = new String[order.length];
        int[] starts = new int[order.length + 1];
        int[] types = new int[total];
        int[] groups = new int[total];
        long[] instances = new long[total];
        String[] names = new String[total];
        Postings name = new Postings();
        Postings text = new Postings();
        Postings pkg = new Postings();
        int r = 0;
        for (int p = 0; p < order.length; p++) {
            PackageDocs d = order[p];
            if (p > 0 && d.name().equals(packages[p - 1])) {
                throw new IllegalArgumentException("two packages named " + d.name());
            }
            packages[p] = d.name();
            starts[p] = r;
            for (int i = 0; i < d.size(); i++, r++) {
                types[r] = d.type(i);
                groups[r] = d.group(i);
                instances[r] = d.instance(i);
                String n = d.resourceName(i);
                names[r] = n;
                if (n != null) {
                    int doc = r;
                    Tokens.forEach(n, t -> name.add(t, doc));
                }
                for (String t : d.text(i)) {
                    text.add(t, r);
                }
            }
            int from = starts[p];
            int to = r;
            if (to > from) {
                Tokens.forEach(d.name(), t -> pkg.addRange(t, from, to));
            }
        }
        starts[order.length] = r;
        TypePostings typePostings = new TypePostings(types);
        name.freeze();
        text.freeze();
        pkg.freeze();
        return new SearchIndex(packages, starts, types, groups, instances, names, typePostings, name, text, pkg);
    }

    /** The resources {@code query} matches, in output order. A new bitmap, the caller's to keep. */
    public RoaringBitmap match(Query query) {
        // eval hands out a term's own posting for a single term: the caller gets a copy it may modify
        return eval(query).clone();
    }

    private RoaringBitmap eval(Query q) {
        if (q instanceof Query.Words w) {
            return words(w);
        }
        if (q instanceof Query.Value v) {
            return switch (v.field()) {
                case TYPE -> typePostings.get((int) v.value());
                case GROUP -> Columns.equal(groups, (int) v.value());
                default -> Columns.equal(instances, v.value());
            };
        }
        if (q instanceof Query.Key k) {
            return Columns.key(types, groups, instances, k.type(), k.group(), k.instance());
        }
        if (q instanceof Query.Or o) {
            RoaringBitmap[] parts = o.parts().stream().map(this::eval).toArray(RoaringBitmap[]::new);
            return FastAggregation.or(parts);
        }
        if (q instanceof Query.Not n) {
            return RoaringBitmap.andNot(all(), eval(n.negated()));
        }
        return and(((Query.And) q).parts());
    }

    private RoaringBitmap and(List<Query> parts) {
        List<RoaringBitmap> positive = new java.util.ArrayList<>();
        List<RoaringBitmap> negative = new java.util.ArrayList<>();
        for (Query part : parts) {
            if (part instanceof Query.Not n) {
                negative.add(eval(n.negated()));
            } else {
                positive.add(eval(part));
            }
        }
        RoaringBitmap result = positive.isEmpty() ? all()
                : positive.size() == 1 ? positive.get(0).clone() : FastAggregation.and(positive.toArray(new RoaringBitmap[0]));
        for (RoaringBitmap minus : negative) {
            result.andNot(minus);
        }
        return result;
    }

    private RoaringBitmap words(Query.Words w) {
        List<String> tokens = w.tokens();
        RoaringBitmap[] each = new RoaringBitmap[tokens.size()];
        for (int i = 0; i < each.length; i++) {
            boolean prefix = w.lastIsPrefix() && i == each.length - 1;
            each[i] = switch (w.field()) {
                case NAME -> term(name, tokens.get(i), prefix);
                case TEXT -> term(text, tokens.get(i), prefix);
                case PKG -> term(pkg, tokens.get(i), prefix);
                default -> RoaringBitmap.or(term(name, tokens.get(i), prefix), term(text, tokens.get(i), prefix));
            };
        }
        return each.length == 1 ? each[0] : FastAggregation.and(each);
    }

    private static RoaringBitmap term(Postings field, String token, boolean prefix) {
        return prefix ? field.withPrefix(token) : field.get(token);
    }

    private RoaringBitmap all() {
        RoaringBitmap b = new RoaringBitmap();
        b.add(0L, (long) types.length);
        return b;
    }

    /** How many resources are indexed. */
    public int size() {
        return types.length;
    }

    public int packageCount() {
        return packages.length;
    }

    /** The package of resource {@code r}. */
    public String packageName(int r) {
        int p = Arrays.binarySearch(starts, r);
        if (p < 0) {
            p = -p - 2;
        } else {
            while (p + 1 < starts.length && starts[p + 1] == r) {
                p++; // packages without resources share their start with the next one
            }
        }
        return packages[p];
    }

    public int type(int r) {
        return types[r];
    }

    public int group(int r) {
        return groups[r];
    }

    public long instance(int r) {
        return instances[r];
    }

    /** The resource's name (tuning {@code n=} or name map), or null. */
    public String resourceName(int r) {
        return names[r];
    }

    /** Distinct tokens in the name, text and package dictionaries (for sizing and benchmarks). */
    public int termCount() {
        return name.termCount() + text.termCount() + pkg.termCount();
    }

    /** An estimate of the postings' memory: bitmaps and terms. */
    public long postingsBytes() {
        return typePostings.sizeInBytes() + name.sizeInBytes() + text.sizeInBytes() + pkg.sizeInBytes();
    }
}
