package org.ts4kit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints, as a test's one-liner. */
final class Cli {
    final int exit;
    final String out;
    final String err;
    final byte[] binary;

    private Cli(int exit, String out, String err, byte[] binary) {
        this.exit = exit;
        this.out = out;
        this.err = err;
        this.binary = binary;
    }

    /** As {@code bin/ts4kit} runs: only the subcommand that {@code args[0]} names is registered. */
    static Cli run(String... args) {
        return run(Main.commandLine(args.length == 0 ? null : args[0]), args);
    }

    /** With every subcommand registered, whatever the arguments. */
    static Cli runWithEverySubcommand(String... args) {
        return run(Main.commandLine(), args);
    }

    /** As {@link #run}, drawing progress bars into the captured stderr as on a terminal. */
    static Cli runOnTerminal(String... args) {
        CommandLine cl = Main.commandLine(args.length == 0 ? null : args[0]);
        ((Main) cl.getCommand()).progressBar = Boolean.TRUE;
        return run(cl, args);
    }

    private static Cli run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        java.io.OutputStream saved = CatCommand.binaryOut;
        CatCommand.binaryOut = bin;
        try {
            int code = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
            return new Cli(code, out.toString(), err.toString(), bin.toByteArray());
        } finally {
            CatCommand.binaryOut = saved;
        }
    }

    String[] lines() {
        return out.isEmpty() ? new String[0] : out.split("\n");
    }
}
