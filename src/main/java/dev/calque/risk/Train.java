package dev.calque.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calque.check.Checker;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.model.Texts;
import dev.calque.risk.RiskCorpus.Doc;
import dev.calque.risk.RiskCorpus.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Trains the risk model from {@code ../shared/train} and measures it on the dev corpora of
 * {@code ../shared/eval} (never trained on): {@code scripts/train-risk.sh} runs it. Checking the
 * sampled training segments is the slow part (minutes on 2 cores); the findings are cached under
 * {@code target/risk/} by sample and rule pack, so re-fitting after a feature change takes seconds.
 */
public final class Train {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rows per training file in the default sample of 9,000 segments (scaled by {@code --sample}). */
    private static final Map<String, Integer> QUOTA = new LinkedHashMap<>();

    static {
        QUOTA.put("biomqm-xx-en.train.jsonl.gz", 4200);
        QUOTA.put("biomqm-xx-en-refs.train.jsonl.gz", 1400);
        QUOTA.put("ted-zh-en.train.jsonl.gz", 2600);
        QUOTA.put("ted-zh-en-refs.train.jsonl.gz", 800);
    }

    static final int MIN_RULE_FIRES = 40;
    static final double[] LAMBDAS = {0.3, 3, 30, 100, 300, 1000, 3000, 10000};

    /** One checked segment: its row, its findings (offsets into the row's text) and its slice. */
    record Item(String corpus, Row row, List<Finding> findings, boolean calibration, double documentLogRatio) {
    }

    /** The median length ratio of a document's rows (all of them: a user's article gives every paragraph). */
    static double documentLogRatio(Doc doc) {
        return Features.medianLogRatio(doc.rows().stream().map(Row::text).toList(),
                doc.rows().stream().map(Row::source).toList());
    }

    private Train() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        Path trainDir = Path.of(opt.getOrDefault("train", "../shared/train"));
        Path evalDir = Path.of(opt.getOrDefault("eval", "../shared/eval"));
        Path out = Path.of(opt.getOrDefault("model", "src/main/resources/dev/calque/risk/model.json"));
        Path figures = Path.of(opt.getOrDefault("figures", "target/risk/figures.md"));
        Path png = Path.of(opt.getOrDefault("png", "docs/risk-reliability.png"));
        int sample = Integer.parseInt(opt.getOrDefault("sample", "9000"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "16"));
        boolean newstest = !"false".equals(opt.get("newstest"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            Map<String, Integer> vocabulary = vocabulary(trainDir);
            Vocabulary.install(vocabulary);
            Vocabulary.write(vocabulary, out.resolveSibling("vocabulary.txt.gz"));
            Map<String, Integer> sourceCharacters = sourceCharacters(trainDir);
            Vocabulary.installSource(sourceCharacters);
            Vocabulary.write(sourceCharacters, out.resolveSibling("source-characters.txt.gz"));
            System.err.printf(Locale.ROOT, "train: vocabulary of %d words, %d source characters and pairs%n",
                    vocabulary.size(), sourceCharacters.size());
            List<Item> items = new ArrayList<>();
            for (Map.Entry<String, Integer> q : QUOTA.entrySet()) {
                Path f = trainDir.resolve(q.getKey());
                RiskCorpus c = RiskCorpus.read(f);
                List<Doc> docs = sampleDocs(c, (int) Math.round(q.getValue() * sample / 9000.0), seed);
                Checker checker = checker(c.sourceLanguage(), true);
                List<List<Finding>> found = cached(Path.of("target/risk/cache"), q.getKey() + "-" + sample + "-" + seed,
                        checker, docs, pool);
                items.addAll(items(q.getKey(), c.pair(), docs, found));
                System.err.printf(Locale.ROOT, "train: %s: %d documents, %d segments checked%n", q.getKey(), docs.size(),
                        docs.stream().mapToInt(d -> d.rows().size()).sum());
            }
            List<Item> fit = items.stream().filter(i -> !i.calibration()).toList();
            List<Item> cal = items.stream().filter(Item::calibration).toList();
            RiskModel model = fit(fit, cal, sample, seed);
            model.write(out);
            System.err.printf(Locale.ROOT, "train: wrote %s (%d fit, %d calibration segments) in %.0f s%n", out,
                    fit.size(), cal.size(), (System.nanoTime() - t0) / 1e9);
            Measure.run(model, evalDir, figures, png, pool, newstest, cal);
        } finally {
            pool.shutdownNow();
        }
    }

