package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ts4kit-job}'s usage errors, in-process: each is exit code 2 and exactly one line on stderr
 * (no usage text, no stack trace), and none starts Spark (they fail before a session exists, so
 * these tests need none).
 */
class JobMainTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = JobMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneUsageLine(Run r, String... mentions) {
        assertEquals(2, r.exitCode(), "exit code; stderr: " + r.err());
        assertEquals(1, r.errLines().size(), "one line on stderr: " + r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("ts4kit-job: "), line);
        for (String m : mentions) {
            assertTrue(line.contains(m), "'" + m + "' in: " + line);
        }
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void aMissingInputIsOneLineAndExitCode2() {
        String missing = dir.resolve("no-such-folder").toString();
        Run r = run("--out", dir.resolve("out").toString(), missing);
        assertOneUsageLine(r, "no such input: " + missing);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void onlyTheMissingInputsAreNamedAndAGlobMatchingNothingIsMissing() throws Exception {
        Path present = Files.createDirectories(dir.resolve("mods"));
        String glob = dir.resolve("nothing-*.package").toString();
        String absent = dir.resolve("gone.package").toString();
        Run r = run("--out", dir.resolve("out").toString(), present.toString(), glob, absent);
        assertOneUsageLine(r, "no such input: " + glob + ", " + absent);
        assertFalse(r.err().contains(present + ","), r.err());
    }

    @Test
    void inputsAreCheckedBeforeAnythingIsSetUp() {
        Path events = dir.resolve("events");
        Run r = run("--event-log", events.toString(), "--out", dir.resolve("out").toString(), dir.resolve("absent").toString());
        assertOneUsageLine(r, "no such input");
        assertFalse(Files.exists(events), "the event log folder is created only for a run that starts");
    }

    @Test
    void anInputOnAFileSystemWithoutItsJarsIsOneLineAndExitCode2() {
        // hadoop-aws is not on the tests' class path, as on a cluster without the S3A jars
        assertOneUsageLine(run("--out", dir.resolve("out").toString(), "s3a://bucket/mods"), "cannot check the inputs", "S3AFileSystem");
        assertOneUsageLine(run("--out", dir.resolve("out").toString(), "nosuchfs://bucket/mods"), "cannot check the inputs", "nosuchfs");
    }

    @Test
    void aBadFormatIsOneLineAndExitCode2() throws Exception {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        Run r = run("--format", "csv", "--out", dir.resolve("out").toString(), mods.toString());
        assertOneUsageLine(r, "--format", "csv", "parquet, json");
    }

    @Test
    void aMissingOutOrInputOrAnUnknownOptionIsOneLineAndExitCode2() throws Exception {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        assertOneUsageLine(run(mods.toString()), "--out");
        assertOneUsageLine(run("--out", dir.resolve("out").toString()), "INPUT");
        assertOneUsageLine(run("--frobnicate", "--out", dir.resolve("out").toString(), mods.toString()), "--frobnicate");
        assertOneUsageLine(run("--partition-mb", "lots", "--out", dir.resolve("out").toString(), mods.toString()), "--partition-mb", "lots");
    }

    @Test
    void anUnknownResourceTypeIsOneLineAndExitCode2() throws Exception {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        assertOneUsageLine(run("--type", "NoSuchType", "--out", dir.resolve("out").toString(), mods.toString()), "--type", "NoSuchType");
    }

    @Test
    void helpIsUsageOnStdoutAndExitCode0() {
        Run r = run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--event-log=DIR"), r.out());
        assertEquals("", r.err());
    }
}
