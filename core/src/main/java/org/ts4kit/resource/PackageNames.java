package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;

/**
 * The names a package's name maps ({@link NameMap}, type {@code 0x0166038C}) give its resources,
 * loaded once per package so that {@link ResourceDetails} can name any resource as it streams
 * past, whether the map comes before or after it in the index.
 *
 * <pre>{@code
 * PackageNames names = PackageNames.load(pkg, reader);   // before the per-resource loop
 * String name = names.nameOf(pkg.index().instance(i));  // null when no map names it
 * }</pre>
 *
 * A package may hold several maps (one per group, or a tool's and a merge's): look-ups try them
 * in index order and the first that names an instance wins. A map that does not decode, at the
 * DBPF level (a corrupt entry) or as a name map (a lying count), is passed over: its names are
 * simply absent. Immutable; safe to share between threads.
 */
public final class PackageNames {
    /** No names at all: for packages without a map, or callers that do not want them. */
    public static final PackageNames NONE = new PackageNames(new NameMap[0]);

    private final NameMap[] maps;

    private PackageNames(NameMap[] maps) {
        this.maps = maps;
    }

    /** The given maps, looked up in this order. */
    public static PackageNames of(NameMap... maps) {
        return maps.length == 0 ? NONE : new PackageNames(maps.clone());
    }

    /**
     * Decodes every live name map of {@code pkg} with {@code reader} (whose buffer this
     * overwrites). The maps are found by {@link DbpfIndex#entriesOfType}, the SIMD type filter.
     */
    public static PackageNames load(DbpfPackage pkg, ResourceReader reader) {
        DbpfIndex index = pkg.index();
        List<NameMap> found = new ArrayList<>();
        for (int i : index.entriesOfType(NameMap.TYPE)) {
            if (index.isDeleted(i)) {
                continue;
            }
            try {
                ByteBuffer bytes = reader.read(i);
                found.add(NameMap.decode(pkg.name() + " " + index.key(i), bytes));
            } catch (DbpfFormatException e) {
                // a broken map names nothing; commands that list the entry report a decode failure there
            }
        }
        return of(found.toArray(new NameMap[0]));
    }

    /** How many maps were loaded. */
    public int mapCount() {
        return maps.length;
    }

    /** The first non-empty name a map gives {@code instance}, or null. */
    public String nameOf(long instance) {
        for (NameMap map : maps) {
            int i = map.find(instance);
            if (i >= 0 && map.nameLength(i) > 0) {
                return map.name(i);
            }
        }
        return null;
    }
}
