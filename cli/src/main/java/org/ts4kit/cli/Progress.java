package org.ts4kit.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.ts4kit.telemetry.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A progress bar on stderr for long commands ({@code conflicts}, {@code extract}, {@code gen}),
 * shown only when stderr is a terminal: pipes, files and tests see exactly what they saw before.
 * One line, redrawn in place with {@code \r} at most {@link #redrawNanos} apart (and not at all
 * for work that ends sooner): {@code done/total unit, percent, MB/s}. {@link #close} wipes it,
 * so what the command prints next starts on a clean line. Not thread-safe: one thread reports.
 */
final class Progress implements ProgressListener, AutoCloseable {
    /** At most ten redraws a second; tests set 0 to draw on every step. */
    static long redrawNanos = 100_000_000L;
    private static final int BAR = 20;

    private final PrintWriter err; // null: stderr is no terminal, show nothing
    private final String label;
    private final String unit;
    private final long total;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private long done;
    private long bytes;
    private int drawn; // width of what is on screen now, 0 when nothing is

    Progress(PrintWriter err, String label, String unit, long total, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDraw = start;
    }

    /**
     * A bar for the running command on its stderr, or one that shows nothing when stderr is not a
     * terminal. {@link Main#progressBar} says which; null asks the terminal.
     */
    static Progress start(CommandSpec spec, String label, String unit, long total) {
        Object root = spec.root().userObject();
        Boolean wanted = root instanceof Main ? ((Main) root).progressBar : Boolean.FALSE;
        boolean on = wanted != null ? wanted : stderrIsTerminal();
        return new Progress(on ? spec.commandLine().getErr() : null, label, unit, total, System::nanoTime);
    }

    @Override
    public void advanced(int items, long moreBytes) {
        if (err == null) {
            return;
        }
        done += items;
        bytes += moreBytes;
        long now = clock.getAsLong();
        if (now - lastDraw >= redrawNanos) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        int filled = total <= 0 ? 0 : (int) Math.min(BAR, done * BAR / total);
        String line = String.format(Locale.ROOT, "%s [%s%s] %,d/%,d %s %3d%% %7.1f MB/s", label, "#".repeat(filled),
                "-".repeat(BAR - filled), done, total, unit, total <= 0 ? 100 : Math.min(100, done * 100 / total),
                bytes / 1e6 / seconds);
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    /** Wipes the bar, so the next line printed to stderr starts clean; the next step redraws it. */
    void clear() {
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }

    @Override
    public void close() {
        clear();
    }

    /**
     * Whether fd 2 is a terminal. On Linux {@code /proc/self/fd/2} says exactly (a {@code /dev/pts/N}
     * or {@code /dev/ttyN} link). Elsewhere a {@link Console}: before Java 22 there is one only when
     * stdin and stdout are terminals; from 22 there is one almost always, and its
     * {@code isTerminal()} (looked up by name: Java 17 has none) says whether it is one.
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (java.io.IOException | SecurityException e) {
                return false;
            }
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 17-21: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
