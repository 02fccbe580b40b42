package org.ts4kit.search;

import java.util.Locale;

/**
 * What a query term looks at. A term without a prefix ({@link #ANY}) looks at names and text; a full key
 * {@code TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII} typed as a word matches that key ({@link #KEY}).
 */
public enum Field {
    /** The resource type: hex ({@code 220557DA}, {@code 0x} allowed) or a known name ({@code StringTable}). */
    TYPE("type"),
    /** The group, 1 to 8 hex digits. */
    GROUP("group"),
    /** The instance, 1 to 16 hex digits. */
    INSTANCE("instance"),
    /** Tokens of the resource's name: its tuning {@code n="..."}, else what the package's name maps say. */
    NAME("name"),
    /** Tokens of the strings of a string table (the table resource matches). */
    TEXT("text"),
    /** Tokens of the package's name, as {@code conflicts} names packages ({@code Creator/mod.package}). */
    PKG("pkg"),
    /** A whole key, {@code type:group:instance} in hex. */
    KEY("key"),
    /** No prefix: names or text. */
    ANY("");

    private final String prefix;

    Field(String prefix) {
        this.prefix = prefix;
    }

    /** What a user types before the colon; empty for {@link #ANY}. */
    public String prefix() {
        return prefix;
    }

    /** The field a prefix names, in any letter case, or null. */
    static Field byPrefix(String text) {
        String p = text.toLowerCase(Locale.ROOT);
        for (Field f : values()) {
            if (f != ANY && f.prefix.equals(p)) {
                return f;
            }
        }
        return null;
    }

    /** Whether values of this field are words (tokenized) rather than numbers. */
    boolean isText() {
        return this == NAME || this == TEXT || this == PKG || this == ANY;
    }
}
