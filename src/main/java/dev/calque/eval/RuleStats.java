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
