package org.ts4kit.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.ErrorLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ts4kit}: look inside Sims 4 packages. Exit codes: 0 all good; 1 some input was broken or
 * some output file was not written (the rest was still processed); 2 usage.
 */
@Command(name = "ts4kit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Look inside The Sims 4 .package files (DBPF 2.1).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all good", "1:some input was broken or some output file not written (the rest was still processed)", "2:usage error"},
        footerHeading = "%n", footer = "bin/ts4kit bench [--smoke] [--mb M]: the roadmap metrics table (from the bench module).")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Whether long commands draw a {@link Progress} bar on stderr: null asks whether stderr is a
     * terminal ({@link #main} does). Command lines made for tests draw none: their stderr is a buffer.
     */
    Boolean progressBar = Boolean.FALSE;

    /**
     * The subcommands, in the order usage lists them. Added in code rather than in {@code @Command}:
     * picocli builds each one's model by reflection (annotation proxies, type converters), which cost
     * a one-command run like {@code ts4kit inspect FILE} more than its actual work.
     */
    static final List<String> SUBCOMMANDS = List.of("inspect", "ls", "cat", "extract", "conflicts", "doctor", "search", "find", "index", "shell",
            "compress-report", "gen", "help");

    /**
     * picocli's own switch for its built-in converters that it finds by reflection. No option here takes a
     * {@code java.time} or {@code java.sql} value, and registering those converters initialised ~80 JDK
     * classes ({@code DateTimeFormatter} and friends) on every start. A value given with {@code -D} wins.
     */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";

    public static void main(String[] args) {
        CommandLine cl = commandLine(args.length == 0 ? null : args[0]);
        ((Main) cl.getCommand()).progressBar = null;
        cl.setOut(stdout(System.out));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }

    /** What commands print data to: UTF-8, buffered (flushed by the commands and by {@link #main}). */
    static PrintWriter stdout(OutputStream out) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    /** The configured command line with every subcommand; tests call {@code execute} on it in-process. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The configured command line for arguments that start with {@code first}: when {@code first}
     * names a subcommand other than {@code help}, only that one is registered, since no other can run
     * or show up in any output (picocli parses the rest of the arguments with the subcommand alone);
     * otherwise (null, {@code help}, an option, a typo that gets suggestions) all of them.
     */
    static CommandLine commandLine(String first) {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
        }
        CommandLine cl = new CommandLine(new Main());
        boolean one = first != null && !first.equals("help") && SUBCOMMANDS.contains(first);
        for (String name : SUBCOMMANDS) {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        cl.setExecutionExceptionHandler(new Handlers());
        cl.setExecutionStrategy(new Handlers());
        return cl;
    }

    /**
     * A class, not lambdas: a lambda makes the JVM link picocli's Java 5 interfaces while it dumps the
     * start-up archive, and linked old classes (with everything that implements them) are left out of it;
     * the lambdas themselves are spun at run time too.
     */
    private static final class Handlers implements CommandLine.IExecutionExceptionHandler, CommandLine.IExecutionStrategy {
        @Override
        public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
            line.getErr().println("ts4kit: " + ErrorLine.escape(String.valueOf(ex)));
            return 1;
        }

        @Override
        public int execute(CommandLine.ParseResult parsed) {
            try {
                return StatsOption.execute(parsed);
            } catch (InternalError e) {
                // a mapped input shrank and the JVM reported it late, outside any reader that names the file
                if (!CorruptInputException.isMappedFault(e)) {
                    throw e;
                }
                parsed.commandSpec().commandLine().getErr().println("ts4kit: " + CorruptInputException.FILE_CHANGED);
                return 1;
            }
        }
    }

    private static Object subcommand(String name) {
        switch (name) {
            case "inspect": return new InspectCommand();
            case "ls": return new LsCommand();
            case "cat": return new CatCommand();
            case "extract": return new ExtractCommand();
            case "conflicts": return new ConflictsCommand();
            case "doctor": return new DoctorCommand();
            case "search": return new SearchCommand();
            case "index": return new IndexCommand();
            case "find": return new FindCommand();
            case "shell": return new ShellCommand();
            case "compress-report": return new CompressReportCommand();
            case "gen": return new GenCommand();
            case "help": return new CommandLine.HelpCommand();
            default: throw new IllegalArgumentException(name);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
