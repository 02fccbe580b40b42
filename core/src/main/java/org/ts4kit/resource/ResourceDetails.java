package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a resource is, beyond its key: its name, and an image's width and height. Computed from
 * one resource's decoded bytes in one call, so a loop that decodes every resource anyway (a scan's
 * per-resource callback, {@code ts4kit ls --details}) gets it for a few dozen bytes read.
 *
 * <pre>{@code
 * PackageNames names = PackageNames.load(pkg, reader);            // once per package
 * for (int i = 0; i < index.size(); i++) {
 *     ByteBuffer bytes = ResourceDetails.readsBytes(index.type(i)) ? reader.read(i) : null;
 *     ResourceDetails d = ResourceDetails.of(index.type(i), index.instance(i), bytes, names);
 *     if (d.hasSize()) System.out.println(d.name() + " " + d.width() + "x" + d.height());
 * }
 * }</pre>
 *
 * <h2>Where the details come from</h2>
 * <ul>
 *   <li>Name: for a tuning type ({@link ResourceTypes#isTuning}) the {@code n} attribute of its
 *       root ({@link TuningHeader}); else, or when that is absent or empty, what the package's
 *       name maps ({@link PackageNames}) say for the instance. An empty name is no name.</li>
 *   <li>Width and height: for an image type (DST, DDS, RLE2, RLES, PNG, the CAS part thumbnail
 *       and the save-game JPEG texture) what its header says ({@link ImageInfo}), as read.</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * The tuning scan reads the bytes in place up to the root's {@code >} (at most
 * {@link TuningHeader#MAX_SCAN}); an image header is a few dozen bytes. Nothing is allocated
 * beyond the result: the name String and, when anything is known, this object ({@link #NONE}
 * otherwise). Content never makes it throw: a corrupt tuning file, a lying image header or a
 * resource of the wrong kind just leaves the detail absent.
 *
 * <p>Immutable. A plain class, not a record: Spark's Kryo 4 cannot serialise records.
 */
public final class ResourceDetails {
    /** Nothing known. */
    public static final ResourceDetails NONE = new ResourceDetails(null, -1, -1);

    /**
     * Image types: S4TK's {@code BinaryResourceType} and Llama Logic's {@code ResourceType} both
     * list DST {@code 00B2D882}, DDS {@code B6C8B6A0}, RLE2, RLES, PNG {@code 2F7D0004} and the CAS
     * part thumbnail {@code 3C1AF1F2}; {@code E88DB35F} (a save game's custom texture, JPEG) is
     * Llama Logic's and appears in {@code shared/real-sample}. Few enough for a linear search.
     */
    private static final int[] IMAGE_TYPES = {
        ResourceTypes.DST_IMAGE, 0xB6C8B6A0, ResourceTypes.RLE2_IMAGE, ResourceTypes.RLES_IMAGE,
        ResourceTypes.PNG_IMAGE, 0x3C1AF1F2, 0xE88DB35F,
    };

    // One scanner per thread: its scratch (attribute ranges) is what keeps a tuning name allocation-free.
    private static final ThreadLocal<TuningXmlScanner> SCANNER = ThreadLocal.withInitial(TuningXmlScanner::new);

    private final String name;
    private final int width;
    private final int height;

    private ResourceDetails(String name, int width, int height) {
        this.name = name;
        this.width = width;
        this.height = height;
    }

    /** True for the types whose details come from their bytes (tuning and images); others need only the names. */
    public static boolean readsBytes(int type) {
        return ResourceTypes.isTuning(type) || isImage(type);
    }

    /** True for the image types whose header {@link #of} reads. */
    public static boolean isImage(int type) {
        for (int t : IMAGE_TYPES) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    /**
     * The details of the resource {@code (type, instance)} whose decompressed bytes are {@code
     * decoded} (position to limit; not moved, not kept). {@code decoded} may be null when the
     * caller did not decode it (types for which {@link #readsBytes} is false need only {@code
     * names}); {@code names} is {@link PackageNames#NONE} when the package's are not wanted.
     */
    public static ResourceDetails of(int type, long instance, ByteBuffer decoded, PackageNames names) {
        Objects.requireNonNull(names, "names (PackageNames.NONE for none)");
        String name = null;
        if (decoded != null && ResourceTypes.isTuning(type)) {
            name = SCANNER.get().name(decoded);
        }
        if (name == null || name.isEmpty()) {
            name = names.nameOf(instance);
        }
        long size = decoded != null && isImage(type) ? ImageInfo.packedSize(decoded) : -1;
        if (name == null && size < 0) {
            return NONE;
        }
        return size < 0 ? new ResourceDetails(name, -1, -1) : new ResourceDetails(name, (int) (size >>> 32), (int) size);
    }

    /** The resource's name; null when unknown. */
    public String name() {
        return name;
    }

    public boolean hasName() {
        return name != null;
    }

    /** Width in pixels; -1 when unknown. */
    public int width() {
        return width;
    }

    /** Height in pixels; -1 when unknown. */
    public int height() {
        return height;
    }

    /** True when width and height are known (they always are together). */
    public boolean hasSize() {
        return width >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceDetails d && Objects.equals(name, d.name) && width == d.width && height == d.height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, width, height);
    }

    @Override
    public String toString() {
        return (name != null ? name : "-") + (hasSize() ? " " + width + "x" + height : "");
    }
}