    static Checker checker(String sourceLanguage, boolean calque) {
        Checker.Builder b = Checker.builder().target("en-US");
        if (calque) {
            b.rules(Path.of("rules")).spellCapitalized(true);
            if (sourceLanguage != null) b.source(sourceLanguage);
        } else {
            b.calqueRules(false);
        }
        return b.build();
    }

    /** Whole documents, shuffled with the seed, until the quota of segments is reached. */
    static List<Doc> sampleDocs(RiskCorpus c, int quota, long seed) {
        List<Doc> docs = new ArrayList<>(c.docs());
        Collections.shuffle(docs, new Random(seed));
        List<Doc> out = new ArrayList<>();
        int n = 0;
        for (Doc d : docs) {
            if (n >= quota) break;
            int usable = (int) d.rows().stream().filter(r -> !vocabularyHalf(c.pair(), r)).count();
            if (usable == 0) continue;
            out.add(d);
            n += usable;
        }
        return out;
    }

    /**
     * The calibration slice: a quarter of the (pair, document, block of 20 segments) groups, so that one
     * source segment's translations, machine and human, stay on one side.
     */
    static boolean calibration(String pair, Row r) {
        return bucket(pair + "|" + r.doc() + "|" + (r.seg() / 20) + "|calibration", 4) == 0;
    }

    /**
     * Whether a row belongs to the vocabulary half: its words go into {@link Vocabulary} and the models
     * never see it, so that a segment's words count as seen only when other source sentences gave them.
     */
    static boolean vocabularyHalf(String pair, Row r) {
        return bucket(pair + "|" + r.doc() + "|" + (r.seg() / 20) + "|vocabulary", 2) == 0;
    }

    /** A stable bucket of a key (MD5 based: independent between keys that differ by a suffix). */
    static int bucket(String key, int n) {
        return (int) Math.floorMod(java.util.UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                .getLeastSignificantBits(), (long) n);
    }

