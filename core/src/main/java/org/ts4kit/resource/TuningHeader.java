package org.ts4kit.resource;

import java.nio.ByteBuffer;

/**
 * The identity of a tuning resource, read from the root element of its XML without parsing the
 * rest: {@code <I c="Buff" i="buff" m="buffs.buff" n="MyMod:Buff_Happy" s="1234567890">} for
 * instance tuning, {@code <M n="module.name" s="…">} for module tuning.
 *
 * <pre>{@code
 * TuningHeader h = TuningHeader.sniff(pkg.read(e));
 * if (h != null) System.out.println(h.name() + " " + Long.toUnsignedString(h.instance()));
 * }</pre>
 *
 * <h2>What it reads</h2>
 * Only a bounded prefix ({@link #MAX_SCAN} bytes), in place and up to the root's {@code >}:
 * tuning files run to megabytes and the root element comes first. Before the root it skips a byte-order mark (UTF-8 or UTF-16, which also
 * picks the decoding), whitespace, the {@code <?xml …?>} declaration and other processing
 * instructions, comments and a {@code <!DOCTYPE …>}. Attribute values may use either quote and
 * the five predefined entities plus numeric character references; unknown entities are kept as
 * written.
 *
 * <h2>When it answers null</h2>
 * A sniffer never throws on content: anything that is not an {@code <I>} or {@code <M>} root
 * whose start tag ends inside the prefix gives null, whether that is binary data, plain text,
 * another XML root ({@code <ASM>}, {@code <combined>}), or a start tag cut off by the end of the
 * resource. An {@code s} that is not an unsigned decimal 64-bit number gives a header whose
 * {@link #hasInstance()} is false; {@link #instanceText()} keeps what was written.
 */
public final class TuningHeader {
    /** Bytes looked at from the start of the resource. */
    public static final int MAX_SCAN = 64 * 1024;

    private final String root;
    private final String className;
    private final String instanceType;
    private final String module;
    private final String name;
    private final String instanceText;
    private final boolean hasInstance;
    private final long instance;

    TuningHeader(String root, String className, String instanceType, String module, String name, String instanceText) {
        this.root = root;
        this.className = className;
        this.instanceType = instanceType;
        this.module = module;
        this.name = name;
        this.instanceText = instanceText;
        long parsed = 0;
        boolean ok = false;
        if (instanceText != null && !instanceText.isEmpty() && isDigits(instanceText)) {
            try {
                parsed = Long.parseUnsignedLong(instanceText);
                ok = true;
            } catch (NumberFormatException tooBig) {
                // over 2^64 - 1: not an instance
            }
        }
        this.instance = parsed;
        this.hasInstance = ok;
    }

    /** Sniffs a whole array; null when it does not start like tuning XML. */
    public static TuningHeader sniff(byte[] data) {
        return sniff(ByteBuffer.wrap(data));
    }

    /** Sniffs the bytes between the buffer's position and limit; the buffer is not moved. */
    public static TuningHeader sniff(ByteBuffer data) {
        return new TuningXmlScanner().header(data);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code "I"} (instance tuning) or {@code "M"} (module tuning). */
    public String root() {
        return root;
    }

    public boolean isModule() {
        return "M".equals(root);
    }

    /** The {@code c} attribute: the Python class, e.g. {@code Buff}; null when absent. */
    public String className() {
        return className;
    }

    /** The {@code i} attribute: the instance type, e.g. {@code buff}; null when absent. */
    public String instanceType() {
        return instanceType;
    }

    /** The {@code m} attribute: the Python module, e.g. {@code buffs.buff}; null when absent. */
    public String module() {
        return module;
    }

    /** The {@code n} attribute: the tuning's name; null when absent. */
    public String name() {
        return name;
    }

    /** The {@code s} attribute as written; null when absent. */
    public String instanceText() {
        return instanceText;
    }

    /** True when {@code s} is an unsigned decimal that fits 64 bits. */
    public boolean hasInstance() {
        return hasInstance;
    }

    /** The instance from {@code s} (compare and print it unsigned); 0 when {@link #hasInstance()} is false. */
    public long instance() {
        return instance;
    }

    @Override
    public String toString() {
        return "<" + root + " c=" + className + " i=" + instanceType + " m=" + module + " n=" + name + " s=" + instanceText + ">";
    }
}
