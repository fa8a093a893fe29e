package dev.wsinspector.cli;

import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.transport.JwsConnectionService;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Entry point of the command line. {@link #run(String...)} returns the exit code instead of exiting, so the
 * launcher decides about {@code System.exit} and tests run commands in-process with their own streams.
 */
public final class Cli {

    private final Supplier<ConnectionService> connections;

    /** The real engine: Java-WebSocket transport. */
    public Cli() {
        this(JwsConnectionService::new);
    }

    public Cli(Supplier<ConnectionService> connections) {
        this.connections = connections;
    }

    /** Runs a command with {@code System.out} and {@code System.err}; returns the exit code. */
    public static int run(String... args) {
        return new Cli().execute(System.out, System.err, args);
    }

    /** Runs a command writing JSON lines to {@code out} and messages to {@code err}; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return new Cli().execute(out, err, args);
    }

    public int execute(PrintStream out, PrintStream err, String... args) {
        return commandLine(out, err).execute(args);
    }

    CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                if (type == ConnectCommand.class) {
                    return (K) new ConnectCommand(connections, out, err);
                }
                if (type == ConformanceCommand.class) {
                    return (K) new ConformanceCommand(connections, out, err);
                }
                if (type == TestCommand.class) {
                    return (K) new TestCommand(connections, out, err);
                }
                if (type == EchoServerCommand.class) {
                    return (K) new EchoServerCommand(out, err);
                }
                if (type == MockCommand.class) {
                    return (K) new MockCommand(out, err);
                }
                if (type == ProfilesCommand.class) {
                    return (K) new ProfilesCommand(out, err);
                }
                if (type == SessionsCommand.class) {
                    return (K) new SessionsCommand(out, err);
                }
                if (type == ShowCommand.class) {
                    return (K) new ShowCommand(out, err);
                }
                if (type == StatsCommand.class) {
                    return (K) new StatsCommand(out, err);
                }
                if (type == ExportCommand.class) {
                    return (K) new ExportCommand(out, err);
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cl = new CommandLine(new RootCommand(), factory);
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cl;
    }

    /**
     * A usage error prints picocli's message and a pointer to --help, not the whole help page: the message is
     * what the user needs, and a screenful of options buries it.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
