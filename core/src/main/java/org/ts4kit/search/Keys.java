package org.ts4kit.search;

/** The order resources are listed in: type, then group, then instance, each unsigned (the order their hex sorts in). */
public final class Keys {
    private Keys() {
    }

    public static int compare(int type1, int group1, long instance1, int type2, int group2, long instance2) {
        int c = Integer.compareUnsigned(type1, type2);
        if (c == 0) {
            c = Integer.compareUnsigned(group1, group2);
        }
        return c != 0 ? c : Long.compareUnsigned(instance1, instance2);
    }
}
