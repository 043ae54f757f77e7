package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.eval.Corpus;
import dev.calque.eval.EvalJsonWriter;
import dev.calque.eval.EvalResult;
import dev.calque.eval.EvalTableWriter;
import dev.calque.eval.Evaluation;
import dev.calque.eval.SpanMatcher;
import dev.calque.report.Destination;
import dev.calque.report.allure.EvalAllureReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calque eval CORPUS.jsonl...}: measure the rules against annotated translations. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure every rule on annotated translations (JSON Lines, see docs/rules-quality.md): ",
            "hits on annotated error spans, false alarms in error-free segments, per rule, per MQM family, "
                + "and segment-level precision/recall for \"has a major error\".",
            "Without --from, each corpus's \"pair\" field (e.g. zh-en) chooses the source language."})
public final class EvalCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "Corpus files in JSON Lines.")
    List<Path> corpora = new ArrayList<>();

    @Mixin
    CheckerOptions checkerOptions;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: calque.yml in "
            + "the working folder, if there is one): its languages, rule folders, switches, disabled rules and "
            + "severities apply, as in check, so eval measures what check runs.")
    Path configFile;

    @Option(names = "--baseline-lt", description = "Also run stock LanguageTool alone (no Calque rules, no "
            + "rule-pack settings) and show its figures beside Calque's.")
    boolean baselineLt;

    @Option(names = "--min-votes", paramLabel = "N", defaultValue = "1", description = "Count an annotated error "
            + "only when N annotators marked an error of its MQM family in the segment (all of them when fewer "
            + "rated it; default: ${DEFAULT-VALUE}).")
    int minVotes;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "console",
            description = "console, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (whole or not at all) "
            + "instead of standard output.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--top", paramLabel = "N", defaultValue = "30",
            description = "Rules listed per corpus in console and markdown output, 0 for all (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "5",
            description = "Hits and false alarms kept per rule as examples in JSON (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports/eval",
            description = "Folder of the Allure report (one test case per rule, with example hits and false alarms): "
                    + "index.html, allure-results/, history/ (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--no-report", description = "Do not write the Allure report.")
    boolean noReport;

    @Spec
    CommandSpec spec;

    @Option(names = "--with-source", description = "Check each document beside its original (the corpus's "
            + "\"source\" field), so the rules that read the original run and are measured too.")
    boolean withSource;

    @Option(names = "--inject", description = "Contrastive test instead: on the human translations of the corpora "
            + "(segments with their original, or the \"reference\" beside machine translations), inject one known error at a time (changed number, swapped name, dropped "
            + "or added negation, omitted clause, added sentence, untranslated sentence, swapped paragraphs, changed "
            + "weekday or month; and, checked without the original, a sentence split before its closing phrase and a "
            + "phrase broken at its \"of\") and print how often each is flagged, and the findings per 1,000 words of the unmodified "
            + "text; documents alternate between two halves, reported apart.")
    boolean inject;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "15", description = "Seed of --inject's draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--misses", description = "With --inject: also list each injected error that no finding flagged, "
            + "and each finding of the rules that read the original on the unmodified text.")
    boolean misses;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
    boolean quiet;

    private int injection(List<Corpus> read, Settings settings, boolean fromGiven, ExecutorService pool) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (Corpus c : read) {
            String source = fromGiven || c.sourceLanguage() == null ? settings.source() : c.sourceLanguage();
            Checker checker = Checkers.from(settings.withSource(source));
            List<dev.calque.eval.EvalDocument> docs = dev.calque.eval.Injection.humanDocuments(c);
            if (docs.isEmpty()) {
                out.println("== " + c.name() + ": no human translations with their original; nothing to inject");
                continue;
            }
            List<List<dev.calque.eval.EvalDocument>> halves = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < docs.size(); i++) halves.get(i % 2).add(docs.get(i));
            for (int h = 0; h < 2; h++) {
                dev.calque.eval.Injection.Result r = dev.calque.eval.Injection.run(checker, halves.get(h), seed, pool, source);
                out.printf(Locale.ROOT, "== %s, half %s (%d documents, %,d words, seed %d)%n", c.name(), h == 0 ? "A" : "B",
                        r.documents(), r.words(), seed);
                out.println("| injected error | injected | flagged | detection |");
                out.println("| --- | ---: | ---: | ---: |");
                for (dev.calque.eval.Injection.Type t : dev.calque.eval.Injection.Type.values()) {
                    int[] d = r.detected().getOrDefault(t, new int[2]);
                    out.printf(Locale.ROOT, "| %s | %d | %d | %s |%n", t.label, d[1], d[0],
                            d[1] == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) d[0] / d[1]));
                }
                out.printf(Locale.ROOT, "unmodified: %.2f findings per 1,000 words from the rules that read the original "
                        + "(%d), %.2f from all rules (%d) %s%n", r.perThousand(r.sourceFindings()), r.sourceFindings(),
                        r.perThousand(r.findings()), r.findings(), new java.util.TreeMap<>(r.byRule()));
                if (misses) for (String m : r.misses()) out.println("missed " + m);
            }
        }
        return Main.OK;
    }

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("console", "text", "json", "markdown", "md").contains(fmt)) {
            throw new UsageError("unknown format '" + format + "' (use console, json or markdown)");
        }
        if (minVotes < 1) throw new UsageError("--min-votes must be at least 1");
        Limits.threads(threads);
        if (top < 0 || examples < 0) throw new UsageError("--top and --examples must not be negative");
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);

        Settings settings = Settings.load(configFile,
                checkerOptions.commandLine(spec.commandLine().getParseResult()::hasMatchedOption));
        List<Corpus> read = new ArrayList<>();
        for (Path p : corpora) read.add(Corpus.read(p));
        // without --from (or source: in calque.yml), each corpus's "pair" chooses the rule packs (zh-en: rules/en only)
        boolean fromGiven = settings.sourceChosen();
        Map<String, Checker> calqueBySource = new HashMap<>();
        Checker[] stockChecker = new Checker[1]; // no rule packs: the same for every source language
        SpanMatcher matcher = new SpanMatcher(minVotes);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "calque-eval");
            t.setDaemon(true);
            return t;
        });
        if (inject) {
            try {
                return injection(read, settings, fromGiven, pool);
            } finally {
                pool.shutdownNow();
            }
        }
        List<EvalResult.CorpusResult> results = new ArrayList<>();
        try {
            for (Corpus c : read) {
                String source = fromGiven || c.sourceLanguage() == null ? settings.source() : c.sourceLanguage();
                Checker calque = calqueBySource.computeIfAbsent(source, s -> Checkers.from(settings.withSource(s)));
                if (baselineLt && stockChecker[0] == null) stockChecker[0] = Checkers.languageToolOnly(settings);
                Checker stock = stockChecker[0];
                EvalResult.Figures lt = null;
                if (stock != null) {
                    lt = Evaluation.run("languagetool", stock, c, matcher, pool, examples);
                    if (!quiet) progress(stderr, c, "stock LanguageTool", lt);
                }
                EvalResult.Figures cq = Evaluation.run("calque", calque, c, matcher, pool, examples,
                        withSource ? source : null);
                if (!quiet) progress(stderr, c, "Calque", cq);
                var kinds = new HashMap<String, Integer>();
                c.kinds().forEach((k, v) -> kinds.put(k.name(), v));
                results.add(new EvalResult.CorpusResult(c.name(), c.corpus(), source, c.documents().size(), c.segments(),
                        c.words(), kinds, c.maxAnnotators(), cq, lt));
            }
        } finally {
            pool.shutdownNow();
        }
        Checker any = calqueBySource.values().iterator().next();
        EvalResult result = new EvalResult(Versions.calque(), Versions.languageTool(), any.target(),
                fromGiven ? settings.source() : "auto", rulePackHashes(calqueBySource), minVotes, results);

        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Destination d = output == null ? Destination.stdout(stdout) : Destination.file(output)) {
            if (fmt.equals("json")) {
                EvalJsonWriter.write(result, d.stream());
            } else {
                String text = new EvalTableWriter(fmt.startsWith("m"), top).render(result);
                d.stream().write(text.getBytes(StandardCharsets.UTF_8));
            }
            d.commit();
        }
        if (!noReport) {
            EvalAllureReport.write(result, reportDir);
            if (!quiet) stderr.println("calque: eval report: " + reportDir.resolve("index.html"));
        }
        return Main.OK;
    }

    private static String rulePackHashes(Map<String, Checker> bySource) {
        List<String> hashes = new ArrayList<>();
        new TreeMap<>(bySource).forEach((src, c) -> hashes.add(bySource.size() == 1 ? c.rules().hash()
                : src + ":" + c.rules().hash()));
        return String.join(" ", hashes);
    }

    private static void progress(PrintStream err, Corpus c, String who, EvalResult.Figures f) {
        err.printf(Locale.ROOT, "calque: %s: %s checked %d documents (%d segments, %,d words) in %.1f s%n",
                c.name(), who, c.documents().size(), c.segments(), c.words(), f.seconds());
    }
}