    /** Words seen at least twice in the vocabulary half of every training file (round one included). */
    static Map<String, Integer> vocabulary(Path trainDir) throws IOException {
        Map<String, Integer> n = new HashMap<>();
        for (String f : List.of("biomqm-xx-en.train.jsonl.gz", "biomqm-xx-en-refs.train.jsonl.gz",
                "biomqm-r1-xx-en.train.jsonl.gz", "ted-zh-en.train.jsonl.gz", "ted-zh-en-refs.train.jsonl.gz")) {
            RiskCorpus c = RiskCorpus.read(trainDir.resolve(f));
            for (Doc d : c.docs()) {
                for (Row r : d.rows()) {
                    if (!vocabularyHalf(c.pair(), r)) continue;
                    for (String w : Features.words(r.text())) {
                        String lower = w.toLowerCase(Locale.ROOT);
                        if (lower.length() > 1) n.merge(lower, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Integer> out = new java.util.TreeMap<>();
        n.forEach((w, k) -> {
            if (k >= 2) out.put(w, k);
        });
        return out;
    }

    /**
     * CJK characters and character pairs of the distinct originals in the vocabulary half of the
     * sampled training files (an original translated by several systems counted once; pairs across punctuation
     * are pairs of the characters left once the rest is removed).
     */
    static Map<String, Integer> sourceCharacters(Path trainDir) throws IOException {
        Map<String, Integer> n = new TreeMap<>();
        Set<String> seen = new java.util.HashSet<>();
        java.util.regex.Pattern cjk = java.util.regex.Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]+");
        // not round one: it holds mostly the same originals, and nothing checks that its documents
        // fall in the same half as round two's (a fitted row's original must not be counted)
        for (String f : QUOTA.keySet()) {
            RiskCorpus c = RiskCorpus.read(trainDir.resolve(f));
            for (Doc d : c.docs()) {
                for (Row r : d.rows()) {
                    if (!vocabularyHalf(c.pair(), r) || r.source() == null || !seen.add(r.source())) continue;
                    StringBuilder chars = new StringBuilder();
                    java.util.regex.Matcher m = cjk.matcher(r.source());
                    while (m.find()) chars.append(m.group());
                    for (int i = 0; i < chars.length(); i++) {
                        n.merge(String.valueOf(chars.charAt(i)), 1, Integer::sum);
                        if (i > 0) n.merge(chars.substring(i - 1, i + 1), 1, Integer::sum);
                    }
                }
            }
        }
        return n;
    }

    static List<Item> items(String corpus, String pair, List<Doc> docs, List<List<Finding>> found) {
        List<Item> out = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            Doc doc = docs.get(d);
            List<List<Finding>> byRow = split(doc, found.get(d));
            double ratio = documentLogRatio(doc);
            for (int i = 0; i < doc.rows().size(); i++) {
                Row r = doc.rows().get(i);
                if (vocabularyHalf(pair, r)) continue;
                out.add(new Item(corpus, r, byRow.get(i), calibration(pair, r), ratio));
            }
        }
        return out;
    }

    /** The document's findings per row, with offsets into the row's text. */
    static List<List<Finding>> split(Doc doc, List<Finding> findings) {
        List<List<Finding>> out = new ArrayList<>();
        for (int i = 0; i < doc.rows().size(); i++) out.add(new ArrayList<>());
        for (Finding f : findings) {
            int i = doc.rowAt(f.start());
            int base = doc.starts()[i], len = doc.rows().get(i).text().length();
            int s = Math.min(f.start() - base, len), e = Math.max(s, Math.min(f.end() - base, len));
            out.get(i).add(new Finding(f.rule(), f.ruleName(), f.category(), f.severity(), f.message(), f.suggestions(),
                    s, e, f.line(), f.column(), f.endLine(), f.endColumn(), f.passage(), f.sentence(),
                    f.sentenceStart(), f.origin()));
        }
        return out;
    }

    /** Checks the documents, or reads their findings from the cache made by an earlier run of the same sample. */
    static List<List<Finding>> cached(Path dir, String name, Checker checker, List<Doc> docs, ExecutorService pool)
            throws Exception {
        StringBuilder ids = new StringBuilder(checker.rules().hash()).append('|').append(org.languagetool.JLanguageTool.VERSION);
        for (Doc d : docs) ids.append('|').append(d.doc()).append('\u0000').append(d.system()).append('\u0000').append(d.text().length());
        String key = Integer.toHexString(ids.toString().hashCode());
        Path file = dir.resolve(name.replace(".train.jsonl.gz", "") + "-" + key + ".jsonl");
        if (Files.isRegularFile(file)) {
            List<List<Finding>> out = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    List<Finding> fs = new ArrayList<>();
                    for (JsonNode f : JSON.readTree(line).path("findings")) {
                        fs.add(new Finding(f.get("rule").asText(), f.get("rule").asText(), f.get("category").asText(),
                                Severity.parse(f.get("severity").asText()), "", List.of(), f.get("start").asInt(),
                                f.get("end").asInt(), 0, 0, 0, 0, f.get("passage").asText(), "", 0, f.get("origin").asText()));
                    }
                    out.add(fs);
                }
            }
            if (out.size() == docs.size()) return out;
        }
        List<List<Finding>> out = check(checker, docs, pool);
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (List<Finding> fs : out) {
                ObjectNode o = JSON.createObjectNode();
                ArrayNode a = o.putArray("findings");
                for (Finding f : fs) {
                    a.addObject().put("rule", f.rule()).put("category", f.category()).put("severity", f.severity().label())
                            .put("origin", f.origin()).put("start", f.start()).put("end", f.end()).put("passage", f.passage());
                }
                w.write(JSON.writeValueAsString(o));
                w.write('\n');
            }
        }
        return out;
    }

