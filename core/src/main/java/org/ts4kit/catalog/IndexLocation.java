package org.ts4kit.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a collection's saved index lives when no file is named: in the cache folder, never inside the
 * collection (the game, and our own walk, would meet a stranger file in Mods). The folder is the system
 * property {@code ts4kit.indexDir}, else {@code $TS4KIT_INDEX_DIR}, else {@code $XDG_CACHE_HOME/ts4kit/index},
 * else {@code ~/.cache/ts4kit/index}; the file is named after the first input and a digest of all of them
 * as given and as absolute paths ({@code Mods-3f9c0a1b2c3d4e5f.ts4idx}), so each command line that names
 * the same inputs finds the same file.
 */
public final class IndexLocation {
    public static final String SUFFIX = ".ts4idx";

    private IndexLocation() {
    }

    public static Path folder() {
        String dir = System.getProperty("ts4kit.indexDir");
        if (blank(dir)) {
            dir = System.getenv("TS4KIT_INDEX_DIR");
        }
        if (!blank(dir)) {
            return Path.of(dir);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = blank(cache) ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return base.resolve("ts4kit").resolve("index");
    }

    /** The saved index for {@code roots} (in this order) in {@link #folder()}. */
    public static Path forRoots(List<Path> roots) {
        StringBuilder inputs = new StringBuilder();
        for (Path root : roots) {
            inputs.append(root).append('\u0000').append(root.toAbsolutePath().normalize()).append('\n');
        }
        Path first = roots.isEmpty() ? null : roots.get(0).toAbsolutePath().normalize().getFileName();
        String label = first == null ? "root" : first.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (label.length() > 40) {
            label = label.substring(0, 40);
        }
        return folder().resolve(label + "-" + Catalog.digest(inputs.toString()) + SUFFIX);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
