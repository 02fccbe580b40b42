package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.ts4kit.search.Query;
import org.ts4kit.search.QueryParser;
import org.ts4kit.search.QuerySyntaxException;

/**
 * {@link QueryParser#parse} on any text: a query or a {@link QuerySyntaxException} whose position lies
 * inside the query (or at its end), never another exception. A query that parses must print
 * ({@link Query#toString}) as a query that parses back to an equal one.
 */
class QueryParserFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Query q;
        try {
            q = QueryParser.parse(text);
        } catch (QuerySyntaxException e) {
            if (e.position() < 0 || e.position() > Math.max(text.length(), QueryParser.MAX_LENGTH) || e.reason().isEmpty()) {
                throw new AssertionError("bad error for '" + text + "': position " + e.position() + ", '" + e.reason() + "'");
            }
            return;
        }
        Query again;
        try {
            again = QueryParser.parse(q.toString());
        } catch (QuerySyntaxException e) {
            throw new AssertionError("'" + text + "' parsed as " + q + ", which does not parse: " + e.getMessage(), e);
        }
        if (!again.equals(q)) {
            throw new AssertionError("'" + text + "' parsed as " + q + ", which parses as " + again);
        }
    }
}
