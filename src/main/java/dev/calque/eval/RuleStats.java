package dev.calque.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.score.Suppressions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How often each rule fired in earlier {@code calque check --format json} runs, and what share of its
 * findings editors marked as false positives.
 *
 * <p>Verdicts: the suppressions file {@code calque check --suppressions} reads (JSON, or YAML when
 * named {@code .yml}/{@code .yaml}; see docs/configuration.md), loaded by the same
 * {@link Suppressions#load} and matched the same way: a finding counts as marked false positive when
 * its {@code fingerprint}, or its rule and passage, is in the file.
 */
public final class RuleStats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleStats() {
    }

    /** One rule across all reports. */
    public record RuleStat(String rule, String name, String category, String origin, int fires, int articles,
                           Double perThousandWords, int markedFalsePositive, Double falsePositiveShare) {
    }

    /** The whole aggregation, rules sorted by fires per 1,000 words, most first. */
    public record Result(int reports, int articles, long words, int findings, boolean verdicts, List<RuleStat> rules) {
        public Result {
            rules = List.copyOf(rules);
        }
    }

    private static final class Tally {
        String name = "", category = "", origin = "";
        int fires, articles, fp;
    }

    /**
     * @param verdicts a suppressions file, or {@code null}
     * @throws CorpusException naming the file when a report cannot be read
     * @throws IllegalArgumentException naming the file (and line) when the suppressions file cannot be read
     */
    public static Result aggregate(List<Path> reports, Path verdicts) {
        Map<String, Tally> rules = new LinkedHashMap<>();
        Suppressions marked = verdicts == null ? Suppressions.NONE : Suppressions.load(null, verdicts);
        int articles = 0;
        long words = 0;
        int findings = 0;
        for (Path report : reports) {
            JsonNode root = read(report);
            JsonNode list = root.get("articles");
            if (list == null || !list.isArray()) {
                throw new CorpusException(report, 0, "not a Calque JSON report (no \"articles\" list; write one with "
                        + "calque check --format json -o FILE)");
            }
            for (JsonNode a : list) {
                articles++;
                words += a.path("words").asLong(0);
                Set<String> inArticle = new HashSet<>();
                for (JsonNode f : a.path("findings")) {
                    String rule = f.path("rule").asText("");
                    if (rule.isEmpty()) continue;
                    findings++;
                    Tally t = rules.computeIfAbsent(rule, k -> new Tally());
                    t.fires++;
                    t.name = f.path("ruleName").asText(t.name);
                    t.category = f.path("category").asText(t.category);
                    t.origin = f.path("origin").asText(t.origin);
                    if (inArticle.add(rule)) t.articles++;
                    if (marked.accepts(rule, f.path("passage").asText(""), fingerprint(f))) t.fp++;
                }
            }
        }
        List<RuleStat> out = new ArrayList<>();
        for (Map.Entry<String, Tally> e : rules.entrySet()) {
            Tally t = e.getValue();
            out.add(new RuleStat(e.getKey(), t.name, t.category, t.origin, t.fires, t.articles,
                    Evaluation.perThousand(t.fires, words), t.fp, verdicts == null ? null : Evaluation.ratio(t.fp, t.fires)));
        }
        out.sort(Comparator.comparingInt(RuleStat::fires).reversed().thenComparing(RuleStat::rule));
        return new Result(reports.size(), articles, words, findings, verdicts != null, out);
    }

    private static String fingerprint(JsonNode finding) {
        JsonNode fp = finding.get("fingerprint");
        return fp != null && fp.isTextual() && !fp.asText().isEmpty() ? fp.asText() : null;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, 0, "file not found");
        } catch (JsonProcessingException e) {
            throw new CorpusException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CorpusException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * One rule as editors judged it at the review desk, beside its precision on the annotated dev corpora.
     *
     * @param precision    confirmed (or edited) over judged, from the desk's verdicts
     * @param devPrecision hits over judgeable findings in the {@code calque eval --format json} files given, or null
     */
    public record VerdictStat(String rule, int confirmed, int dismissed, Double precision, Integer devJudged,
                              Double devPrecision) {
    }

    /**
     * Per rule, the desk's tallies beside the dev-corpus precision: every rule with a verdict, then the
     * rules measured on the corpora without one.
     *
     * @param tallies per rule: (confirmed, dismissed), from the verdict store
     * @param evals   {@code calque eval --format json} outputs (may be empty)
     */
    public static List<VerdictStat> verdicts(Map<String, int[]> tallies, List<Path> evals) {
        Map<String, int[]> dev = new LinkedHashMap<>(); // rule -> {judgeable, hits}
        for (Path e : evals) {
            JsonNode root = read(e);
            if (!"calque-eval".equals(root.path("kind").asText())) {
                throw new CorpusException(e, 0, "not the JSON of calque eval (no \"kind\": \"calque-eval\"; write one "
                        + "with calque eval CORPUS --format json -o FILE)");
            }
            collectRuleFigures(root, dev);
        }
        List<VerdictStat> out = new ArrayList<>();
        Set<String> rules = new java.util.TreeSet<>(tallies.keySet());
        for (Map.Entry<String, int[]> t : tallies.entrySet()) {
            int[] n = t.getValue();
            int[] d = dev.get(t.getKey());
            out.add(new VerdictStat(t.getKey(), n[0], n[1], Evaluation.ratio(n[0], n[0] + n[1]),
                    d == null ? null : d[0], d == null ? null : Evaluation.ratio(d[1], d[0])));
        }
        out.sort(Comparator.comparingInt((VerdictStat v) -> v.confirmed() + v.dismissed()).reversed()
                .thenComparing(VerdictStat::rule));
        for (Map.Entry<String, int[]> d : dev.entrySet()) {
            if (rules.contains(d.getKey())) continue;
            out.add(new VerdictStat(d.getKey(), 0, 0, null, d.getValue()[0], Evaluation.ratio(d.getValue()[1], d.getValue()[0])));
        }
        return out;
    }

    /** Every per-rule figure in an eval document (one per corpus and checker), summed by rule. */
    private static void collectRuleFigures(JsonNode n, Map<String, int[]> dev) {
        if (n.isObject() && n.path("rule").isTextual() && n.has("hits") && n.has("unjudged") && n.has("findings")) {
            int[] d = dev.computeIfAbsent(n.get("rule").asText(), k -> new int[2]);
            d[0] += n.get("findings").asInt() - n.get("unjudged").asInt();
            d[1] += n.get("hits").asInt();
            return;
        }
        for (JsonNode c : n) collectRuleFigures(c, dev);
    }

    /** The desk's verdicts per rule as an aligned table. */
    public static String verdictTable(List<VerdictStat> stats, boolean withDev) {
        TextTable t = withDev
                ? new TextTable("RULE", "CONFIRMED", "DISMISSED", "DESK PRECISION", "DEV JUDGED", "DEV PRECISION").left(1)
                : new TextTable("RULE", "CONFIRMED", "DISMISSED", "DESK PRECISION").left(1);
        for (VerdictStat s : stats) {
            if (withDev) {
                t.row(s.rule(), EvalTableWriter.n(s.confirmed()), EvalTableWriter.n(s.dismissed()), EvalTableWriter.pct(s.precision()),
                        s.devJudged() == null ? "–" : EvalTableWriter.n(s.devJudged()), EvalTableWriter.pct(s.devPrecision()));
            } else {
                t.row(s.rule(), EvalTableWriter.n(s.confirmed()), EvalTableWriter.n(s.dismissed()), EvalTableWriter.pct(s.precision()));
            }
        }
        if (t.isEmpty()) return "no verdicts yet\n";
        String table = t.render(false);
        return table.endsWith("\n") ? table : table + "\n";
    }

    /** The statistics as an aligned table. */
    public static String table(Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d report%s, %,d articles, %,d words, %,d findings%n", r.reports(),
                r.reports() == 1 ? "" : "s", r.articles(), r.words(), r.findings()));
        TextTable t = r.verdicts()
                ? new TextTable("RULE", "ORIGIN", "CATEGORY", "FIRES", "ARTICLES", "PER 1K WORDS", "MARKED FP", "FP SHARE").left(3)
                : new TextTable("RULE", "ORIGIN", "CATEGORY", "FIRES", "ARTICLES", "PER 1K WORDS").left(3);
        for (RuleStat s : r.rules()) {
            String origin = "calque".equals(s.origin()) ? "calque" : "LT";
            if (r.verdicts()) {
                t.row(s.rule(), origin, s.category(), EvalTableWriter.n(s.fires()), EvalTableWriter.n(s.articles()),
                        EvalTableWriter.d(s.perThousandWords()), EvalTableWriter.n(s.markedFalsePositive()),
                        EvalTableWriter.pct(s.falsePositiveShare()));
            } else {
                t.row(s.rule(), origin, s.category(), EvalTableWriter.n(s.fires()), EvalTableWriter.n(s.articles()),
                        EvalTableWriter.d(s.perThousandWords()));
            }
        }
        if (!t.isEmpty()) out.append(t.render(false));
        return out.toString();
    }
}