    static List<List<Finding>> check(Checker checker, List<Doc> docs, ExecutorService pool) throws Exception {
        List<Future<List<Finding>>> pending = new ArrayList<>();
        for (Doc d : docs) pending.add(pool.submit(() -> checker.check(d.text())));
        List<List<Finding>> out = new ArrayList<>();
        for (Future<List<Finding>> f : pending) out.add(f.get());
        return out;
    }

    static String source(Row r, boolean withSource) {
        return withSource ? r.source() : null;
    }

    static final int FOLDS = 3;
    /** Findings of a kind the calibration slice must hold for the kind to get its own Platt slope and offset. */
    static final int MIN_KIND_FINDINGS = 50;

    static int fold(Item it) {
        return bucket(it.row().pair() + "|" + it.row().doc() + "|" + (it.row().seg() / 20) + "|fold", FOLDS);
    }

    /** A finding's features and label (the share of annotators who marked its passage), when the row is annotated. */
    static void findingRows(Item it, RuleRates rates, boolean src, List<Map<String, Double>> xs, List<Double> ys) {
        if (!it.row().annotated()) return;
        for (Finding f : it.findings()) {
            xs.add(Features.finding(f, it.row().text(), source(it.row(), src), it.findings().size(), rates));
            ys.add(it.row().hitShare(f.start(), f.end()));
        }
    }

    /** Per-rule hit rates (and human/MT ratios) counted on the items. */
    static RuleRates rates(List<Item> items) {
        RuleRates.Builder rb = new RuleRates.Builder();
        for (Item it : items) {
            rb.words(it.row().human(), words(it.row().text()));
            for (Finding f : it.findings()) rb.fired(f.rule(), it.row().human());
            if (!it.row().annotated()) continue;
            for (Finding f : it.findings()) rb.add(f.rule(), f.origin(), f.category(), it.row().hitShare(f.start(), f.end()));
        }
        return rb.build();
    }

    /**
     * The domain of an item for cross-fitting: the corpus family and its language pair (TED zh-en; Bio-MQM
     * de-en, es-en, ru-en, zh-en, and pt-en with it-en, small). A new user's pair or domain is none of
     * them: rates counted without the item's own domain show the finding model how far a rule's rate
     * carries to another.
     */
    static String domain(Item it) {
        String pair = it.row().pair();
        String family = it.corpus().startsWith("ted") ? "ted" : "biomqm";
        return family + "|" + (pair.equals("it-en") ? "pt-en" : pair);
    }

