package org.ts4kit.codec;

/**
 * The native inflate twin's loader, as this runtime sees it. This is the Java 17 class: it never
 * loads anything and says why. A multi-release jar carries a Java 22+ version of this class
 * ({@code src/main/java22}) that binds libdeflate through the Foreign Function &amp; Memory API;
 * Java 22+ picks that one from the jar by itself, so nothing here names FFM types.
 */
final class NativeInflate {
    private NativeInflate() {
    }

    /**
     * The native zlib decoder, or an exception saying why there is none. {@code library} is a file
     * name or path to load instead of the usual names (null for those).
     */
    static Decoder load(String library) {
        int feature = Runtime.version().feature();
        if (feature < 22) {
            throw new UnsupportedOperationException("needs Java 22+ (Foreign Function & Memory API); this is Java " + feature);
        }
        // a Java 22+ runtime that still sees this class: the jar was built without the Java 22 classes
        throw new UnsupportedOperationException("this build has no Java 22 classes (build with a JDK 22+ present: see README, "
                + "\"Native inflate\")");
    }
}
