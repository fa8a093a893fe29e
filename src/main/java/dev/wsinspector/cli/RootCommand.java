package dev.wsinspector.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ws-inspector}: only a parent for the subcommands here; without arguments the launcher starts the GUI. */
@Command(name = "ws-inspector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ConnectCommand.class, EchoServerCommand.class, ProfilesCommand.class, SessionsCommand.class,
                ShowCommand.class, StatsCommand.class, ExportCommand.class, ConformanceCommand.class,
                TestCommand.class,
                MockCommand.class},
        description = {"WebSocket inspector. Without arguments it starts the GUI; these commands run headless."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  connection or handshake failed (conformance: a case failed)", "  2  usage error",
            "  3  timeout"})
final class RootCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Reached only with options but no subcommand (e.g. nothing after a global flag): that is a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: connect, echo-server, profiles, sessions, show or export");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
