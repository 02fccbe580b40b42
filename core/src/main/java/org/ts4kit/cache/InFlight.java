package org.ts4kit.cache;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A load one thread is doing for {@link ResourceCache#getOrLoad}, which other threads asking for the
 * same key wait for instead of loading again. They get their own copy of the bytes, or the loader's
 * own exception.
 */
final class InFlight {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    void done(byte[] value) {
        result.complete(value);
    }

    void failed(Throwable t) {
        result.completeExceptionally(t);
    }

    byte[] await() throws IOException {
        try {
            byte[] value = result.get();
            return value == null ? null : value.clone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while another thread loaded the resource");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
