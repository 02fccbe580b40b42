package org.ts4kit.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ts4kit}: look inside Sims 4 packages. Exit codes: 0 all good; 1 some input was broken
 * (the rest was still processed); 2 usage.
 */
@Command(name = "ts4kit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Look inside The Sims 4 .package files (DBPF 2.1).",
        subcommands = {InspectCommand.class, LsCommand.class, CatCommand.class, ExtractCommand.class,
            ConflictsCommand.class, GenCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all good", "1:some input was broken (the rest was still processed)", "2:usage error"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        cl.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }

    /** The configured command line; tests call {@code execute} on it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("ts4kit: " + ex);
            return 1;
        });
        cl.setExecutionStrategy(StatsOption::execute);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
