package org.ts4kit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium for tests that open HTML the project writes (report.html): one browser process,
 * driven over the DevTools protocol, so every {@code console.error}, failed assertion, uncaught
 * exception and browser-logged error (a blocked load, a security-policy violation) of a page is
 * reported, with its level, rather than scraped from log lines that do not say it. Pages load with
 * scripts on, and {@link Page#evaluate} runs more (a click, typing into a filter).
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.launch(HeadlessChromium.find().orElseThrow());
 *      HeadlessChromium.Page page = browser.open(Path.of("report.html"), 1280, 900)) {
 *     page.screenshot(Path.of("report.png"));
 *     assertEquals(List.of(), page.problems());
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {
    /** {@code -Dts4kit.chromium=/path/to/chrome} picks the binary; otherwise the PATH is searched. */
    public static final String BINARY_PROPERTY = "ts4kit.chromium";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    /** Full-page screenshots stop here: a longer page is cut, not an out-of-memory in the browser. */
    private static final int MAX_SHOT_HEIGHT = 16_384;

    private final Process process;
    private final Path profile;
    private final DevTools devTools;
    private final String version;
    private final Map<String, List<String>> problemsBySession = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> loadsBySession = new ConcurrentHashMap<>();

    /** The browser named by {@value #BINARY_PROPERTY}, else the first of chromium, chromium-browser, google-chrome on the PATH. */
    public static Optional<Path> find() {
        String given = System.getProperty(BINARY_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code -Dts4kit.expectChromium=true} (CI): a test that needs the browser fails without it instead of skipping. */
    public static final String EXPECT_PROPERTY = "ts4kit.expectChromium";

    /**
     * The browser for a test: {@link #find()}'s, or the test is skipped (a JUnit assumption), or it fails when
     * {@value #EXPECT_PROPERTY} is true.
     */
    public static Path requireForTest() {
        Optional<Path> binary = find();
        if (binary.isEmpty() && Boolean.getBoolean(EXPECT_PROPERTY)) {
            Assertions.fail("-D" + EXPECT_PROPERTY + "=true but no chromium found: run tools/install-chromium.sh");
        }
        Assumptions.assumeTrue(binary.isPresent(), "no chromium on the PATH (tools/install-chromium.sh; or -D" + BINARY_PROPERTY + "=...)");
        return binary.get();
    }

    /** Starts {@code binary} headless with a fresh profile and connects to it. */
    public static HeadlessChromium launch(Path binary) throws IOException {
        Path profile = Files.createTempDirectory("ts4kit-chromium");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,900"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox"); // Chromium refuses to run its sandbox as root
        }
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return new HeadlessChromium(process, profile, binary);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    private HeadlessChromium(Process process, Path profile, Path binary) throws IOException {
        this.process = process;
        this.profile = profile;
        URI endpoint = endpoint(process, binary);
        this.devTools = new DevTools(endpoint, this::onEvent);
        this.version = String.valueOf(devTools.call(null, "Browser.getVersion", Map.of()).get("product"));
    }

    /** Reads stderr until Chromium prints its DevTools address, then keeps draining it (a full pipe would stall the browser). */
    private static URI endpoint(Process process, Path binary) throws IOException {
        CompletableFuture<URI> found = new CompletableFuture<>();
        List<String> tail = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    } else if (!found.isDone() && tail.size() < 50) {
                        tail.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the browser went away; the future below says so
            }
            found.completeExceptionally(new IOException(binary + " exited before DevTools listened: " + String.join("\n", tail)));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(DevTools.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("no DevTools endpoint from " + binary + ": " + e.getMessage(), e);
        }
    }

    /** What {@code Browser.getVersion} says, e.g. {@code HeadlessChrome/120.0.6099.224}. */
    public String version() {
        return version;
    }

    /** Opens {@code html} in a new tab of {@code width × height} CSS pixels and waits for its load event. */
    public Page open(Path html, int width, int height) throws IOException {
        String target = (String) devTools.call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        String session = (String) devTools.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId");
        problemsBySession.put(session, new CopyOnWriteArrayList<>());
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        loadsBySession.put(session, loaded);
        devTools.call(session, "Runtime.enable", Map.of());
        devTools.call(session, "Log.enable", Map.of());
        devTools.call(session, "Page.enable", Map.of());
        devTools.call(session, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        Map<String, Object> nav = devTools.call(session, "Page.navigate", Map.of("url", html.toAbsolutePath().toUri().toString()));
        if (nav.get("errorText") instanceof String error && !error.isEmpty()) {
            throw new IOException("cannot open " + html + ": " + error);
        }
        try {
            loaded.get(DevTools.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(html + " did not finish loading", e);
        }
        Page page = new Page(target, session);
        page.evaluate("0"); // a round trip: every event the load caused has now arrived
        return page;
    }

    @SuppressWarnings("unchecked")
    private void onEvent(String session, Map<String, Object> event) {
        List<String> problems = session == null ? null : problemsBySession.get(session);
        if (problems == null) {
            return;
        }
        String method = (String) event.get("method");
        Map<String, Object> params = (Map<String, Object>) event.getOrDefault("params", Map.of());
        switch (method) {
            case "Page.loadEventFired" -> loadsBySession.get(session).complete(null);
            case "Runtime.consoleAPICalled" -> {
                String type = (String) params.get("type");
                if ("error".equals(type) || "assert".equals(type)) {
                    problems.add("console." + type + ": " + ConsoleText.of((List<Object>) params.get("args")));
                }
            }
            case "Runtime.exceptionThrown" -> problems.add("uncaught: " + ConsoleText.exception(
                    (Map<String, Object>) params.get("exceptionDetails")));
            case "Log.entryAdded" -> {
                Map<String, Object> entry = (Map<String, Object>) params.get("entry");
                if ("error".equals(entry.get("level"))) {
                    problems.add("log " + entry.get("source") + ": " + entry.get("text")
                            + (entry.get("url") == null ? "" : " (" + entry.get("url") + ")"));
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            devTools.call(null, "Browser.close", Map.of());
        } catch (IOException ignored) {
            // closing anyway
        }
        devTools.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.UncheckedIOException e) {
            // Chromium's helpers may still be writing; a temp folder left behind is not worth failing a test
        }
    }

    /** One open tab: what went wrong in it, a screenshot, and scripts run inside it. */
    public final class Page implements AutoCloseable {
        private final String target;
        private final String session;

        private Page(String target, String session) {
            this.target = target;
            this.session = session;
        }

        /** Every console error and assertion, uncaught exception and browser-logged error so far, in order. */
        public List<String> problems() {
            return List.copyOf(problemsBySession.get(session));
        }

        /** Runs {@code expression} in the page (promises awaited) and returns its value as a string; throws what it throws. */
        @SuppressWarnings("unchecked")
        public String evaluate(String expression) throws IOException {
            Map<String, Object> reply = devTools.call(session, "Runtime.evaluate",
                    Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            if (reply.get("exceptionDetails") instanceof Map<?, ?> details) {
                throw new IOException("script failed: " + ConsoleText.exception((Map<String, Object>) details));
            }
            Object value = ((Map<String, Object>) reply.get("result")).get("value");
            return value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(value);
        }

        /** A PNG of the whole page (cut at 16,384 pixels high) written to {@code png}; returns its size in bytes. */
        @SuppressWarnings("unchecked")
        public long screenshot(Path png) throws IOException {
            Map<String, Object> metrics = devTools.call(session, "Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double w = ((Number) size.get("width")).doubleValue();
            double h = Math.min(MAX_SHOT_HEIGHT, ((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = devTools.call(session, "Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1)));
            byte[] bytes = Base64.getDecoder().decode((String) shot.get("data"));
            Files.write(png, bytes);
            return bytes.length;
        }

        @Override
        public void close() throws IOException {
            problemsBySession.remove(session);
            loadsBySession.remove(session);
            devTools.call(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }
}
