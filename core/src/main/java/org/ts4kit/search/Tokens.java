package org.ts4kit.search;

import java.util.function.Consumer;

/**
 * How text becomes search terms, the one rule for names, string-table text, package names and the words
 * of a query: a token is a maximal run of letters and digits (Unicode code points, {@link
 * Character#isLetterOrDigit(int)}), each code point lower-cased on its own ({@link Character#toLowerCase(int)},
 * Unicode's simple case mapping: one code point to one, so a token lower-cases to a token and {@code İ} is
 * {@code i}, where {@code String.toLowerCase} would add a combining dot that is no letter); everything else
 * separates tokens. {@code "buff_Tired:Sad2"} is {@code buff}, {@code tired}, {@code sad2}; {@code "Kühlschrank"}
 * stays one token, {@code kühlschrank}. No stemming and no camel-case split: what a user types is what a
 * second, independent reader can reproduce.
 *
 * <pre>{@code
 * Tokens.forEach("Mods/Creator/buff_Happy.package", t -> System.out.println(t)); // mods creator buff happy package
 * }</pre>
 */
public final class Tokens {
    private Tokens() {
    }

    /** Calls {@code sink} with each token of {@code text} in order (repeats included). */
    public static void forEach(CharSequence text, Consumer<String> sink) {
        int n = text.length();
        int start = -1;
        boolean lower = true; // the run is already lower case: no second String
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(text, i);
            int width = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (start < 0) {
                    start = i;
                    lower = true;
                }
                lower &= cp < 0x80 ? !(cp >= 'A' && cp <= 'Z') : false;
            } else if (start >= 0) {
                sink.accept(token(text, start, i, lower));
                start = -1;
            }
            i += width;
        }
        if (start >= 0) {
            sink.accept(token(text, start, n, lower));
        }
    }

    /** True when {@code text} holds at least one token. */
    public static boolean hasToken(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static String token(CharSequence text, int start, int end, boolean lower) {
        String s = text.subSequence(start, end).toString();
        if (lower) {
            return s; // ASCII already in lower case, the common case (tuning names, paths): no second copy
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
