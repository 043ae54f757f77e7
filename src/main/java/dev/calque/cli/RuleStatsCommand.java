package dev.calque.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.calque.eval.RuleStats;
import dev.calque.report.Destination;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calque rules stats REPORT.json...}: which rules fire how often in real runs, and how often wrongly. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Per rule, over JSON reports of earlier 'calque check --format json' runs: fires, articles, "
                + "fires per 1,000 words and, with --verdicts, the share editors marked false positive.")
final class RuleStatsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "REPORT", description = "JSON reports written by calque check --format json "
            + "(optional with a verdict database).")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--verdicts", paramLabel = "FILE", description = "Editors' verdicts: the review desk's database "
            + "(per rule: confirmed, dismissed, precision), or the suppressions file of 'calque check --suppressions' "
            + "(JSON or YAML; a finding counts as marked when its fingerprint, or its rule and passage, is in it).")
    Path verdicts;

    @Option(names = "--eval", paramLabel = "FILE", description = "With a verdict database: 'calque eval --format json' "
            + "output whose per-rule precision on the annotated dev corpora is shown beside the desk's (repeatable).")
    List<Path> evals = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "console",
            description = "console or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("console", "text", "json").contains(fmt)) {
            throw new UsageError("unknown format '" + format + "' (use console or json)");
        }
        boolean desk = verdicts != null && java.nio.file.Files.isRegularFile(verdicts)
                && dev.calque.review.VerdictStore.looksLikeDatabase(verdicts);
        if (reports.isEmpty() && !desk) {
            throw new UsageError("give JSON reports of calque check, or --verdicts with the review desk's database");
        }
        if (!evals.isEmpty() && !desk) throw new UsageError("--eval goes with --verdicts DB (the review desk's database)");
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (desk) return deskStats(stdout, fmt);
        RuleStats.Result result = RuleStats.aggregate(reports, verdicts);
        try (Destination d = output == null ? Destination.stdout(stdout) : Destination.file(output)) {
            if (fmt.equals("json")) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValue(d.stream(), result);
                d.stream().write('\n');
            } else {
                d.stream().write(RuleStats.table(result).getBytes(StandardCharsets.UTF_8));
            }
            d.commit();
        }
        return Main.OK;
    }

    /** The review desk's verdicts per rule, beside the dev corpora's precision; and the reports' fire rates if given. */
    private Integer deskStats(PrintStream stdout, String fmt) throws IOException {
        java.util.Map<String, int[]> tallies = new java.util.LinkedHashMap<>();
        dev.calque.review.VerdictStore.openExisting(verdicts).tallies()
                .forEach((rule, t) -> tallies.put(rule, new int[] {t.confirmed(), t.dismissed()}));
        List<RuleStats.VerdictStat> stats = RuleStats.verdicts(tallies, evals);
        RuleStats.Result fires = reports.isEmpty() ? null : RuleStats.aggregate(reports, null);
        try (Destination d = output == null ? Destination.stdout(stdout) : Destination.file(output)) {
            if (fmt.equals("json")) {
                java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
                doc.put("verdicts", stats);
                if (fires != null) doc.put("reports", fires);
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValue(d.stream(), doc);
                d.stream().write('\n');
            } else {
                StringBuilder b = new StringBuilder();
                int judged = stats.stream().mapToInt(s -> s.confirmed() + s.dismissed()).sum();
                b.append("Review desk verdicts (").append(verdicts).append("): ").append(judged)
                        .append(judged == 1 ? " finding judged" : " findings judged").append('\n');
                b.append(RuleStats.verdictTable(stats, !evals.isEmpty()));
                if (fires != null) b.append('\n').append(RuleStats.table(fires));
                d.stream().write(b.toString().getBytes(StandardCharsets.UTF_8));
            }
            d.commit();
        }
        return Main.OK;
    }
}
