package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.ts4kit.cache.ResourceCache;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.catalog.PackageRecord;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.search.QueryParser;
import org.ts4kit.search.QuerySyntaxException;
import org.ts4kit.search.SearchIndex;

/**
 * One {@code ts4kit shell}: a collection loaded once (its saved index and search index), then any number of
 * {@code search}, {@code find} and {@code show} commands answered from memory. {@code show} decodes a
 * resource through the session's {@link ResourceCache} (stored compressed), so showing it again, or a
 * resource a previous command read, costs no package open and no decode.
 */
final class ShellSession {
    static final String HELP = String.join("\n",
            "search QUERY      resources matching QUERY (the syntax of `ts4kit search`), numbered",
            "find KEY          packages holding KEY (their key filters first)",
            "show N            resource N of the last search or find: strings, XML or a summary",
            "show PACKAGE KEY  that resource",
            "limit N           print at most N matches per search (now %d)",
            "stats             the resource cache's counters",
            "help, quit");

    private final List<PackageInput> inputs;
    private final Catalog catalog;
    private final SearchIndex index;
    private final ResourceCache cache;
    private final List<String[]> last = new ArrayList<>(); // package name, key of each numbered result
    int limit = 100;

    ShellSession(List<PackageInput> inputs, Catalog catalog, SearchIndex index, ResourceCache cache) {
        this.inputs = inputs;
        this.catalog = catalog;
        this.index = index;
        this.cache = cache;
    }

    /** Runs one command line; false for {@code quit}. */
    boolean run(String line, PrintWriter out) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String command = space < 0 ? trimmed : trimmed.substring(0, space);
        String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (command) {
            case "" -> { }
            case "quit", "exit" -> {
                return false;
            }
            case "help" -> out.println(String.format(Locale.ROOT, HELP, limit));
            case "search" -> search(rest, out);
            case "find" -> find(rest, out);
            case "show" -> show(rest, out);
            case "limit" -> limit(rest, out);
            case "stats" -> out.println(stats());
            default -> out.println("unknown command '" + ErrorLine.escape(command) + "' (help lists them)");
        }
        out.flush();
        return true;
    }

    private void search(String query, PrintWriter out) {
        RoaringBitmap hits;
        try {
            hits = index.match(QueryParser.parse(query));
        } catch (QuerySyntaxException e) {
            out.println("query: " + e.getMessage());
            return;
        }
        last.clear();
        for (PeekableIntIterator it = hits.getIntIterator(); it.hasNext() && last.size() < limit; ) {
            int r = it.next();
            String key = ResourceKey.format(index.type(r), index.group(r), index.instance(r));
            remember(out, index.packageName(r), key, ResourceTypes.name(index.type(r)), index.resourceName(r));
        }
        out.println(String.format(Locale.ROOT, "%,d of %,d resources match%s", hits.getLongCardinality(), index.size(),
                last.size() < hits.getLongCardinality() ? ", " + last.size() + " shown (limit N for more)" : ""));
    }

    private void find(String text, PrintWriter out) {
        ResourceKey key;
        try {
            key = ResourceKey.parse(text);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return;
        }
        last.clear();
        int opened = 0;
        for (int i = 0; i < inputs.size(); i++) {
            PackageRecord r = catalog.records().get(i);
            if (!r.indexRead() || !r.mayHold(key.type(), key.group(), key.instance())) {
                continue;
            }
            opened++;
            try (DbpfPackage pkg = inputs.get(i).open()) {
                if (pkg.index().find(key) >= 0) {
                    remember(out, r.name(), key.toString(), ResourceTypes.name(key.type()), null);
                }
            } catch (IOException | RuntimeException e) {
                out.println(ErrorLine.escape(r.location()) + ": cannot read: " + ErrorReport.describe(e));
            }
        }
        out.println(String.format(Locale.ROOT, "%,d of %,d packages hold %s (%,d opened)", last.size(), inputs.size(), key, opened));
    }

    private void remember(PrintWriter out, String pkg, String key, String typeName, String name) {
        last.add(new String[] {pkg, key});
        out.println(String.format(Locale.ROOT, "%4d  %s  %s  %s  %s", last.size(), ErrorLine.escape(pkg), key,
                typeName == null ? "-" : typeName, name == null ? "-" : ErrorLine.escape(name)));
    }

    private void show(String args, PrintWriter out) {
        String pkg;
        String key;
        int space = args.lastIndexOf(' ');
        if (args.matches("[0-9]+")) {
            int n = Integer.parseInt(args);
            if (n < 1 || n > last.size()) {
                out.println("no result " + n + (last.isEmpty() ? " (search or find first)" : " (1 to " + last.size() + ")"));
                return;
            }
            pkg = last.get(n - 1)[0];
            key = last.get(n - 1)[1];
        } else if (space > 0) {
            pkg = args.substring(0, space).strip();
            key = args.substring(space + 1);
        } else {
            out.println("show N, or show PACKAGE KEY");
            return;
        }
        ResourceKey k;
        try {
            k = ResourceKey.parse(key);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return;
        }
        int p = position(pkg);
        if (p < 0) {
            out.println("no package named " + ErrorLine.escape(pkg));
            return;
        }
        PackageInput input = inputs.get(p);
        byte[] bytes;
        try {
            long id = ResourceCache.packageId(input.location(), input.stamp().size(), input.stamp().modifiedNanos() / 1_000_000);
            bytes = cache.getOrLoad(id, k.type(), k.group(), k.instance(), () -> read(input, k));
        } catch (IOException e) {
            out.println(e instanceof DbpfFormatException d ? ErrorLine.of(d.file(), d.offset(), d.reason())
                    : ErrorLine.escape(input.location()) + ": cannot read: " + ErrorReport.describe(e));
            return;
        }
        ResourceView.print(input.name(), k, bytes, out);
    }

    private static byte[] read(PackageInput input, ResourceKey k) throws IOException {
        try (DbpfPackage pkg = input.open()) {
            int e = pkg.index().find(k);
            if (e < 0) {
                throw new IOException("no live entry " + k + " in " + input.name());
            }
            return pkg.read(e);
        }
    }

    private int position(String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void limit(String n, PrintWriter out) {
        try {
            int v = Integer.parseInt(n);
            if (v < 1) {
                throw new NumberFormatException();
            }
            limit = v;
            out.println("limit " + v);
        } catch (NumberFormatException e) {
            out.println("limit takes a number of 1 or more, not '" + ErrorLine.escape(n) + "'");
        }
    }

    String stats() {
        ResourceCache.Stats s = cache.stats();
        return String.format(Locale.ROOT, "cache: %,d hits, %,d misses, %,d negative, %,d evictions; %,d resources in %.1f of %.1f MB",
                s.hits(), s.misses(), s.negatives(), s.evictions(), cache.entries(), cache.bytesHeld() / 1e6, cache.maxBytes() / 1e6);
    }
}
