package dev.calque.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code calque}: the command-line entry point. Each sub-command is a thin layer over the library. */
@Command(name = "calque", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Checks machine-translated news for translation artifacts.",
        subcommands = {
            CheckCommand.class,
            BaselineCommand.class,
            RulesCommand.class,
            EvalCommand.class,
            ReportCommand.class,
            ExtractCommand.class,
            AlignCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            VerdictsCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the failure threshold",
            "1:findings at or above the threshold (default: any major or critical)",
            "2:usage or configuration error",
            "3:some input could not be read (the rest was still checked and reported)"
        })
public final class Main {
    public static final int OK = 0;
    public static final int FAILED_GATE = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE_INPUT = 3;

    private Main() {
    }

    public static void main(String[] args) {
        dev.calque.check.Trace.mark("main");
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("calque: " + dev.calque.ingest.Printable.of(ex.getMessage()));
            ex.getCommandLine().getErr().println("Try 'calque " + ex.getCommandLine().getCommandName()
                    .replace("calque", "").strip() + (ex.getCommandLine().getCommandName().equals("calque") ? "" : " ")
                    + "--help' for the options.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("calque: " + Errors.oneLine(ex));
            if (Verbosity.verbose) ex.printStackTrace(commandLine.getErr());
            // bad options, configuration, rule files and outputs (each message names the path and the
            // reason); an unexpected failure too: the README lists no other code
            return USAGE;
        });
        return cli;
    }
}
