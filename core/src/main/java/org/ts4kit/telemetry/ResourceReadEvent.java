package org.ts4kit.telemetry;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event: one resource decompressed. Its duration is the decode's. Custom events are on in
 * JFR's {@code default} and {@code profile} settings; a scan reads millions of resources, so give
 * it a threshold there ({@code ts4kit.ResourceRead#threshold=1 ms}).
 */
@Name("ts4kit.ResourceRead")
@Label("Resource Read")
@Category("ts4kit")
@Description("One resource's bytes decompressed")
@StackTrace(false)
public final class ResourceReadEvent extends Event {
    @Label("Key")
    String key;

    @Label("Compression")
    String compression;

    @Label("Stored Bytes")
    @DataAmount
    long storedBytes;

    @Label("Bytes")
    @DataAmount
    long bytes;

    /** Ends the event and commits it when a recording wants it; the key is turned into text only then. */
    void finish(Object key, String compression, long storedBytes, long bytes) {
        end();
        if (shouldCommit()) {
            this.key = String.valueOf(key);
            this.compression = compression;
            this.storedBytes = storedBytes;
            this.bytes = bytes;
            commit();
        }
    }
}
