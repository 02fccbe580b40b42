package org.ts4kit.simd;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the {@link IndexKernels} twin once, on first use, and logs the choice once. The Vector
 * API twin is used when all of these hold, else the scalar twin:
 * <ul>
 * <li>{@code -Dts4kit.simd} is unset, {@code true}, {@code auto} or {@code panama}
 *     ({@code false} or {@code scalar} force the scalar twin);</li>
 * <li>the JVM was started with {@code --add-modules jdk.incubator.vector};</li>
 * <li>the twin loads (by name, so no other class links against the incubator module), the CPU
 *     has vectors of at least 256 bits, and it agrees with the scalar twin on a small sample.</li>
 * </ul>
 */
public final class IndexKernelsProvider {
    /** The system property that can force the scalar twin. */
    public static final String PROPERTY = "ts4kit.simd";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String PANAMA_CLASS = "org.ts4kit.simd.PanamaIndexKernels";
    private static final System.Logger LOG = System.getLogger(IndexKernelsProvider.class.getName());

    private IndexKernelsProvider() {
    }

    /** The twin this JVM uses, decided on the first call. */
    public static IndexKernels get() {
        return Holder.CHOICE.kernels();
    }

    /** The scalar twin, whatever {@link #get()} picked. */
    public static IndexKernels scalar() {
        return ScalarIndexKernels.INSTANCE;
    }

    /** What {@link #get()} picked and why, e.g. {@code "Panama (256-bit)"} or {@code "scalar (-Dts4kit.simd=false)"}. */
    public static String description() {
        return Holder.CHOICE.description();
    }

    /** A twin and the line that explains it. */
    record Choice(IndexKernels kernels, String description) {
    }

    /** Lazy holder: the decision runs when {@link #get()} is first called, and only once. */
    private static final class Holder {
        static final Choice CHOICE = logged(decide(System.getProperty(PROPERTY), vectorModuleReadable()));
    }

    private static Choice logged(Choice choice) {
        // DEBUG, not INFO: the CLI's stderr carries error lines only (`--stats` shows the choice too)
        LOG.log(Level.DEBUG, "ts4kit: SIMD kernels: {0}", choice.description());
        return choice;
    }

    /** Whether {@code jdk.incubator.vector} is in the boot layer and readable from this class. */
    static boolean vectorModuleReadable() {
        Optional<Module> m = ModuleLayer.boot().findModule(VECTOR_MODULE);
        return m.isPresent() && IndexKernelsProvider.class.getModule().canRead(m.get());
    }

    /**
     * The decision, without caching or logging: {@code property} is the value of
     * {@code -Dts4kit.simd} (or null) and {@code moduleReadable} says whether the Vector API
     * module is there.
     */
    static Choice decide(String property, boolean moduleReadable) {
        String p = property == null ? "" : property.trim().toLowerCase(Locale.ROOT);
        if (p.equals("false") || p.equals("scalar")) {
            return scalar("-D" + PROPERTY + "=" + property);
        }
        if (!p.isEmpty() && !p.equals("true") && !p.equals("auto") && !p.equals("panama")) {
            return scalar("unknown -D" + PROPERTY + "=" + property + "; use true, false, scalar or panama");
        }
        if (!moduleReadable) {
            return scalar("module " + VECTOR_MODULE + " not present; run java with --add-modules "
                    + VECTOR_MODULE + " to use the Vector API");
        }
        IndexKernels panama;
        String mismatch;
        try {
            panama = loadPanama();
            mismatch = SelfCheck.mismatch(panama, ScalarIndexKernels.INSTANCE);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return scalar("Vector API twin unavailable: " + e);
        }
        if (mismatch != null) {
            return scalar("Vector API twin disagrees with the scalar twin on " + mismatch);
        }
        return new Choice(panama, panama.name());
    }

    /**
     * Loads and makes the Vector API twin, without checks; fails when the module is absent
     * ({@link LinkageError}) or the CPU's vectors do not fit ({@link UnsupportedOperationException}).
     */
    static IndexKernels loadPanama() throws ReflectiveOperationException {
        try {
            return (IndexKernels) Class.forName(PANAMA_CLASS).getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static Choice scalar(String reason) {
        return new Choice(ScalarIndexKernels.INSTANCE, "scalar (" + reason + ")");
    }
}
