package dev.quarry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quarry} command line.
 *
 * <pre>{@code
 * java -jar quarry-cli/target/quarry.jar demo
 * java -jar quarry-cli/target/quarry.jar sql "SELECT 42 AS answer"
 * }</pre>
 */
@Command(
        name = "quarry",
        mixinStandardHelpOptions = true,
        versionProvider = QuarryCli.Version.class,
        description = "Inference-first DataFrames for the JVM.",
        subcommands = {DemoCommand.class, SqlCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class QuarryCli implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /**
     * Runs the command line and exits with its status.
     *
     * <pre>{@code QuarryCli.main(new String[] {"demo"});}</pre>
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit status instead of exiting (for tests and embedding).
     *
     * <pre>{@code int status = QuarryCli.run("sql", "SELECT 1");}</pre>
     *
     * @param args the command-line arguments
     * @return the exit status: 0 on success
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new QuarryCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    /** Reads the version from the jar manifest, if there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = QuarryCli.class.getPackage().getImplementationVersion();
            return new String[] {"quarry " + (v == null ? "development build" : v)};
        }
    }
}
