package org.ts4kit.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of {@code tools/startup/record-archive.sh}: several commands in one JVM, so that one
 * class list (Java 17-24) or one AOT cache (Java 25+, one training JVM only) covers all of them.
 * Arguments are commands separated by {@code ,}, e.g. {@code inspect A.package , ls --json --hash A.package}.
 * Each runs as {@link Main#main} would run it, output discarded; the exit code is the first non-zero one.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) {
        CatCommand.binaryOut = OutputStream.nullOutputStream();
        int code = 0;
        for (String[] command : split(args)) {
            var cl = Main.commandLine(command.length == 0 ? null : command[0]);
            cl.setOut(Main.stdout(OutputStream.nullOutputStream()));  // the same encoder path as main
            cl.setErr(new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), true));
            int c = cl.execute(command);
            cl.getOut().flush();
            if (code == 0) {
                code = c;
            }
        }
        System.exit(code);
    }

    static List<String[]> split(String[] args) {
        List<String[]> commands = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(",")) {
                commands.add(Arrays.copyOfRange(args, from, i));
                from = i + 1;
            }
        }
        return commands;
    }
}
