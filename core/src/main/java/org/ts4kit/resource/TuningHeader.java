package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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
 * Only a bounded prefix ({@link #MAX_SCAN} bytes): tuning files run to megabytes and the root
 * element comes first. Before the root it skips a byte-order mark (UTF-8 or UTF-16, which also
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
    /** The first, usually sufficient, prefix; even, so UTF-16 text is not cut mid-unit. */
    private static final int FIRST_SCAN = 1024;

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
        return sniff(data, 0, data.length);
    }

    /** Sniffs {@code data[off, off + len)}. */
    public static TuningHeader sniff(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || len > data.length - off) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside an array of " + data.length);
        }
        int n = Math.min(len, MAX_SCAN);
        int bom = 0;
        Charset cs = StandardCharsets.UTF_8;
        if (n >= 3 && (data[off] & 0xFF) == 0xEF && (data[off + 1] & 0xFF) == 0xBB && (data[off + 2] & 0xFF) == 0xBF) {
            bom = 3;
        } else if (n >= 2 && (data[off] & 0xFF) == 0xFF && (data[off + 1] & 0xFF) == 0xFE) {
            bom = 2;
            cs = StandardCharsets.UTF_16LE;
        } else if (n >= 2 && (data[off] & 0xFF) == 0xFE && (data[off + 1] & 0xFF) == 0xFF) {
            bom = 2;
            cs = StandardCharsets.UTF_16BE;
        }
        // Most roots sit in the first few hundred bytes: decode a small prefix first and a larger
        // one only when the scanner ran out of text (a long licence comment, say). Decoding
        // replaces malformed input (binary data, a character cut by the prefix) with U+FFFD,
        // which never forms markup, so binary resources fall out as "not XML" quickly.
        for (int step = FIRST_SCAN; ; step *= 8) {
            int take = Math.min(n, step);
            TuningHeader h = TuningXmlScanner.scan(new String(data, off + bom, take - bom, cs));
            if (h != TuningXmlScanner.NEED_MORE) {
                return h;
            }
            if (take == n) {
                return null;
            }
        }
    }

    /** Sniffs the bytes between the buffer's position and limit; the buffer is not moved. */
    public static TuningHeader sniff(ByteBuffer data) {
        ByteBuffer b = data.slice();
        int n = Math.min(b.remaining(), MAX_SCAN);
        if (b.hasArray()) {
            return sniff(b.array(), b.arrayOffset(), n);
        }
        byte[] prefix = new byte[n];
        b.get(0, prefix, 0, n);
        return sniff(prefix);
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
