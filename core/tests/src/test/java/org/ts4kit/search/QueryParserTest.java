package org.ts4kit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {
    private static Query.Words any(String... tokens) {
        return new Query.Words(Field.ANY, List.of(tokens), false);
    }

    @Test
    void juxtaposedTermsAreAndedAndOrBindsLooser() throws Exception {
        assertEquals(new Query.Or(List.of(new Query.And(List.of(any("a"), any("b"))), any("c"))), QueryParser.parse("a b OR c"));
        assertEquals(new Query.And(List.of(any("a"), new Query.Or(List.of(any("b"), any("c"))))), QueryParser.parse("a (b OR c)"));
        assertEquals(QueryParser.parse("a b"), QueryParser.parse("a AND b"));
    }

    @Test
    void fieldsTakeTheirOwnKindOfValue() throws Exception {
        assertEquals(new Query.Value(Field.TYPE, 0x220557DAL), QueryParser.parse("type:StringTable"));
        assertEquals(new Query.Value(Field.TYPE, 0x220557DAL), QueryParser.parse("TYPE:0x220557da"));
        assertEquals(new Query.Value(Field.GROUP, 0x80000000L), QueryParser.parse("group:80000000"));
        assertEquals(new Query.Value(Field.INSTANCE, 0xFEDCBA9876543210L), QueryParser.parse("instance:FEDCBA9876543210"));
        assertEquals(new Query.Key(0x0333406C, 0, 0x800000000000ABCDL), QueryParser.parse("0333406C:00000000:800000000000ABCD"));
        assertEquals(new Query.Key(0x0333406C, 0, 0xABCDL), QueryParser.parse("key:0333406C:0:ABCD"));
    }

    @Test
    void wordsAreTokenizedAndLowerCased() throws Exception {
        assertEquals(new Query.Words(Field.NAME, List.of("buff", "happy"), false), QueryParser.parse("name:Buff_Happy"));
        assertEquals(new Query.Words(Field.TEXT, List.of("good", "morning"), false), QueryParser.parse("text:\"Good morning!\""));
        assertEquals(new Query.Words(Field.PKG, List.of("creator"), true), QueryParser.parse("pkg:creator*"));
        assertEquals(new Query.Words(Field.ANY, List.of("say", "hi"), true), QueryParser.parse("\"say hi\"*"));
        assertEquals(any("or"), QueryParser.parse("or"), "only capitals are operators");
    }

    @Test
    void negationAppliesToATermOrAGroup() throws Exception {
        assertEquals(new Query.And(List.of(any("a"), new Query.Not(any("b")))), QueryParser.parse("a -b"));
        assertEquals(new Query.Not(new Query.Or(List.of(any("a"), any("b")))), QueryParser.parse("NOT (a OR b)"));
        assertEquals(any("a"), QueryParser.parse("--a"));
    }

    @Test
    void printedQueriesParseBack() throws Exception {
        for (String q : List.of("a b OR c", "a (b OR c) -(d e)", "type:StringTable text:\"hello world\"*",
                "-pkg:old key:220557DA:00000000:0000000000000001", "group:1 OR instance:ff (x OR y)")) {
            Query parsed = QueryParser.parse(q);
            assertEquals(parsed, QueryParser.parse(parsed.toString()), q + " printed as " + parsed);
        }
    }

    @Test
    void badQueriesSayWhereAndWhy() {
        assertError("", 0, "empty query");
        assertError("a OR", 2, "OR needs a term on each side");
        assertError("OR a", 0, "OR needs a term on each side");
        assertError("(a b", 0, "'(' without ')'");
        assertError("a b)", 3, "')' without '('");
        assertError("a ()", 2, "empty parentheses");
        assertError("colour:red", 0, "unknown field 'colour' (fields: type, group, instance, name, text, pkg, key)");
        assertError("type:Nope", 5, "type: 'Nope' is neither 1 to 8 hex digits nor a known type name");
        assertError("group:123456789", 6, "group: takes 1 to 8 hex digits, not '123456789'");
        assertError("name:", 5, "name: needs a value");
        assertError("text:\"abc", 5, "'\"' without a closing '\"'");
        assertError("a - b", 2, "'-' needs a term right after it");
        assertError("___", 0, "'___' has no letters or digits to search for");
        assertError("(".repeat(100) + "a" + ")".repeat(100), 64, "nested deeper than 64 levels");
    }

    private static void assertError(String query, int position, String reason) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query));
        assertEquals(reason, e.reason(), query);
        assertEquals(position, e.position(), query + ": " + e.reason());
    }
}
