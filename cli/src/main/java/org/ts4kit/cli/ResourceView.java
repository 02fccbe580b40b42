package org.ts4kit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTable;

/**
 * What {@code show} prints of a decoded resource: a string table's strings, a name map's names, tuning or
 * other XML as text (the first 200 lines), anything else as its size and first bytes in hex. Every line is
 * escaped: resource content never drives the terminal.
 */
final class ResourceView {
    static final int MAX_LINES = 200;

    private ResourceView() {
    }

    static void print(String pkg, ResourceKey key, byte[] bytes, PrintWriter out) {
        int type = key.type();
        out.println(String.format(Locale.ROOT, "%s  %s  %s  %,d bytes", ErrorLine.escape(pkg), key, ResourceTypes.nameOrHex(type),
                bytes.length));
        try {
            if (type == StringTable.TYPE) {
                StringTable t = StringTable.decode(pkg, bytes);
                for (int i = 0; i < t.count() && i < MAX_LINES; i++) {
                    out.println(String.format(Locale.ROOT, "  %08X  %s", t.keyHash(i), ErrorLine.escape(t.text(i))));
                }
                more(out, t.count());
                return;
            }
            if (type == NameMap.TYPE) {
                NameMap m = NameMap.decode(pkg, bytes);
                for (int i = 0; i < m.count() && i < MAX_LINES; i++) {
                    out.println(String.format(Locale.ROOT, "  %016X  %s", m.instance(i), ErrorLine.escape(m.name(i))));
                }
                more(out, m.count());
                return;
            }
        } catch (DbpfFormatException e) {
            out.println("  (" + ErrorLine.escape(e.reason()) + ": shown as bytes)");
        }
        if (looksLikeText(bytes)) {
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
            for (int i = 0; i < lines.length && i < MAX_LINES; i++) {
                out.println("  " + ErrorLine.escape(lines[i]));
            }
            more(out, lines.length);
            return;
        }
        StringBuilder hex = new StringBuilder("  ");
        for (int i = 0; i < Math.min(64, bytes.length); i++) {
            hex.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF)).append(i % 16 == 15 ? "\n  " : " ");
        }
        out.println(hex.toString().stripTrailing());
    }

    private static void more(PrintWriter out, int total) {
        if (total > MAX_LINES) {
            out.println(String.format(Locale.ROOT, "  ... %,d more", total - MAX_LINES));
        }
    }

    /** XML and other text: starts with '<' (after an optional BOM) and has no NUL in its first KiB. */
    static boolean looksLikeText(byte[] b) {
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        if (b.length <= start || b[start] != '<') {
            return false;
        }
        for (int i = start; i < Math.min(b.length, 1024); i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
