package org.ts4kit.cli;

import org.ts4kit.dbpf.BulkRead;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --threads N}: how many threads decode one package's resources; every core by default. */
final class ThreadsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int threads = BulkRead.defaultThreads();

    @Option(names = "--threads", paramLabel = "N", description = "Threads decoding the package's resources "
            + "(default: every core). Output order does not depend on it.")
    void setThreads(int n) {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, not " + n);
        }
        threads = n;
    }

    int count() {
        return threads;
    }
}
