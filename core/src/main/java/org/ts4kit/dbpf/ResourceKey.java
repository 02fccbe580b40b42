package org.ts4kit.dbpf;

import org.ts4kit.simd.IndexKernels;


/**
 * A resource's identity: type, group and 64-bit instance (the "TGI"). Printed and parsed as
 * {@code TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII} in upper-case hex. A plain final class, not a
 * record: Spark's Kryo 4 cannot serialise records.
 */
public final class ResourceKey implements Comparable<ResourceKey> {
    private final int type;
    private final int group;
    private final long instance;

    public ResourceKey(int type, int group, long instance) {
        this.type = type;
        this.group = group;
        this.instance = instance;
    }

    public static ResourceKey of(int type, int group, long instance) {
        return new ResourceKey(type, group, instance);
    }

    /** Parses {@code T:G:I} in hex (1–8, 1–8 and 1–16 digits, any case, optional {@code 0x}). */
    public static ResourceKey parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a key reads TYPE:GROUP:INSTANCE in hex, got '" + text + "'");
        }
        return new ResourceKey((int) hex(parts[0], 8, text), (int) hex(parts[1], 8, text), hex(parts[2], 16, text));
    }

    private static long hex(String s, int maxDigits, String whole) {
        String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (digits.isEmpty() || digits.length() > maxDigits) {
            throw new IllegalArgumentException("'" + s + "' in key '" + whole + "' needs 1 to " + maxDigits + " hex digits");
        }
        try {
            return Long.parseUnsignedLong(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' in key '" + whole + "' is not hex");
        }
    }

    public int type() {
        return type;
    }

    public int group() {
        return group;
    }

    public long instance() {
        return instance;
    }

    public static String format(int type, int group, long instance) {
        return hex8(type) + ':' + hex8(group) + ':' + hex16(instance);
    }


    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** 8 upper-case hex digits. By hand: {@code String.format} costs more than reading the entry. */
    public static String hex8(int v) {
        char[] c = new char[8];
        for (int i = 7; i >= 0; i--, v >>>= 4) {
            c[i] = HEX[v & 0xF];
        }
        return new String(c);
    }

    /** 16 upper-case hex digits. */
    public static String hex16(long v) {
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--, v >>>= 4) {
            c[i] = HEX[(int) (v & 0xF)];
        }
        return new String(c);
    }

    @Override
    public String toString() {
        return format(type, group, instance);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceKey && ((ResourceKey) o).type == type && ((ResourceKey) o).group == group
                && ((ResourceKey) o).instance == instance;
    }

    @Override
    public int hashCode() {
        long h = IndexKernels.keyHash(type, group, instance);
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public int compareTo(ResourceKey o) {
        int c = Integer.compareUnsigned(type, o.type);
        if (c == 0) {
            c = Integer.compareUnsigned(group, o.group);
        }
        return c != 0 ? c : Long.compareUnsigned(instance, o.instance);
    }
}
