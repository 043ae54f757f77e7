package dev.calque.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calque.check.Checker;
import dev.calque.eval.Corpus;
import dev.calque.eval.EvalDocument;
import dev.calque.ingest.ArticleSink;
import dev.calque.ingest.IngestLimits;
import dev.calque.ingest.InputProblem;
import dev.calque.ingest.Inputs;
import dev.calque.model.Article;
import dev.calque.score.MqmScoring;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code calque bench}: Calque's speed and memory side by side with plain LanguageTool, each
 * configuration in a fresh JVM with the same settings so CPU time and peak memory are its own:
 * (a) LanguageTool with its default English rules, one thread; (b) Calque with all its rules, one
 * thread; (c) Calque on all cores. Also the time from the command to the first printed finding.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure throughput, CPU per word and memory against plain LanguageTool (prints a table).")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CORPUS", arity = "1..*", description = "Annotated-corpus JSON Lines files (segments "
            + "assembled into documents, as calque eval does), or folders/files of articles.")
    List<String> corpus = new ArrayList<>();

    @Option(names = "--jvm", paramLabel = "OPTIONS", description = "JVM options for the measured JVMs (repeatable: "
            + "one table per setting; default: this JVM's heap and collector options).")
    List<String> jvms = new ArrayList<>();

    @Option(names = "--modes", split = ",", paramLabel = "MODE", defaultValue = "lt,calque,calque-all",
            description = "What to measure: lt, calque, calque-all (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--max-words", paramLabel = "N", description = "Use only the first documents, up to N words.")
    Integer maxWords;

    @Option(names = "--startup", paramLabel = "FILE", description = "Also time `calque check FILE` from the command "
            + "to its first printed finding (three runs, median).")
    Path startupFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path output;

    @Option(names = "--make-corpus", paramLabel = "DIR", description = "Instead of measuring, write --articles "
            + "plain-text articles built from the corpus into DIR (for memory runs of calque check).")
    Path makeCorpus;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "10000",
            description = "How many articles --make-corpus writes (default: ${DEFAULT-VALUE}).")
    int articleCount;

    /** Writes N articles of three consecutive segments each, cycling through the corpus. */
    private int makeCorpus(PrintStream out) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (Article a : Child.load(corpus, 0)) {
            for (String p : a.text().split("\\n\\s*\\n")) if (!p.isBlank()) paragraphs.add(p.strip());
        }
        if (paragraphs.isEmpty()) throw new UsageError("no text in " + corpus);
        Files.createDirectories(makeCorpus);
        long words = 0;
        for (int i = 0; i < articleCount; i++) {
            StringBuilder sb = new StringBuilder("Article " + (i + 1) + "\n\n");
            for (int k = 0; k < 3; k++) sb.append(paragraphs.get((i * 3 + k) % paragraphs.size())).append("\n\n");
            words += dev.calque.model.Texts.wordCount(sb);
            Files.writeString(makeCorpus.resolve(String.format("article-%05d.txt", i + 1)), sb, StandardCharsets.UTF_8);
        }
        out.printf(Locale.ROOT, "wrote %d articles, %,d words, into %s%n", articleCount, words, makeCorpus);
        return Main.OK;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (makeCorpus != null) return makeCorpus(out);
        if (jvms.isEmpty()) jvms.add(String.join(" ", currentHeapAndGcOptions()));
        ObjectMapper json = new ObjectMapper();
        ObjectNode all = json.createObjectNode();
        all.put("cores", Runtime.getRuntime().availableProcessors());
        all.put("corpus", String.join(" ", corpus));
        var tables = all.putArray("settings");
        for (String jvm : jvms) {
            out.println("JVM options: " + (jvm.isBlank() ? "(defaults)" : jvm));
            ObjectNode table = tables.addObject();
            table.put("jvm", jvm);
            var rows = table.putArray("runs");
            Map<String, JsonNode> byMode = new java.util.LinkedHashMap<>();
            out.printf("  %-26s %9s %7s %9s %7s %11s %10s %9s %10s %8s%n", "configuration", "words", "wall s", "words/s",
                    "cpu s", "words/cpu-s", "articles/s", "RSS MB", "heap MB", "ready s");
            for (String mode : modes) {
                JsonNode r = child(jvm, mode);
                byMode.put(mode, r);
                rows.add(r);
                out.printf(Locale.ROOT, "  %-26s %9d %7.1f %9.0f %7.1f %11.0f %10.2f %9.0f %10.0f %8.1f%n", label(mode),
                        r.get("words").asLong(), r.get("wallSeconds").asDouble(), r.get("wordsPerSecond").asDouble(),
                        r.get("cpuSeconds").asDouble(), r.get("wordsPerCpuSecond").asDouble(),
                        r.get("articlesPerSecond").asDouble(), r.get("peakRssMb").asDouble(), r.get("peakHeapMb").asDouble(),
                        r.get("readySeconds").asDouble());
            }
            ratio(out, table, byMode, "calque", "lt", "b/a Calque vs LanguageTool, words per CPU-second");
            ratio(out, table, byMode, "calque-all", "calque", "c/b all cores vs one thread, words per CPU-second");
            ratio(out, table, byMode, "calque-all", "calque", "c/b all cores vs one thread, words per second", "wordsPerSecond");
            out.println();
        }
        if (startupFile != null) {
            double[] s = new double[STARTUP_RUNS];
            for (int i = 0; i < s.length; i++) s[i] = timeToFirstFinding(jvms.get(0));
            double[] sorted = s.clone();
            java.util.Arrays.sort(sorted);
            StringBuilder runs = new StringBuilder();
            for (double x : s) runs.append(runs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
            out.printf(Locale.ROOT, "Time from the command to the first printed finding (%s, %s): median %.2f s of %d runs (%s)%n",
                    startupFile, launcher() != null ? "the launcher's own settings" : jvms.get(0), sorted[s.length / 2],
                    s.length, runs);
            all.put("firstFindingSeconds", sorted[s.length / 2]);
            all.set("firstFindingRuns", json.valueToTree(s));
        }
        if (output != null) {
            try (dev.calque.report.Destination d = dev.calque.report.Destination.file(output)) {
                json.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(d.stream(), all);
                d.commit();
            }
        }
        return Main.OK;
    }

    private static String label(String mode) {
        return switch (mode) {
            case "lt" -> "(a) LanguageTool, 1 thread";
            case "calque" -> "(b) Calque, 1 thread";
            case "calque-all" -> "(c) Calque, " + Runtime.getRuntime().availableProcessors() + " threads";
            default -> mode;
        };
    }

    private static void ratio(PrintStream out, ObjectNode table, Map<String, JsonNode> m, String a, String b, String what) {
        ratio(out, table, m, a, b, what, "wordsPerCpuSecond");
    }

    private static void ratio(PrintStream out, ObjectNode table, Map<String, JsonNode> m, String a, String b, String what,
                              String field) {
        if (!m.containsKey(a) || !m.containsKey(b)) return;
        double r = m.get(a).get(field).asDouble() / m.get(b).get(field).asDouble();
        out.printf(Locale.ROOT, "  %s: %.3f%n", what, r);
        table.put(a + "/" + b + ":" + field, r);
    }

    static List<String> currentHeapAndGcOptions() {
        List<String> opts = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:+Use") && a.endsWith("GC")
                    || a.startsWith("-XX:MetaspaceSize=") || a.equals("-XX:+UseTransparentHugePages")) {
                opts.add(a);
            }
        }
        return opts;
    }

    private List<String> javaCommand(String jvm) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : jvm.trim().split("\\s+")) if (!o.isBlank()) cmd.add(o);
        String home = System.getProperty("calque.home");
        if (home != null) cmd.add("-Dcalque.home=" + home);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }

    private JsonNode child(String jvm, String mode) throws IOException, InterruptedException {
        List<String> cmd = javaCommand(jvm);
        cmd.add(Child.class.getName());
        cmd.add(mode);
        cmd.add(maxWords == null ? "0" : maxWords.toString());
        cmd.addAll(corpus);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) last = line;
        }
        if (p.waitFor() != 0 || last == null) throw new IllegalStateException("bench run '" + mode + "' failed");
        return new ObjectMapper().readTree(last);
    }

    /** Runs of the start-up probe: the machine is noisy, the median of five is steadier than of three. */
    private static final int STARTUP_RUNS = 5;

    /** The {@code calque} launcher beside the jar, or null (Calque used as a library). */
    private static Path launcher() {
        String home = System.getProperty("calque.home");
        return home != null && Files.isExecutable(Path.of(home, "calque")) ? Path.of(home, "calque") : null;
    }

    /**
     * Runs {@code calque check FILE} as a user would, timing its first finding line: through the
     * launcher with its own JVM settings (which pick the quick-check settings for a small file), or,
     * without a launcher, a JVM with {@code jvm}.
     */
    private double timeToFirstFinding(String jvm) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (launcher() != null) {
            cmd.add(launcher().toString());
            pb.environment().remove("CALQUE_JAVA_OPTS");
        } else {
            cmd.addAll(javaCommand(jvm));
            cmd.add(Main.class.getName());
        }
        cmd.addAll(List.of("check", "--no-report", "--color", "never", startupFile.toString()));
        long t0 = System.nanoTime();
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        double seconds = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (seconds < 0 && line.matches("\\s+\\d+:\\d+\\s.*")) seconds = (System.nanoTime() - t0) / 1e9;
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        return seconds;
    }

    /** One measured configuration, in its own JVM: prints one JSON line of figures. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            String mode = args[0];
            int maxWords = Integer.parseInt(args[1]);
            List<Article> articles = load(List.of(args).subList(2, args.length), maxWords);
            long words = articles.stream().mapToLong(Article::wordCount).sum();
            long t0 = System.nanoTime();
            Runnable[] work = new Runnable[1];
            int threads = mode.equals("calque-all") ? Runtime.getRuntime().availableProcessors() : 1;
            if (mode.equals("lt")) {
                JLanguageTool lt = new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
                lt.check("Warm-up sentence for the checker.");
                work[0] = () -> {
                    try {
                        for (Article a : articles) lt.check(a.text());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
            } else {
                // the checker check would build here: calque.yml in the working folder, if any
                Checker checker = Checkers.from(Settings.load(null, Settings.CommandLine.NONE));
                MqmScoring scoring = MqmScoring.DEFAULT;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> warm = new ArrayList<>();
                for (int i = 0; i < threads; i++) warm.add(pool.submit(checker::warm));
                for (Future<?> f : warm) f.get();
                work[0] = () -> {
                    List<Future<?>> jobs = new ArrayList<>();
                    for (Article a : articles) {
                        jobs.add(pool.submit(() -> scoring.score(checker.check(a).findings(), a.wordCount())));
                    }
                    try {
                        for (Future<?> f : jobs) f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    pool.shutdown();
                };
            }
            double ready = (System.nanoTime() - t0) / 1e9;
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            long cpu0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            work[0].run();
            double wall = (System.nanoTime() - w0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long heap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) heap += pool.getPeakUsage().getUsed();
            }
            ObjectNode r = new ObjectMapper().createObjectNode();
            r.put("mode", mode);
            r.put("threads", threads);
            r.put("articles", articles.size());
            r.put("words", words);
            r.put("readySeconds", ready);
            r.put("wallSeconds", wall);
            r.put("cpuSeconds", cpu);
            r.put("wordsPerSecond", words / wall);
            r.put("wordsPerCpuSecond", words / cpu);
            r.put("articlesPerSecond", articles.size() / wall);
            r.put("peakRssMb", peakRssKb() / 1024.0);
            r.put("peakHeapMb", heap / (1024.0 * 1024.0));
            System.out.println(r);
            System.exit(0);
        }

        static List<Article> load(List<String> sources, int maxWords) {
            List<Article> out = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String s : sources) {
                if (s.endsWith(".jsonl")) {
                    for (EvalDocument d : Corpus.read(Path.of(s)).documents()) {
                        out.add(new Article(d.doc() + "/" + d.system(), d.doc(), s, d.doc(), d.text(), "text/plain", Map.of()));
                    }
                } else {
                    other.add(s);
                }
            }
            new Inputs(IngestLimits.DEFAULT).read(other, new ArticleSink() {
                @Override
                public void article(Article a) {
                    out.add(a);
                }

                @Override
                public void problem(InputProblem p) {
                    System.err.println("bench: " + p.oneLine());
                }
            });
            if (maxWords <= 0) return out;
            List<Article> cut = new ArrayList<>();
            long n = 0;
            for (Article a : out) {
                if (n >= maxWords) break;
                cut.add(a);
                n += a.wordCount();
            }
            return cut;
        }

        private static long peakRssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            } catch (IOException | NumberFormatException ignored) {
                // not Linux: no figure
            }
            return -1;
        }
    }
}
