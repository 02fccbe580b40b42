package org.ts4kit.resource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * FNV-1 hashes as the game uses them: multiply by the prime, then xor the byte (FNV-1, not
 * FNV-1a), over the UTF-8 bytes of the lower-cased text. String-table keys are the 32-bit hash
 * of a string key; tuning and name-map instances are the 64-bit hash of a resource name
 * (custom content usually also sets bit 63, see {@link #hash64WithHighBit}).
 *
 * <pre>{@code
 * int key = Fnv.hash32("MyMod:Trait_Name");        // the STBL key hash
 * long instance = Fnv.hash64("frankk_LB:objectTuning_textbook_Tartosiano");
 * }</pre>
 *
 * Lower-casing uses {@link Locale#ROOT} so that the result never depends on the machine's locale
 * (a Turkish default locale would turn "I" into a dotless "ı" and change every hash).
 */
public final class Fnv {
    public static final int OFFSET_32 = 0x811C9DC5;
    public static final int PRIME_32 = 0x01000193;
    public static final long OFFSET_64 = 0xCBF29CE484222325L;
    public static final long PRIME_64 = 0x100000001B3L;

    private Fnv() {
    }

    /** FNV-1 32 of the UTF-8 bytes of {@code text} lower-cased. */
    public static int hash32(String text) {
        byte[] b = utf8Lower(text);
        return hash32(b, 0, b.length);
    }

    /** FNV-1 64 of the UTF-8 bytes of {@code text} lower-cased. */
    public static long hash64(String text) {
        byte[] b = utf8Lower(text);
        return hash64(b, 0, b.length);
    }

    /** {@link #hash64} with bit 63 set, the convention for custom content instances. */
    public static long hash64WithHighBit(String text) {
        return hash64(text) | Long.MIN_VALUE;
    }

    /** FNV-1 32 of {@code bytes[from, to)} exactly as given: no lower-casing. */
    public static int hash32(byte[] bytes, int from, int to) {
        int h = OFFSET_32;
        for (int i = from; i < to; i++) {
            h *= PRIME_32;
            h ^= bytes[i] & 0xFF;
        }
        return h;
    }

    /** FNV-1 64 of {@code bytes[from, to)} exactly as given: no lower-casing. */
    public static long hash64(byte[] bytes, int from, int to) {
        long h = OFFSET_64;
        for (int i = from; i < to; i++) {
            h *= PRIME_64;
            h ^= bytes[i] & 0xFF;
        }
        return h;
    }

    private static byte[] utf8Lower(String text) {
        return text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }
}
