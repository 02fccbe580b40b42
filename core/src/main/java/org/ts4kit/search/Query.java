package org.ts4kit.search;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A parsed query ({@link QueryParser#parse}): terms combined with AND, OR and NOT. Immutable values with
 * structural equality; {@link #toString()} prints a canonical query (parentheses only where needed) that
 * parses back to an equal one.
 *
 * <pre>{@code
 * Query q = QueryParser.parse("type:StringTable (buff OR moodlet) -pkg:old");
 * RoaringBitmap hits = index.match(q);
 * }</pre>
 */
public sealed interface Query permits Query.Words, Query.Value, Query.Key, Query.And, Query.Or, Query.Not {

    /**
     * Every token must occur in the field ({@link Field#NAME}, {@link Field#TEXT}, {@link Field#PKG} or
     * {@link Field#ANY}: name or text); with {@code lastIsPrefix}, the last token matches any token that
     * starts with it ({@code buff*}).
     */
    record Words(Field field, List<String> tokens, boolean lastIsPrefix) implements Query {
        public Words {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty() || !field.isText()) {
                throw new IllegalArgumentException("words need a text field and at least one token");
            }
        }

        @Override
        public String toString() {
            String quoted = "\"" + String.join(" ", tokens) + (lastIsPrefix ? "*" : "") + "\"";
            return field == Field.ANY ? quoted : field.prefix() + ":" + quoted;
        }
    }

    /** The type, group or instance equals {@code value} (a type or group in the low 32 bits). */
    record Value(Field field, long value) implements Query {
        public Value {
            if (field != Field.TYPE && field != Field.GROUP && field != Field.INSTANCE) {
                throw new IllegalArgumentException(field + " is not a number field");
            }
        }

        @Override
        public String toString() {
            return field.prefix() + ":" + (field == Field.INSTANCE ? String.format(Locale.ROOT, "%016X", value)
                    : String.format(Locale.ROOT, "%08X", (int) value));
        }
    }

    /** One whole resource key. */
    record Key(int type, int group, long instance) implements Query {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "key:%08X:%08X:%016X", type, group, instance);
        }
    }

    /** Every part matches (at least two parts, none of them an {@code And}: the parser flattens). */
    record And(List<Query> parts) implements Query {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            // AND binds tighter than OR: only an Or part needs parentheses
            return parts.stream().map(p -> p instanceof Or ? "(" + p + ")" : p.toString()).collect(Collectors.joining(" "));
        }
    }

    /** Any part matches (at least two parts, none of them an {@code Or}: the parser flattens). */
    record Or(List<Query> parts) implements Query {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return parts.stream().map(Object::toString).collect(Collectors.joining(" OR "));
        }
    }

    /** Everything but what {@code negated} matches. */
    record Not(Query negated) implements Query {
        @Override
        public String toString() {
            return negated instanceof And || negated instanceof Or ? "-(" + negated + ")" : "-" + negated;
        }
    }
}
