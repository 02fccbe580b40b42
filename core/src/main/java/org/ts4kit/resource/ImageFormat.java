package org.ts4kit.resource;

/** Image encodings found in Sims 4 packages, as {@link ImageInfo} tells them apart by their first bytes. */
public enum ImageFormat {
    /** {@code \x89PNG\r\n\x1A\n}; size from the IHDR chunk. */
    PNG,
    /** {@code FF D8 FF}; size from the first SOF marker. The game's thumbnails are JPEGs. */
    JPEG,
    /** A DirectDraw Surface ({@code "DDS "}) with an ordinary pixel format (DXT1/DXT5, RGBA…). */
    DDS,
    /**
     * A DDS whose pixel-format fourCC is {@code DST1}, {@code DST3} or {@code DST5}: the game's
     * "shuffled" DXT, the usual content of DST image resources ({@code 0x00B2D882}).
     */
    DST,
    /** Run-length-encoded DXT5, version {@code RLE2} ({@code 0x3453CF95}). */
    RLE2,
    /** Run-length-encoded DXT5 with a specular stream, version {@code RLES} ({@code 0xBA856C78}). */
    RLES,
    /** None of the above (or too short to tell). */
    UNKNOWN
}
