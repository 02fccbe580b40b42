package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar: rate-limited, redrawn in place, wiped at the end; drawn by long commands only on a terminal. */
class ProgressTest {
    /** A clock the test moves. */
    static final class FakeClock implements java.util.function.LongSupplier {
        long now;

        @Override
        public long getAsLong() {
            return now;
        }
    }

    @Test
    void redrawsAtMostTenTimesASecondInPlaceAndWipesItself() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        assertEquals(100_000_000L, Progress.redrawNanos);
        try (Progress p = new Progress(new PrintWriter(text), "scan", "packages", 2000, clock)) {
            for (int i = 0; i < 2000; i++) {
                clock.now += 1_000_000L; // 1 ms a package, 1 MB each: 2 s in all
                p.advanced(1, 1_000_000L);
            }
            String drawn = text.toString();
            long redraws = drawn.chars().filter(c -> c == '\r').count();
            assertTrue(redraws >= 19 && redraws <= 20, redraws + " redraws in 2 s");
            assertFalse(drawn.contains("\n"), "one line, redrawn in place");
            String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
            assertEquals("scan [####################] 2,000/2,000 packages 100%  1000.0 MB/s", last);
            assertTrue(drawn.contains("scan [##########----------] 1,000/2,000 packages  50%  1000.0 MB/s"), drawn);
        }
        String all = text.toString();
        String wipe = all.substring(all.lastIndexOf('\r', all.length() - 2));
        assertTrue(wipe.matches("\r +\r"), "the bar is wiped at the end: " + wipe.replace("\r", "\\r"));
    }

    @Test
    void workShorterThanOneRedrawShowsNothing() {
        StringWriter text = new StringWriter();
        FakeClock clock = new FakeClock();
        try (Progress p = new Progress(new PrintWriter(text), "gen", "packages", 10, clock)) {
            for (int i = 0; i < 10; i++) {
                clock.now += 1_000_000L;
                p.advanced(1, 100);
            }
        }
        assertEquals("", text.toString());
    }

    @Test
    void longCommandsDrawOnATerminalOnlyAndOtherwisePrintExactlyWhatTheyDid(@TempDir Path dir) {
        Path corpus = dir.resolve("corpus");
        assertEquals(0, Cli.run("gen", corpus.toString(), "--packages", "30", "--seed", "5").exit);
        long saved = Progress.redrawNanos;
        Progress.redrawNanos = 0; // draw on every step
        try {
            Cli plain = Cli.run("conflicts", corpus.toString());
            Cli terminal = Cli.runOnTerminal("conflicts", corpus.toString());
            assertFalse(plain.err.contains("\r"), plain.err);
            assertTrue(terminal.err.contains("\rconflicts ["), terminal.err);
            int packages = Integer.parseInt(plain.err.substring(plain.err.lastIndexOf('\n', plain.err.length() - 2) + 1).split(" ")[0]);
            assertTrue(terminal.err.contains(" " + packages + "/" + packages + " packages 100%"), terminal.err);
            assertEquals(plain.out, terminal.out, "stdout is never touched");
            assertEquals(plain.exit, terminal.exit);
            assertEquals(plain.err, wiped(terminal.err), "once wiped, stderr reads as without a terminal");

            Path out = dir.resolve("extracted");
            String one = anyPackage(corpus);
            Cli extract = Cli.runOnTerminal("extract", one, out.toString());
            assertTrue(extract.err.contains("\rextract ["), extract.err);
            assertEquals(Cli.run("extract", one, dir.resolve("again").toString()).err.replace("again", "extracted"),
                    wiped(extract.err));
            Cli gen = Cli.runOnTerminal("gen", dir.resolve("g").toString(), "--packages", "12");
            assertTrue(gen.err.contains("\rgen ["), gen.err);
            Cli doctor = Cli.runOnTerminal("doctor", corpus.toString());
            assertTrue(doctor.err.contains("\rdoctor ["), doctor.err);
            assertEquals(Cli.run("doctor", corpus.toString()).err, wiped(doctor.err));
        } finally {
            Progress.redrawNanos = saved;
        }
    }

    /** stderr with the bar's redraws and its wipe taken out. */
    static String wiped(String err) {
        return err.replaceAll("(\r[^\r\n]*)+\r", "");
    }

    private static String anyPackage(Path corpus) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(corpus)) {
            return s.filter(p -> p.toString().endsWith(".package") && !p.toString().contains("Broken")).findFirst().orElseThrow()
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
