package org.ts4kit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Renders {@link ReportData} as one self-contained {@code report.html}: styles, the table script and
 * the SVG charts are inline, and a content security policy lets the page load nothing at all (the
 * style and script are allowed by their SHA-256 only, so markup that slipped through escaping could
 * still not run). The page opens on what to do, then the collection, then the run; long tables sort
 * and filter when scripts run and read as plain tables when they do not.
 *
 * <p>Output depends on the data only (no clock, no locale, no hash order): the same data gives the
 * same bytes. Rendering is linear in the rows shown, and long lists are capped (see {@code WhatToDo},
 * {@code CollectionSection}) with a "showing N of M" line.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The whole page as a string. */
    public static String render(ReportData data) {
        StringBuilder out = new StringBuilder(64 * 1024);
        page(out, data);
        return out.toString();
    }

    /** Writes the page to {@code out} (encode it as UTF-8: the page declares that charset); does not close it. */
    public static void write(ReportData data, Writer out) throws IOException {
        out.write(render(data));
        out.flush();
    }

    private static void page(StringBuilder out, ReportData data) {
        boolean collection = CollectionSection.present(data);
        boolean run = RunSection.present(data);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(Assets.CSS_HASH).append("'; script-src '").append(Assets.JS_HASH)
                .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"ts4kit\">\n<title>");
        Html.text(out, data.title()).append("</title>\n<style>").append(Assets.CSS).append("</style>\n</head>\n<body>\n");
        out.append("<nav class=\"sections\"><a href=\"#todo\">What to do</a>");
        if (collection) {
            out.append(" · <a href=\"#collection\">Collection</a>");
        }
        if (run) {
            out.append(" · <a href=\"#run\">Run</a>");
        }
        out.append("</nav>\n<header>\n<h1>");
        Html.shown(out, data.title()).append("</h1>\n");
        if (!data.subtitle().isEmpty()) {
            Html.shown(out.append("<p class=\"source\">"), data.subtitle()).append("</p>\n");
        }
        out.append("</header>\n<main>\n");
        WhatToDo.write(out, data);
        if (collection) {
            CollectionSection.write(out, data);
        }
        if (run) {
            RunSection.write(out, data);
        }
        out.append("</main>\n<footer>Made by ts4kit. This page is one file: it loads nothing from the network,")
                .append(" and its tables sort (click a header) and filter when scripts are on.</footer>\n")
                .append("<script>").append(Assets.JS).append("</script>\n</body>\n</html>\n");
    }

    /** report.css and report.js, read once from core's resources, and their hashes for the security policy. */
    static final class Assets {
        static final String CSS = load("report.css");
        static final String JS = load("report.js");
        static final String CSS_HASH = sha256(CSS);
        static final String JS_HASH = sha256(JS);

        private Assets() {
        }

        private static String load(String name) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("org/ts4kit/report/" + name + " is missing from core's resources");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains("</")) { // would end the inline element early
                    throw new IllegalStateException(name + " must not contain \"</\"");
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }

        /** The CSP source of an inline element: {@code sha256-} and the base64 digest of its exact text. */
        private static String sha256(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return "sha256-" + Base64.getEncoder().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
