package org.ts4kit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class SearchIndexTest {
    private static final String[] WORDS = {"buff", "happy", "sad", "Trait", "lot", "moodlet", "éclair", "x1", "or"};
    private static final int[] TYPES = {0x220557DA, 0x0333406C, 0x00B2D882, 0x545AC67A};

    @Test
    void findsResourcesByKeyNameTextAndPackage() throws Exception {
        SearchIndex index = SearchIndex.build(List.of(
                new PackageDocs.Builder("Creator/buffs.package")
                        .add(0x0333406C, 0, 0x10L, "creator:buff_Happy", null)
                        .add(0x220557DA, 0x80000000, 0x20L, null, new String[] {"good", "morning"})
                        .build(),
                new PackageDocs.Builder("Old/buffs.package")
                        .add(0x0333406C, 0, 0x10L, "creator:buff_Happy", null)
                        .build()));
        assertEquals(List.of("Creator/buffs.package 0333406C:00000000:0000000000000010",
                "Old/buffs.package 0333406C:00000000:0000000000000010"), hits(index, "name:happy"));
        assertEquals(List.of("Creator/buffs.package 0333406C:00000000:0000000000000010"), hits(index, "buff -pkg:old"));
        assertEquals(List.of("Creator/buffs.package 220557DA:80000000:0000000000000020"), hits(index, "type:StringTable morn*"));
        assertEquals(List.of("Creator/buffs.package 220557DA:80000000:0000000000000020"), hits(index, "group:80000000"));
        assertEquals(2, hits(index, "0333406C:00000000:0000000000000010").size());
        assertEquals(List.of(), hits(index, "name:morning"));
    }

    @Test
    void aKeyHeldTwiceInOnePackageIsOneResource() throws Exception {
        SearchIndex index = SearchIndex.build(List.of(new PackageDocs.Builder("p.package")
                .add(1, 2, 3L, null, new String[] {"one"})
                .add(1, 2, 3L, "second", new String[] {"two"})
                .build()));
        assertEquals(1, index.size());
        assertEquals("second", index.resourceName(0));
        assertEquals(1, hits(index, "one two second").size());
    }

    /** Random collections and random queries: the index agrees with evaluating each query on each resource directly. */
    @Test
    void agreesWithADirectEvaluationOfEveryQuery() throws Exception {
        Random random = new Random(13);
        for (int round = 0; round < 30; round++) {
            List<PackageDocs> docs = new ArrayList<>();
            int packages = 1 + random.nextInt(6);
            for (int p = 0; p < packages; p++) {
                PackageDocs.Builder b = new PackageDocs.Builder("Mods/" + word(random) + "_" + p + ".package");
                int n = random.nextInt(30);
                for (int i = 0; i < n; i++) {
                    String name = random.nextInt(3) == 0 ? null : word(random) + ":" + word(random) + "_" + word(random);
                    String[] text = random.nextInt(3) == 0 ? new String[] {word(random).toLowerCase(java.util.Locale.ROOT)} : null;
                    b.add(TYPES[random.nextInt(TYPES.length)], random.nextInt(3), random.nextInt(8), name, text);
                }
                docs.add(b.build());
            }
            SearchIndex index = SearchIndex.build(docs);
            for (int q = 0; q < 40; q++) {
                Query query = QueryParser.parse(randomQuery(random, 3).toString());
                RoaringBitmap expected = new RoaringBitmap();
                for (int r = 0; r < index.size(); r++) {
                    if (Oracle.matches(query, index, r, docs)) {
                        expected.add(r);
                    }
                }
                assertEquals(expected, index.match(query), query.toString());
            }
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static Query randomQuery(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 4 : 7);
        return switch (kind) {
            case 0 -> new Query.Words(Field.values()[3 + random.nextInt(3)], List.of(word(random).toLowerCase(java.util.Locale.ROOT)), random.nextBoolean());
            case 1 -> new Query.Words(Field.ANY, List.of("buff", word(random).toLowerCase(java.util.Locale.ROOT)), false);
            case 2 -> new Query.Value(Field.TYPE, TYPES[random.nextInt(TYPES.length)] & 0xFFFFFFFFL);
            case 3 -> random.nextBoolean() ? new Query.Value(Field.INSTANCE, random.nextInt(8))
                    : new Query.Key(TYPES[random.nextInt(TYPES.length)], random.nextInt(3), random.nextInt(8));
            case 4 -> new Query.And(List.of(randomQuery(random, depth - 1), randomQuery(random, depth - 1)));
            case 5 -> new Query.Or(List.of(randomQuery(random, depth - 1), randomQuery(random, depth - 1)));
            default -> new Query.Not(randomQuery(random, depth - 1));
        };
    }

    private static List<String> hits(SearchIndex index, String query) throws QuerySyntaxException {
        List<String> out = new ArrayList<>();
        index.match(QueryParser.parse(query)).forEach((int r) -> out.add(index.packageName(r) + " "
                + String.format("%08X:%08X:%016X", index.type(r), index.group(r), index.instance(r))));
        return out;
    }

    /** The query language's meaning, written out per resource, independently of the postings. */
    private static final class Oracle {
        static boolean matches(Query q, SearchIndex index, int r, List<PackageDocs> docs) {
            if (q instanceof Query.And a) {
                return a.parts().stream().allMatch(p -> matches(p, index, r, docs));
            }
            if (q instanceof Query.Or o) {
                return o.parts().stream().anyMatch(p -> matches(p, index, r, docs));
            }
            if (q instanceof Query.Not n) {
                return !matches(n.negated(), index, r, docs);
            }
            if (q instanceof Query.Key k) {
                return index.type(r) == k.type() && index.group(r) == k.group() && index.instance(r) == k.instance();
            }
            if (q instanceof Query.Value v) {
                return switch (v.field()) {
                    case TYPE -> (index.type(r) & 0xFFFFFFFFL) == v.value();
                    case GROUP -> (index.group(r) & 0xFFFFFFFFL) == v.value();
                    default -> index.instance(r) == v.value();
                };
            }
            Query.Words w = (Query.Words) q;
            Set<String> name = tokens(index.resourceName(r));
            Set<String> pkg = tokens(index.packageName(r));
            Set<String> text = new HashSet<>(List.of(textOf(index, r, docs)));
            for (int i = 0; i < w.tokens().size(); i++) {
                String t = w.tokens().get(i);
                boolean prefix = w.lastIsPrefix() && i == w.tokens().size() - 1;
                boolean found = switch (w.field()) {
                    case NAME -> has(name, t, prefix);
                    case TEXT -> has(text, t, prefix);
                    case PKG -> has(pkg, t, prefix);
                    default -> has(name, t, prefix) || has(text, t, prefix);
                };
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private static boolean has(Set<String> tokens, String t, boolean prefix) {
            return prefix ? tokens.stream().anyMatch(s -> s.startsWith(t)) : tokens.contains(t);
        }

        private static Set<String> tokens(String s) {
            Set<String> out = new HashSet<>();
            if (s != null) {
                Tokens.forEach(s, out::add);
            }
            return out;
        }

        private static String[] textOf(SearchIndex index, int r, List<PackageDocs> docs) {
            for (PackageDocs d : docs) {
                if (d.name().equals(index.packageName(r))) {
                    for (int i = 0; i < d.size(); i++) {
                        if (d.type(i) == index.type(r) && d.group(i) == index.group(r) && d.instance(i) == index.instance(r)) {
                            return d.text(i);
                        }
                    }
                }
            }
            throw new AssertionError("resource " + r + " not in any package");
        }
    }
}
