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
        // a background thread (LanguageTool's start-up, a warm-up) that fails says so in one line, as the
        // main thread does; the JVM's default prints the whole stack trace
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (Verbosity.verbose) e.printStackTrace();
            else if (!(outOfMemory(e))) System.err.println("calque: " + thread.getName() + ": " + Errors.oneLine(e));
        });
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // the stack is unwound by now, so the one line has room
            System.err.println(outOfMemoryLine());
            if (Verbosity.verbose) e.printStackTrace();
            return USAGE;
        }
    }

    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    static String outOfMemoryLine() {
        return "calque: out of memory: Java's heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB is too small for this run (give it more, e.g. CALQUE_JAVA_OPTS=\"-Xmx2g -XX:+UseSerialGC\")";
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
            // LanguageTool's start-up out of memory reaches the command wrapped (CompletionException)
            commandLine.getErr().println(outOfMemory(ex) ? outOfMemoryLine() : "calque: " + Errors.oneLine(ex));
            if (Verbosity.verbose) ex.printStackTrace(commandLine.getErr());
            // bad options, configuration, rule files and outputs (each message names the path and the
            // reason); an unexpected failure too: the README lists no other code
            return USAGE;
        });
        return cli;
    }
}
