package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.check.Severity;
import dev.calque.ingest.IngestLimits;
import dev.calque.ingest.Inputs;
import dev.calque.pipeline.Pipeline;
import dev.calque.report.ConsoleWriter;
import dev.calque.report.Destination;
import dev.calque.report.JsonWriter;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.report.allure.AllureWriter;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calque check INPUT...}: check articles, folders, feeds, URLs or standard input. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check translated articles for machine-translation artifacts.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Files (txt, md, html, pdf, docx, odt, rtf, eml...), folders, RSS/Atom feeds, "
                    + "http(s) URLs, or - for standard input.")
    List<String> inputs = new ArrayList<>();

    @Mixin
    CheckerOptions checkerOptions;

    /** One output: a format and where it goes. */
    static final class Output {
        @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
                description = "Output format: console, json (repeatable, each with its own -o).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write this format to FILE "
                + "(written whole or not at all) instead of standard output.")
        Path file;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<Output> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "major",
            description = "Fail an article on a finding of this severity or worse: minor, major, critical or "
                    + "never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--min-score", paramLabel = "N", description = "Also fail an article whose MQM score is below N.")
    Double minScore;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the console output: auto, always or never (default: ${DEFAULT-VALUE}).")
    String color;

    @Option(names = "--show-passed", description = "List articles without findings too.")
    boolean showPassed;

    @Option(names = "--max-input-mb", paramLabel = "MB", defaultValue = "64",
            description = "Largest file, stream or download read (default: ${DEFAULT-VALUE} MB).")
    long maxInputMb;

    @Option(names = "--max-text-chars", paramLabel = "N", defaultValue = "1000000",
            description = "Longest text checked per article; longer text is cut and the cut reported "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxTextChars;

    @Option(names = "--fetch-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time limit for fetching a URL (default: ${DEFAULT-VALUE} s).")
    int fetchTimeout;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Folder of the Allure report: index.html (open it in a browser), allure-results/, "
                    + "history/ (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--no-report", description = "Do not write the Allure report.")
    boolean noReport;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but the chosen formats and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces and library warnings.")
    void verbose(boolean v) {
        Verbosity.verbose = v;
        if (v) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    @Override
    public Integer call() throws IOException {
        QualityGate gate = new QualityGate(parseFailOn(failOn), minScore);
        if (minScore != null && (minScore > 100 || minScore.isNaN())) {
            throw new UsageError("--min-score must be a number up to 100");
        }
        if (threads != null && threads < 1) throw new UsageError("--threads must be at least 1");
        if (maxInputMb < 1 || maxTextChars < 1000 || fetchTimeout < 1) {
            throw new UsageError("limits must be positive (--max-input-mb >= 1, --max-text-chars >= 1000, --fetch-timeout >= 1)");
        }
        Checker checker = checkerOptions.builder().build();
        IngestLimits limits = new IngestLimits(maxInputMb << 20, maxTextChars, Duration.ofSeconds(fetchTimeout));
        MqmScoring scoring = MqmScoring.DEFAULT;

        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (outputs.isEmpty()) {
            Output o = new Output();
            o.format = "console";
            outputs.add(o);
        }
        List<ReportWriter> writers = new ArrayList<>();
        boolean consoleOnStdout = false;
        try {
            for (Output o : outputs) {
                String fmt = o.format.toLowerCase(Locale.ROOT);
                Destination d = o.file == null ? Destination.stdout(stdout) : Destination.file(o.file);
                writers.add(switch (fmt) {
                    case "console", "text" -> new ConsoleWriter(d, useColor(o.file == null), showPassed);
                    case "json" -> new JsonWriter(d);
                    default -> throw new UsageError("unknown format '" + o.format + "' (use console or json)");
                });
                if ((fmt.equals("console") || fmt.equals("text")) && o.file == null) consoleOnStdout = true;
            }
            if (!noReport) writers.add(new AllureWriter(reportDir)); // last: a report failure cannot stop the others
            RunInfo info = new RunInfo(Versions.calque(), Versions.languageTool(), checker.target(), checker.source(),
                    checker.rules().hash(), checker.rules().infos(), checker::info, scoring, gate, Instant.now());
            Pipeline pipeline = new Pipeline(checker, new Inputs(limits), scoring, gate, writers,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    p -> stderr.println("calque: " + p.oneLine()), null);
            RunSummary summary = pipeline.run(inputs, info);
            if (!consoleOnStdout && !quiet) stderr.println(summary.verdict());
            if (summary.unreadable() > 0) return Main.UNREADABLE_INPUT;
            return summary.failed() > 0 ? Main.FAILED_GATE : Main.OK;
        } finally {
            for (ReportWriter w : writers) w.close();
        }
    }

    static Severity parseFailOn(String s) {
        if (s.equalsIgnoreCase("never")) return null;
        try {
            Severity sev = Severity.parse(s);
            if (sev == Severity.NEUTRAL) throw new IllegalArgumentException();
            return sev;
        } catch (IllegalArgumentException e) {
            throw new UsageError("--fail-on must be minor, major, critical or never, not '" + s + "'");
        }
    }

    private boolean useColor(boolean toStdout) {
        return switch (color.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> toStdout && System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
            default -> throw new UsageError("--color must be auto, always or never");
        };
    }
}
