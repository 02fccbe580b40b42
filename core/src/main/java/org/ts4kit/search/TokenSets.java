package org.ts4kit.search;

import java.util.Arrays;
import java.util.HashSet;
import java.util.function.Consumer;

/** Sorted, distinct token arrays: what a resource's text becomes (a string table's thousand strings, each word once). */
final class TokenSets {
    private TokenSets() {
    }

    /** {@code tokens} sorted and without repeats; null or empty is null. */
    static String[] of(String[] tokens) {
        if (tokens == null || tokens.length == 0) {
            return null;
        }
        String[] s = tokens.clone();
        Arrays.sort(s);
        int m = 1;
        for (int i = 1; i < s.length; i++) {
            if (!s[i].equals(s[m - 1])) {
                s[m++] = s[i];
            }
        }
        return m == s.length ? s : Arrays.copyOf(s, m);
    }

    static String[] union(String[] a, String[] b) {
        if (a == null) {
            return of(b);
        }
        if (b == null) {
            return a;
        }
        String[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return of(both);
    }

    /** The distinct tokens of many texts: feed texts to {@link #add}, then {@link #toArray}. */
    static final class Collector implements Consumer<String> {
        private final HashSet<String> tokens = new HashSet<>();

        void add(CharSequence text) {
            Tokens.forEach(text, this);
        }

        @Override
        public void accept(String token) {
            tokens.add(token);
        }

        String[] toArray() {
            if (tokens.isEmpty()) {
                return null;
            }
            String[] sorted = tokens.toArray(new String[0]);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
