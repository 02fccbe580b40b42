package org.ts4kit.search;

/**
 * A query that does not parse: where (a 0-based character position in the query) and why. Checked, so a
 * caller cannot forget that users type queries: {@code ts4kit search} prints it as
 * {@code query: column 7: ')' without '('} under the query, with a caret, and exits 2.
 */
public final class QuerySyntaxException extends Exception {
    private final int position;
    private final String reason;

    public QuerySyntaxException(int position, String reason) {
        super("column " + (position + 1) + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** 0-based index into the query of the character that is wrong (the query's length at its end). */
    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
