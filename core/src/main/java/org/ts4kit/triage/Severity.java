package org.ts4kit.triage;

import java.util.Locale;
import org.ts4kit.resource.ResourceTypes;

/**
 * How much a conflict or a finding matters to a player, lowest first. For a conflicting key it comes
 * from the resource type ({@link #of(int)}) and only when the copies differ: byte-identical copies are
 * harmless whatever they hold ({@link #NONE}).
 *
 * <table>
 *   <caption>Severity of an override by resource type</caption>
 *   <tr><th>high</th><td>tuning (every XML tuning type) and SimData: they change how the game behaves</td></tr>
 *   <tr><th>medium</th><td>CAS parts, object definitions and catalog entries, string tables, meshes and every
 *       type not named here</td></tr>
 *   <tr><th>low</th><td>images (DST, RLE2, RLES, LRLE, PNG) and thumbnails: they change how something looks</td></tr>
 * </table>
 */
public enum Severity {
    /** Nothing to do: identical copies of one resource. */
    NONE,
    LOW,
    MEDIUM,
    HIGH;

    /** Images and thumbnails: what a player sees, never what the game does. */
    private static final int[] LOW_TYPES = {
        ResourceTypes.DST_IMAGE, ResourceTypes.RLE2_IMAGE, ResourceTypes.RLES_IMAGE, ResourceTypes.PNG_IMAGE,
        0x2BC04EDF, // LRLE image
        0x3C1AF1F2, // CAS part thumbnail
        0x5B282D45, // body part thumbnail
        0x3C2A8647, // buy/build thumbnail
    };

    /** The severity of two packages holding different bytes under one key of {@code type}. */
    public static Severity of(int type) {
        if (type == ResourceTypes.SIM_DATA || ResourceTypes.isTuning(type)) {
            return HIGH;
        }
        for (int low : LOW_TYPES) {
            if (low == type) {
                return LOW;
            }
        }
        return MEDIUM;
    }

    /** The severity of one conflicting key: {@link #NONE} for identical copies, else the type's. */
    public static Severity of(int type, boolean identical) {
        return identical ? NONE : of(type);
    }

    /** {@code none}, {@code low}, {@code medium}, {@code high}: as the CLI and the job's tables write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity a label names, any case; an {@link IllegalArgumentException} that lists the labels otherwise. */
    public static Severity parse(String label) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("no severity '" + label + "': use none, low, medium or high");
    }

    /** The higher of the two. */
    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
