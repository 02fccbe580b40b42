package org.ts4kit.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One WebSocket to Chromium's DevTools endpoint (java.net.http, no library): commands with an id
 * answered by a future, and events, each handed with its session id to one listener. Messages arrive
 * in order on the socket, so an answer to a command comes after every event sent before it.
 */
final class DevTools implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final BiConsumer<String, Map<String, Object>> events;

    /** {@code events} gets (session id or {@code null}, the whole event message), on the socket's thread. */
    DevTools(URI endpoint, BiConsumer<String, Map<String, Object>> events) throws IOException {
        this.events = events;
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(endpoint, new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to DevTools at " + endpoint, e);
        }
    }

    /** Sends {@code method} (to {@code session}, or to the browser when null) and waits for its result. */
    Map<String, Object> call(String session, String method, Map<String, Object> params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        try {
            socket.sendText(Json.write(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, Object> reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.containsKey("error")) {
                throw new IOException(method + " failed: " + Json.write(reply.get("error")));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) reply.getOrDefault("result", Map.of());
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + ": no answer from the browser", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                dispatch(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @SuppressWarnings("unchecked")
        private void dispatch(String raw) {
            Map<String, Object> message = (Map<String, Object>) Json.parse(raw);
            Object id = message.get("id");
            if (id instanceof Double d) {
                CompletableFuture<Map<String, Object>> answer = pending.get(d.intValue());
                if (answer != null) {
                    answer.complete(message);
                }
            } else {
                events.accept((String) message.get("sessionId"), message);
            }
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            pending.values().forEach(f -> f.completeExceptionally(new IOException("DevTools closed: " + reason)));
            return null;
        }
    }
}
