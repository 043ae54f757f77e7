package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.ingest.IngestLimits;
import dev.calque.ingest.Inputs;
import dev.calque.pipeline.FeedState;
import dev.calque.pipeline.Pipeline;
import dev.calque.report.Destination;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.report.allure.AllureWriter;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import dev.calque.score.Suppressions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Option(names = "--source", paramLabel = "SRC", description = "The originals: with one target file, its original "
            + "(any format Calque reads); with folders, a folder mirroring them (the original of TARGET/a/b.txt is "
            + "SRC/a/b.<any extension>). Targets without an original are checked alone and noted.")
    Path sourcePath;

    /** One output: a format and where it goes. */
    static final class Output {
        @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
                description = "Output format: console, json, sarif, junit, github (repeatable, each with its own -o).")
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

    @Option(names = "--min-confidence", paramLabel = "P", description = "Findings whose confidence (the risk model's "
            + "probability that an annotator marks an error there) is below P are shown as hints and never fail the gate.")
    Double minConfidence;

    @Option(names = "--max-risk", paramLabel = "P", description = "Also fail an article whose risk (probability of a "
            + "major error, from the risk model) is above P.")
    Double maxRisk;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "position",
            description = "Order of each article's findings on the console: position or confidence (most confident "
                    + "first; default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: calque.yml in the "
            + "working folder, if there is one). Command-line options override it.")
    Path configFile;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report and gate only findings not in this "
            + "baseline (written by 'calque baseline').")
    Path baseline;

    @Option(names = "--suppressions", paramLabel = "FILE", description = "Editors' false-positive verdicts "
            + "(fingerprint, or rule and passage, with a reason): those findings are left out.")
    Path suppressions;

    @Option(names = "--verdicts", paramLabel = "DB", description = "The review desk's verdict database: findings "
            + "editors dismissed there are left out, like suppressions, and counted.")
    Path verdicts;

    @Option(names = "--state", paramLabel = "FILE", description = "Check only articles (feed items) new or changed "
            + "since the last run with this state file, and record them in it.")
    Path stateFile;

    @Spec
    CommandSpec spec;

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

    @Option(names = "--fetch-allow-hosts", paramLabel = "HOST[,HOST...]", split = ",",
            description = "Fetch URLs (and follow redirects) only to these hosts; *.example.com for a domain and its "
                    + "sub-domains (default: any host).")
    List<String> fetchAllowHosts = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Processor-time limit for checking one article (default: ${DEFAULT-VALUE} s).")
    int timeout;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep findings of checked texts in DIR and serve "
            + "unchanged articles from it on later runs (keyed by text, rules, options and Calque's version).")
    Path cacheDir;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Folder of the Allure report: index.html (open it in a browser), allure-results/, "
                    + "history/ (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--no-report", description = "Do not write the Allure report.")
    boolean noReport;

    @Option(names = "--major-as", paramLabel = "SEVERITY", description = "Allure severity of an article whose worst "
            + "finding is major: normal or blocker (default: report.majorAs in calque.yml, else normal).")
    String majorAs;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but the chosen formats and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces and library warnings.")
    void verbose(boolean v) {
        Verbosity.verbose = v;
        if (v) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    @Override
    public Integer call() throws IOException {
        var given = spec.commandLine().getParseResult();
        Settings settings = Settings.load(configFile, checkerOptions.commandLine(given::hasMatchedOption)
                .withGate(given.hasMatchedOption("--fail-on") ? failOn : null, minScore, majorAs)
                .withFiles(baseline, suppressions, stateFile)).withRiskGate(minConfidence, maxRisk);
        QualityGate gate = settings.gate();
        if (!sort.equals("position") && !sort.equals("confidence")) {
            throw new UsageError("--sort must be position or confidence, not '" + sort + "'");
        }
        Limits.threads(threads);
        Limits.range("--max-input-mb", maxInputMb, 1, Limits.MAX_INPUT_MB, "megabytes (files are read into memory)");
        Limits.range("--max-text-chars", maxTextChars, 1000, Integer.MAX_VALUE, "characters");
        Limits.range("--fetch-timeout", fetchTimeout, 1, 3600, "seconds");
        Limits.range("--timeout", timeout, 1, 86_400, "seconds of processor time");
        for (String h : fetchAllowHosts) {
            if (!h.strip().matches("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9a-fA-F:.]+]")) {
                throw new UsageError("--fetch-allow-hosts: '" + dev.calque.ingest.Printable.of(h)
                        + "' is not a host name (write example.com or *.example.com, without http://)");
            }
        }
        MqmScoring scoring = settings.scoring();
        Suppressions accepted = Suppressions.load(settings.baseline(), settings.suppressions());
        Path verdictDb = settings.verdicts(verdicts);
        dev.calque.review.VerdictStore store = null;
        if (verdictDb != null) {
            store = dev.calque.review.VerdictStore.openExisting(verdictDb);
            accepted = accepted.withDismissed(store.dismissedFingerprints(), store.dismissedRulePassages());
        }
        Path statePath = settings.state();

        if (outputs.isEmpty()) {
            Output o = new Output();
            o.format = "console";
            outputs.add(o);
        }
        for (Output o : outputs) {
            Formats.validate(o.format);
            if (o.file != null && o.file.toString().equals("-")) o.file = null; // -o - is standard output
        }
        // every output is checked before any work starts: a run is never done only to be lost
        OutputTargets targets = new OutputTargets().reading(inputs)
                .reading(settings.config().file(), settings.baseline(), settings.suppressions())
                .reading(settings.ruleDirs().toArray(Path[]::new));
        for (Output o : outputs) if (o.file != null) targets.file(o.file, Formats.normalize(o.format) + " output");
        if (statePath != null) targets.file(statePath, "the --state file");
        if (!noReport) OutputTargets.folder(reportDir, "--report-dir");
        OutputTargets.folder(cacheDir, "--cache");

        FeedState state = statePath == null ? null : FeedState.open(statePath);
        IngestLimits limits = new IngestLimits(maxInputMb << 20, maxTextChars, Duration.ofSeconds(fetchTimeout));
        dev.calque.ingest.Originals originals = null;
        if (sourcePath != null) {
            if (!java.nio.file.Files.exists(sourcePath)) throw new UsageError(sourcePath + ": --source: no such file or folder");
            if (java.nio.file.Files.isRegularFile(sourcePath) && (inputs.size() != 1
                    || !java.nio.file.Files.isRegularFile(Path.of(inputs.get(0))))) {
                throw new UsageError("--source " + sourcePath + " is a file: give exactly one target file (or folders on both sides)");
            }
            if ("auto".equals(settings.source())) {
                settings = settings.withSource(dev.calque.ingest.Originals.detectLanguage(sourcePath));
            }
            originals = new dev.calque.ingest.Originals(sourcePath, settings.source(), limits);
        } else if ("auto".equals(settings.source())) {
            throw new UsageError("--from auto detects the language from the originals: give them with --source");
        }

        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Inputs readers = new Inputs(limits, System.in, settings.skipPath()).allowHosts(fetchAllowHosts);
        // junk named on the command line is refused before the rules load (they take most of a second)
        List<dev.calque.ingest.InputProblem> refused = readers.refusedUpFront(inputs);
        if (!refused.isEmpty()) {
            for (dev.calque.ingest.InputProblem p : refused) stderr.println("calque: " + p.oneLine());
            if (!quiet) stderr.println("calque: nothing readable to check; no report or output written");
            return Main.UNREADABLE_INPUT;
        }
        List<ReportWriter> writers = new ArrayList<>();
        boolean consoleOnStdout = false;
        try {
            for (Output o : outputs) {
                Destination d = o.file == null ? Destination.stdout(stdout) : Destination.file(o.file);
                ReportWriter w = Formats.create(o.format, d, useColor(o.file == null), showPassed);
                if (w instanceof dev.calque.report.ConsoleWriter c) c.sortByConfidence(sort.equals("confidence"));
                writers.add(w);
                if (Formats.isConsole(o.format) && o.file == null) consoleOnStdout = true;
            }
            Checker checker = Checkers.from(settings);
            String note = missingPairNote(settings, checker);
            if (note != null && !quiet) stderr.println("calque: " + note);
            if (!noReport) writers.add(new AllureWriter(reportDir, settings.majorIsBlocker())); // last: a report failure cannot stop the others
            RunInfo info = Versions.runInfo(checker, scoring, gate);
            Pipeline.Progress progress = ProgressDisplay.forTerminal(stderr,
                    !quiet && !(consoleOnStdout && System.console() != null));
            // with a progress bar on the terminal, a problem line first clears the bar's line
            String lineStart = progress != null ? "\r\u001b[2K" : "";
            Pipeline pipeline = new Pipeline(checker, readers, scoring, gate,
                    writers, threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    p -> stderr.println(lineStart + "calque: " + p.oneLine()),
                    progress,
                    settings.triage(state, accepted))
                    .timeLimit(Duration.ofSeconds(timeout))
                    .risk(riskModel(accepted, store));
            if (originals != null) pipeline.originals(originals);
            if (cacheDir != null) pipeline.cache(new dev.calque.pipeline.FindingCache(cacheDir, checker.configurationKey()));
            RunSummary summary = runInterruptibly(pipeline, info, stderr);
            if (state != null) state.save();
            if (originals != null && !quiet) {
                for (Path orphan : originals.orphans()) stderr.println("calque: original without a translation: " + orphan);
            }
            if (!consoleOnStdout && !quiet) stderr.println(summary.verdict());
            if (verdictDb != null && !quiet) {
                long n = accepted.dismissedHits();
                stderr.println("calque: " + n + (n == 1 ? " finding" : " findings") + " left out as dismissed at the review desk ("
                        + verdictDb + ")");
            }
            if (cacheDir != null && !quiet) {
                stderr.println("calque: " + pipeline.cacheHits() + " of " + summary.articles() + " articles served from the cache");
            }
            if (summary.unreadable() > 0) return Main.UNREADABLE_INPUT;
            return summary.failed() > 0 ? Main.FAILED_GATE : Main.OK;
        } finally {
            for (ReportWriter w : writers) w.close();
        }
    }

    /**
     * Runs the pipeline so that Ctrl-C stops it promptly but still lets the writers finish: the
     * shutdown hook cancels the run and waits (a few seconds at most) for the outputs to be whole.
     */
    private RunSummary runInterruptibly(Pipeline pipeline, RunInfo info, PrintStream stderr) throws IOException {
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            pipeline.cancel();
            try {
                finished.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "calque-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        dev.calque.report.AtomicOutput.holdCleanupUntil(finished); // unfinished temporary files go once the outputs are done
        try {
            RunSummary summary = pipeline.run(inputs, info);
            if (pipeline.cancelled()) stderr.println("calque: interrupted; the outputs hold what was finished");
            return summary;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of the interrupt: the hook is already running
            }
        }
    }

    /**
     * A note when no rule folder has a pack for the language pair (a real language such as de, whose
     * rules/de-en/ only says how German writes numbers and dates): the run goes on with the
     * language-independent checks, and says so.
     */
    static String missingPairNote(Settings settings, Checker checker) {
        String target = checker.target().split("-")[0];
        String pair = checker.source() + "-" + target;
        for (Path dir : settings.ruleDirs()) {
            if (hasRules(dir.resolve(pair))) return null;
        }
        return "no rule pack for " + pair + " (translations from '" + checker.source() + "'); running the "
                + "checks for any " + target + " text only";
    }

    /**
     * Whether a pair folder holds rules for the translation: an XML rule file, or a YAML one with more
     * than a {@code bilingual:} section (rules/de-en/ may only say how German writes numbers and dates).
     */
    private static boolean hasRules(Path pair) {
        if (!java.nio.file.Files.isDirectory(pair)) return false;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(pair)) {
            return files.anyMatch(f -> {
                String name = f.getFileName().toString();
                if (name.endsWith(".xml")) return true;
                if (!name.endsWith(".yml") && !name.endsWith(".yaml")) return false;
                try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(f, java.nio.charset.StandardCharsets.UTF_8)) {
                    return lines.anyMatch(l -> l.matches("[A-Za-z_][\\w-]*:.*") && !l.startsWith("bilingual:"));
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    return true; // unreadable: the rule loader says why
                }
            });
        } catch (java.io.IOException e) {
            return true;
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

    /**
     * The bundled risk model, its per-rule confidence moved by what editors said: the suppressions that
     * give "false positive" as their reason, and the review desk's confirmations and dismissals.
     */
    static dev.calque.risk.RiskModel riskModel(Suppressions accepted, dev.calque.review.VerdictStore desk) {
        List<dev.calque.risk.RuleVerdicts> verdicts =
                new ArrayList<>(dev.calque.risk.RuleVerdicts.dismissals(accepted.falsePositivesByRule()));
        if (desk != null) {
            for (var t : desk.tallies().values()) {
                verdicts.add(new dev.calque.risk.RuleVerdicts(t.rule(), t.confirmed(), t.dismissed()));
            }
        }
        return dev.calque.risk.RiskModel.bundled().withVerdicts(verdicts);
    }
}
