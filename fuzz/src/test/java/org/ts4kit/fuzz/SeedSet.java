package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Seed inputs gathered per harness: at most {@link #PER_HARNESS} distinct inputs each, none over
 * {@link #MAX_BYTES} (libFuzzer mutates small inputs faster, and the committed corpus stays small).
 */
final class SeedSet {
    static final int PER_HARNESS = 16;
    static final int MAX_BYTES = 32 << 10;

    private final Map<Class<?>, Map<String, byte[]>> seeds = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    /** Adds {@code bytes} as {@code harness}'s seed {@code name}; false when full, too large or a repeat. */
    boolean add(Class<?> harness, String name, byte[] bytes) {
        Map<String, byte[]> mine = seeds.computeIfAbsent(harness, h -> new LinkedHashMap<>());
        if (bytes.length > MAX_BYTES || mine.size() >= PER_HARNESS || !seen.add(harness.getName() + " " + sha1(bytes))) {
            return false;
        }
        mine.put(safe(name), bytes);
        return true;
    }

    /**
     * Writes every seed to {@code root/<Harness>Inputs/<method>/<prefix><name>} (Jazzer's layout of
     * inputs by class and {@code @FuzzTest} method) and prints how many went where.
     */
    void writeUnder(Path root, String prefix, boolean byClassName) throws IOException {
        for (Map.Entry<Class<?>, Map<String, byte[]>> h : seeds.entrySet()) {
            Path dir = byClassName ? root.resolve(h.getKey().getName()).resolve(method(h.getKey()))
                    : root.resolve(h.getKey().getSimpleName() + "Inputs").resolve(method(h.getKey()));
            Files.createDirectories(dir);
            long bytes = 0;
            for (Map.Entry<String, byte[]> s : h.getValue().entrySet()) {
                Files.write(dir.resolve(prefix + s.getKey()), s.getValue());
                bytes += s.getValue().length;
            }
            System.out.printf("%-28s %3d seeds, %7d bytes -> %s%n", h.getKey().getSimpleName(), h.getValue().size(), bytes, dir);
        }
    }

    /** The one {@code @FuzzTest} method of a harness class: its inputs folder is named after it. */
    static String method(Class<?> harness) {
        for (Method m : harness.getDeclaredMethods()) {
            if (m.isAnnotationPresent(FuzzTest.class)) {
                return m.getName();
            }
        }
        throw new IllegalArgumentException(harness + " has no @FuzzTest method");
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String sha1(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
