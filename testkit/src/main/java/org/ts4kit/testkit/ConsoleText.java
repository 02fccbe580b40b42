package org.ts4kit.testkit;

import java.util.List;
import java.util.Map;

/** DevTools' console arguments and exception details as one line of text for a test failure. */
final class ConsoleText {
    private ConsoleText() {
    }

    /** The arguments of a console call: strings as themselves, anything else as DevTools describes it ({@code 42}, not 42.0). */
    @SuppressWarnings("unchecked")
    static String of(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (Object a : args == null ? List.of() : args) {
            Map<String, Object> arg = (Map<String, Object>) a;
            Object v = "string".equals(arg.get("type")) ? arg.get("value")
                    : arg.getOrDefault("description", arg.getOrDefault("value", arg.get("type")));
            out.append(out.length() == 0 ? "" : " ").append(v);
        }
        return out.toString();
    }

    /** "Uncaught ReferenceError: f is not defined at file:///…:12:5". */
    @SuppressWarnings("unchecked")
    static String exception(Map<String, Object> details) {
        String text = String.valueOf(details.get("text"));
        if (details.get("exception") instanceof Map<?, ?> ex && ex.get("description") != null) {
            text += " " + ((Map<String, Object>) ex).get("description");
        }
        Object url = details.get("url");
        return text + (url == null ? "" : " at " + url + ":" + line(details.get("lineNumber")) + ":" + line(details.get("columnNumber")));
    }

    private static String line(Object n) {
        return n instanceof Double d ? Long.toString(d.longValue() + 1) : "?";
    }
}
