package org.ts4kit.telemetry;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event: one package opened (header and index parsed). Its duration is the open's.
 * Record with {@code java -XX:StartFlightRecording:filename=t.jfr ...}, then {@code jfr print --events ts4kit.PackageOpen t.jfr}.
 */
@Name("ts4kit.PackageOpen")
@Label("Package Open")
@Category("ts4kit")
@Description("A .package file's header and index parsed")
@StackTrace(false)
public final class PackageOpenEvent extends Event {
    @Label("Path")
    String path;

    @Label("Entries")
    int entries;

    @Label("Size")
    @DataAmount
    long size;

    /** Ends the event and commits it when a recording wants it. */
    void finish(String path, int entries, long size) {
        end();
        if (shouldCommit()) {
            this.path = path;
            this.entries = entries;
            this.size = size;
            commit();
        }
    }
}
