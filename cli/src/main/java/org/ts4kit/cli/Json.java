package org.ts4kit.cli;

/**
 * The little JSON the CLI writes (flat objects, strings, numbers, booleans, string arrays). Hand
 * written: a JSON library would add start-up time and a dependency for four methods.
 */
final class Json {
    private final StringBuilder sb = new StringBuilder(160);
    private boolean first = true;

    Json() {
        sb.append('{');
    }

    /** A string field; {@code null} is written as JSON null. */
    Json field(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(sb, value);
        }
        return this;
    }

    Json field(String name, long value) {
        key(name);
        sb.append(value);
        return this;
    }

    Json field(String name, boolean value) {
        key(name);
        sb.append(value);
        return this;
    }

    Json field(String name, Iterable<String> values) {
        key(name);
        sb.append('[');
        boolean f = true;
        for (String v : values) {
            if (!f) {
                sb.append(',');
            }
            f = false;
            quote(sb, v);
        }
        sb.append(']');
        return this;
    }

    private void key(String name) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(sb, name);
        sb.append(':');
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString() + '}';
    }
}