    /** Fits the rates and both variants of both models. */
    static RiskModel fit(List<Item> fit, List<Item> cal, int sample, long seed) {
        RuleRates rates = rates(fit);
        Map<String, Integer> fires = new HashMap<>();
        for (Item it : fit) {
            if (!it.row().annotated()) continue;
            for (Finding f : it.findings()) if (!RiskModel.capitalizedSpelling(f)) fires.merge(f.rule(), 1, Integer::sum);
        }
        Set<String> ruleFeatures = new TreeSet<>();
        fires.forEach((r, n) -> {
            if (n >= MIN_RULE_FIRES) ruleFeatures.add(r);
        });
        Map<String, Logistic> models = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        for (boolean src : new boolean[] {false, true}) {
            String v = src ? "+source" : "";
            Function<Item, Map<String, Double>> seg = it -> Features.segment(it.row().text(), source(it.row(), src),
                    it.findings().stream().filter(f -> !RiskModel.capitalizedSpelling(f)).toList(), rates, ruleFeatures,
                    src ? it.documentLogRatio() : Double.NaN);
            // the segment model needs no rates that saw a row's own label but every row it can get (the
            // fit slice alone left the news and new-pair figures lower: docs/risk.md, round three), so it is
            // fitted on both slices; the penalty is chosen by the log-loss of out-of-fold logits (folds by
            // blocks of 20 segments) and the Platt step is fitted on those logits
            List<Item> all = new ArrayList<>(fit);
            all.addAll(cal);
            List<Map<String, Double>> xa = new ArrayList<>();
            double[] ya = new double[all.size()];
            int[] folds = new int[all.size()];
            for (int i = 0; i < all.size(); i++) {
                Item it = all.get(i);
                xa.add(seg.apply(it));
                ya[i] = it.row().hasMajor() ? 1 : 0;
                folds[i] = segmentFold(it);
                if (src) dump((it.calibration() ? "cal:" : "fit:") + it.corpus() + pairOf(it), it.row(), xa.get(i), ya[i] > 0);
            }
            double[] best = null;
            double bestLoss = Double.MAX_VALUE, bestLambda = 0;
            for (double lambda : LAMBDAS) {
                double[] oof = outOfFold(xa, ya, folds, lambda);
                double loss = logLoss(oof, ya);
                System.err.printf(Locale.ROOT, "train: segment%s lambda %.1f: out-of-fold log-loss %.4f, AUC %.4f%n", v,
                        lambda, loss, Metrics.auc(oof, bools(ya)));
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = oof;
                    bestLambda = lambda;
                }
            }
            models.put("segment" + v, Logistic.fit(xa, ya, bestLambda));
            about.put("segment" + v + " lambda", bestLambda);
            List<Map<String, Double>> platt = new ArrayList<>();
            for (double z : best) platt.add(Map.of("segment_logit", z));
            models.put("segmentCalibration" + v, Logistic.fit(platt, ya, 1e-3));
            // findings: each rule's rate must come from other rows than the finding's own, or the model
            // learns to trust rates that saw the answer. The model is fitted on the fit slice, each
            // finding with the rates counted on the other folds of the fit slice (cross-fitting, folds by
            // the same blocks of 20 segments), then Platt-scaled per kind of finding on the calibration
            // slice, whose findings take the fit slice's rates as a user's findings do. (Cross-fitting by
            // domain - rates without the finding's own corpus and pair - was measured too: it flattens the
            // confidences, top-10% precision on the dev corpora 0.69 -> 0.46, ECE no better.)
            List<Map<String, Double>> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < FOLDS; k++) {
                int fold = k;
                RuleRates out = rates(fit.stream().filter(it -> fold(it) != fold).toList());
                for (Item it : fit) if (fold(it) == fold) findingRows(it, out, src, xs, ys);
            }
            Logistic finding = Logistic.fit(xs, ys.stream().mapToDouble(Double::doubleValue).toArray(), 1.0);
            models.put("finding" + v, finding);
            List<Map<String, Double>> kinds = new ArrayList<>();
            List<Double> yp = new ArrayList<>();
            for (Item it : cal) {
                if (!it.row().annotated()) continue;
                for (Finding f : it.findings()) {
                    double z = finding.logit(Features.finding(f, it.row().text(), source(it.row(), src),
                            it.findings().size(), rates));
                    kinds.add(RiskModel.plattInputs(f, z));
                    yp.add(it.row().hitShare(f.start(), f.end()));
                }
            }
            // a kind with few findings in the slice (Calque's own rules: a handful) gets no slope of its own
            Map<String, Integer> perKind = new TreeMap<>();
            for (Map<String, Double> x : kinds) for (String k : x.keySet()) if (k.startsWith("kind:")) perKind.merge(k, 1, Integer::sum);
            for (Map<String, Double> x : kinds) {
                x.keySet().removeIf(k -> {
                    String kind = k.startsWith("kind:") ? k : k.startsWith("finding_logit*") ? "kind:" + k.substring(14) : null;
                    return kind != null && perKind.getOrDefault(kind, 0) < MIN_KIND_FINDINGS;
                });
            }
            models.put("findingCalibration" + v, Logistic.fit(kinds, yp.stream().mapToDouble(Double::doubleValue).toArray(), 1.0));
        }
        about.put("sample", sample);
        about.put("seed", seed);
        about.put("fitSegments", fit.size());
        about.put("calibrationSegments", cal.size());
        return new RiskModel(rates, ruleFeatures, models, about);
    }

    /** The item's language pair, for the feature dump. */
    static String pairOf(Item it) {
        return ":" + it.row().pair();
    }

    static final int SEGMENT_FOLDS = 4;

    static int segmentFold(Item it) {
        return bucket(it.row().pair() + "|" + it.row().doc() + "|" + (it.row().seg() / 20) + "|segment fold", SEGMENT_FOLDS);
    }

    /** Each row's logit from the model fitted on the other folds. */
    static double[] outOfFold(List<Map<String, Double>> xs, double[] ys, int[] folds, double lambda) {
        double[] out = new double[xs.size()];
        for (int k = 0; k < SEGMENT_FOLDS; k++) {
            List<Map<String, Double>> xt = new ArrayList<>();
            List<Double> yt = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                if (folds[i] == k) continue;
                xt.add(xs.get(i));
                yt.add(ys[i]);
            }
            Logistic m = Logistic.fit(xt, yt.stream().mapToDouble(Double::doubleValue).toArray(), lambda);
            for (int i = 0; i < xs.size(); i++) if (folds[i] == k) out[i] = m.logit(xs.get(i));
        }
        return out;
    }

    static boolean[] bools(double[] ys) {
        boolean[] b = new boolean[ys.length];
        for (int i = 0; i < ys.length; i++) b[i] = ys[i] > 0;
        return b;
    }

    static double logLoss(double[] logits, double[] ys) {
        double s = 0;
        for (int i = 0; i < logits.length; i++) {
            double p = Math.min(1 - 1e-9, Math.max(1e-9, Logistic.sigmoid(logits[i])));
            s -= ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
        }
        return s / logits.length;
    }

    private static Writer dump;

    /** Feature rows for inspection: target/risk/features.jsonl (corpus, row id, label, features with the source). */
    static synchronized void dump(String corpus, Row row, Map<String, Double> x, boolean y) {
        try {
            if (dump == null) {
                Files.createDirectories(Path.of("target/risk"));
                dump = Files.newBufferedWriter(Path.of("target/risk/features.jsonl"), StandardCharsets.UTF_8);
            }
            ObjectNode o = JSON.createObjectNode().put("corpus", corpus).put("doc", row.doc()).put("system", row.system())
                    .put("seg", row.seg()).put("y", y ? 1 : 0);
            ObjectNode xs = o.putObject("x");
            x.forEach(xs::put);
            dump.write(JSON.writeValueAsString(o));
            dump.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Writer findingDump;

    /** Finding rows for inspection: target/risk/findings.tsv (corpus, rule, origin, confidences, hit share). */
    static synchronized void dumpFinding(String corpus, Finding f, double c0, double c1, double share) {
        try {
            if (findingDump == null) {
                Files.createDirectories(Path.of("target/risk"));
                findingDump = Files.newBufferedWriter(Path.of("target/risk/findings.tsv"), StandardCharsets.UTF_8);
            }
            findingDump.write(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%.4f\t%.4f\t%.4f%n", corpus, f.rule(),
                    f.origin(), RiskModel.capitalizedSpelling(f), c0, c1, share));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static synchronized void closeDump() throws IOException {
        if (dump != null) dump.close();
        dump = null;
        if (findingDump != null) findingDump.close();
        findingDump = null;
    }

    static int words(String text) {
        return Texts.wordCount(text);
    }
}
