package dev.calque.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calque.model.ArticleRisk;
import dev.calque.model.Deadline;
import dev.calque.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trained risk model (shipped as {@code dev/calque/risk/model.json}, made by
 * {@code scripts/train-risk.sh}): per-rule hit rates, a confidence model per finding and a risk
 * model per segment, each in two variants, without and with the source text.
 *
 * <p>A finding's confidence is the probability that an MQM annotator marks an error overlapping its
 * passage: a logistic regression (fitted on a calibration slice of the training data, which makes it
 * a Platt calibration of the rule's rate extended by a few features) over the rule's smoothed hit
 * rate and the finding's context. A segment's risk is the probability that it holds a major error:
 * a logistic regression over the segment's features ({@link Features#segment}), Platt-calibrated on
 * the same slice. An article's risk is {@code 1 - prod(1 - segment risk)}.
 */
public final class RiskModel {
    public static final String RESOURCE = "/dev/calque/risk/model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static volatile RiskModel bundled;

    private final RuleRates rates;
    private final Set<String> ruleFeatures;
    private final Map<String, Logistic> models;
    private final Map<String, Object> about;

    public RiskModel(RuleRates rates, Set<String> ruleFeatures, Map<String, Logistic> models, Map<String, Object> about) {
        this.rates = rates;
        this.ruleFeatures = Set.copyOf(ruleFeatures);
        this.models = Map.copyOf(models);
        this.about = new LinkedHashMap<>(about);
    }

    /** The model in Calque's jar, read once. */
    public static RiskModel bundled() {
        RiskModel m = bundled;
        if (m == null) {
            try (InputStream in = RiskModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the risk model " + RESOURCE + " is missing from the jar");
                m = read(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = m;
        }
        return m;
    }

    public RuleRates rates() {
        return rates;
    }

    public Set<String> ruleFeatures() {
        return ruleFeatures;
    }

    public Logistic model(String name) {
        return models.get(name);
    }

    /** The same model with editors' verdicts counted into the rules' hit rates. */
    public RiskModel withVerdicts(Collection<RuleVerdicts> verdicts) {
        return verdicts.isEmpty() ? this : new RiskModel(rates.withVerdicts(verdicts), ruleFeatures, models, about);
    }

    private static boolean has(String source) {
        return source != null && !source.isBlank();
    }

    /** Whether a finding is a speller's capitalized word: it enters the segment only through the speller features. */
    static boolean capitalizedSpelling(Finding f) {
        return f.rule().startsWith("MORFOLOGIK_RULE") && !f.passage().isEmpty()
                && Character.isUpperCase(f.passage().charAt(0));
    }

    /** @param findingsInSegment how many findings share the finding's segment (itself included) */
    public double confidence(Finding f, String segmentText, String source, int findingsInSegment) {
        String v = has(source) ? "+source" : "";
        double z = models.get("finding" + v).logit(Features.finding(f, segmentText, source, findingsInSegment, rates));
        return models.get("findingCalibration" + v).probability(plattInputs(f, z));
    }

    /**
     * The inputs of the finding model's Platt step: its log-odds, and the same per kind of finding
     * (the speller, Calque's own rules, the rest of LanguageTool), so that each kind gets its own
     * slope and offset: kinds that the training pairs and domains see differently are calibrated apart.
     * A kind the calibration slice held too few findings of has no terms in the model, and its inputs
     * are ignored: it gets the shared slope.
     */
    static Map<String, Double> plattInputs(Finding f, double z) {
        String kind = f.rule().startsWith("MORFOLOGIK_RULE") ? "speller" : Finding.LANGUAGETOOL.equals(f.origin())
                ? "languagetool" : "calque";
        Map<String, Double> x = new LinkedHashMap<>();
        x.put("finding_logit", z);
        if (!kind.equals("languagetool")) {
            x.put("kind:" + kind, 1.0);
            x.put("finding_logit*" + kind, z);
        }
        return x;
    }

    /** Uncalibrated log-odds of a major error in the segment. */
    double segmentLogit(String text, String source, List<Finding> findings, double documentLogRatio) {
        List<Finding> counted = findings.stream().filter(f -> !capitalizedSpelling(f)).toList();
        String v = has(source) ? "+source" : "";
        return models.get("segment" + v).logit(Features.segment(text, source, counted, rates, ruleFeatures,
                documentLogRatio));
    }

    /** The probability that the segment holds a major error (a segment alone: no document length ratio). */
    public double segmentRisk(String text, String source, List<Finding> findings) {
        return segmentRisk(text, source, findings, Double.NaN);
    }

    /**
     * @param documentLogRatio the median length ratio of the segment's document ({@link Features#medianLogRatio}),
     *                         {@code NaN} when unknown
     */
    public double segmentRisk(String text, String source, List<Finding> findings, double documentLogRatio) {
        String v = has(source) ? "+source" : "";
        return models.get("segmentCalibration" + v).probability(Map.of("segment_logit",
                segmentLogit(text, source, findings, documentLogRatio)));
    }

    /** Article risk from its segments' risks: the chance that at least one holds a major error. */
    public static double articleRisk(double[] segmentRisks) {
        double none = 1;
        for (double r : segmentRisks) none *= 1 - r;
        return 1 - none;
    }

    /** Findings with their confidences, and the article's risk. */
    public record Assessed(List<Finding> findings, ArticleRisk risk) {
    }

    /**
     * Estimates every finding's confidence and the risk of each paragraph and of the article, within
     * the current thread's {@link Deadline} (the pipeline gives it what is left of the article's budget).
     *
     * @throws Deadline.Exceeded when the budget runs out first
     *
     * @param sources the original of each paragraph of {@code text}, in order, or {@code null} without one
     * @param findings the article's findings (offsets into {@code text}); returned in the same order
     */
    public Assessed assess(String text, List<String> sources, List<Finding> findings) {
        List<int[]> paragraphs = dev.calque.model.Texts.paragraphs(text);
        if (paragraphs.isEmpty()) paragraphs = List.of(new int[] {0, text.length()});
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) members.add(new ArrayList<>());
        for (int k = 0; k < findings.size(); k++) members.get(paragraphOf(paragraphs, findings.get(k).start())).add(k);
        Finding[] out = findings.toArray(Finding[]::new);
        List<ArticleRisk.Segment> segments = new ArrayList<>();
        double[] risks = new double[paragraphs.size()];
        List<String> texts = new ArrayList<>();
        for (int[] p : paragraphs) texts.add(text.substring(p[0], p[1]));
        double ratio = sources == null ? Double.NaN : Features.medianLogRatio(texts, sources);
        for (int i = 0; i < paragraphs.size(); i++) {
            Deadline.check();
            int[] p = paragraphs.get(i);
            String seg = text.substring(p[0], p[1]);
            String source = sources != null && i < sources.size() ? sources.get(i) : null;
            List<Finding> in = new ArrayList<>();
            for (int k : members.get(i)) in.add(findings.get(k));
            for (int k : members.get(i)) out[k] = findings.get(k).withConfidence(round3(confidence(findings.get(k), seg, source, in.size())));
            risks[i] = round3(segmentRisk(seg, source, in, ratio));
            segments.add(new ArticleRisk.Segment(p[0], p[1], risks[i]));
        }
        return new Assessed(List.of(out), new ArticleRisk(round3(articleRisk(risks)), segments));
    }

    /** The last paragraph starting at or before {@code offset} (paragraphs are in order), by halving. */
    private static int paragraphOf(List<int[]> paragraphs, int offset) {
        int lo = 0, hi = paragraphs.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (paragraphs.get(mid)[0] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ---- the data file

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.putPOJO("about", about);
        ObjectNode r = root.putObject("rates");
        r.put("rulePrior", RuleRates.RULE_PRIOR);
        r.put("groupPrior", RuleRates.GROUP_PRIOR);
        r.putObject("all").put("fires", rates.all().fires()).put("hits", rates.all().hits());
        ObjectNode groups = r.putObject("groups");
        rates.groups().forEach((g, c) -> groups.putObject(g).put("fires", c.fires()).put("hits", c.hits()));
        ObjectNode rules = r.putObject("rules");
        rates.rules().forEach((id, c) -> {
            ObjectNode o = rules.putObject(id).put("group", rates.groupOf().get(id)).put("fires", c.fires())
                    .put("hits", c.hits());
            if (rates.humanRatios().containsKey(id)) o.put("humanRatio", round(rates.humanRatio(id)));
        });
        ArrayNode rf = root.putArray("ruleFeatures");
        new TreeSet<>(ruleFeatures).forEach(rf::add);
        ObjectNode ms = root.putObject("models");
        for (String name : new TreeSet<>(models.keySet())) {
            Logistic m = models.get(name);
            ObjectNode o = ms.putObject(name);
            o.put("intercept", m.intercept());
            ArrayNode fs = o.putArray("features");
            Map<String, Double> byName = m.byName();
            for (String f : byName.keySet()) {
                int j = m.names().indexOf(f);
                fs.addObject().put("name", f).put("weight", round(m.weights()[j]))
                        .put("mean", round(m.mean()[j])).put("scale", round(m.scale()[j]));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    public static RiskModel read(Path file) throws IOException {
        return read(JSON.readTree(file.toFile()));
    }

    static RiskModel read(JsonNode root) throws IOException {
        if (root == null || root.path("format").asInt() != 1) throw new IOException("not a Calque risk model (format 1)");
        JsonNode r = root.path("rates");
        Map<String, RuleRates.Count> rules = new HashMap<>(), groups = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        Map<String, Double> human = new HashMap<>();
        r.path("groups").fields().forEachRemaining(e -> groups.put(e.getKey(), count(e.getValue())));
        r.path("rules").fields().forEachRemaining(e -> {
            rules.put(e.getKey(), count(e.getValue()));
            groupOf.put(e.getKey(), e.getValue().path("group").asText());
            if (e.getValue().has("humanRatio")) human.put(e.getKey(), e.getValue().get("humanRatio").asDouble());
        });
        RuleRates rates = new RuleRates(rules, groups, groupOf, count(r.path("all")), human);
        Set<String> rf = new TreeSet<>();
        root.path("ruleFeatures").forEach(n -> rf.add(n.asText()));
        Map<String, Logistic> models = new HashMap<>();
        for (var it = root.path("models").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode fs = e.getValue().path("features");
            List<String> names = new ArrayList<>();
            double[] w = new double[fs.size()], mean = new double[fs.size()], scale = new double[fs.size()];
            for (int j = 0; j < fs.size(); j++) {
                JsonNode f = fs.get(j);
                names.add(f.path("name").asText());
                w[j] = f.path("weight").asDouble();
                mean[j] = f.path("mean").asDouble();
                scale[j] = f.path("scale").asDouble(1);
            }
            models.put(e.getKey(), new Logistic(names, mean, scale, w, e.getValue().path("intercept").asDouble()));
        }
        for (String need : List.of("finding", "finding+source", "findingCalibration", "findingCalibration+source",
                "segment", "segment+source", "segmentCalibration", "segmentCalibration+source")) {
            if (!models.containsKey(need)) throw new IOException("the risk model lacks its '" + need + "' part");
        }
        Map<String, Object> about = new LinkedHashMap<>();
        return new RiskModel(rates, rf, models, about);
    }

    private static RuleRates.Count count(JsonNode n) {
        return new RuleRates.Count(n.path("fires").asDouble(), n.path("hits").asDouble());
    }
}
