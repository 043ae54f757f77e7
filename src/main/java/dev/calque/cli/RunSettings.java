package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.check.Finding;
import dev.calque.check.Severity;
import dev.calque.ingest.Article;
import dev.calque.pipeline.FeedState;
import dev.calque.pipeline.Triage;
import dev.calque.rules.RuleInfo;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.Suppressions;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The settings of one run: {@code calque.yml} first, the command line over it. Builds what the
 * pipeline needs (checker, scoring, gate, skip rules, triage) so commands stay thin.
 */
final class RunSettings {
    final Config config;
    private final Predicate<String> cliGiven;

    /** @param cliGiven whether an option (by its long name) was given on the command line */
    RunSettings(Config config, Predicate<String> cliGiven) {
        this.config = config;
        this.cliGiven = cliGiven;
    }

    Checker.Builder checkerBuilder(CheckerOptions o) {
        Config.Rules r = config.rules;
        String target = !cliGiven.test("--lang") && config.target != null ? config.target.text() : o.target;
        String source = !cliGiven.test("--from") && config.source != null ? config.source.text() : o.source;
        boolean stock = !o.noStock && !Boolean.FALSE.equals(config.bool(r.stock, "rules.stock"));
        List<Path> dirs = ruleFolders(o);
        Checker.Builder b = Checker.builder().target(target).source(source).rules(dirs).stockRules(stock);
        b.disable(new HashSet<>(Config.texts(r.disable)));
        config.severityOverrides().forEach(b::severity);
        return b;
    }

    /**
     * A note when no rule folder has a pack for the language pair (a real language such as de with
     * no rules/de-en/): the run goes on with the language-independent checks, and says so.
     */
    String missingPairNote(CheckerOptions o, Checker checker) {
        String target = checker.target().split("-")[0];
        String pair = checker.source() + "-" + target;
        for (Path dir : ruleFolders(o)) {
            if (java.nio.file.Files.isDirectory(dir.resolve(pair))) return null;
        }
        return "no rule pack for " + pair + " (translations from '" + checker.source() + "'); running the "
                + "checks for any " + target + " text only";
    }

    /** The rule folders of the run, in load order: bundled (unless off), calque.yml's, then --rules. */
    List<Path> ruleFolders(CheckerOptions o) {
        boolean bundled = !o.noBundled && !Boolean.FALSE.equals(config.bool(config.rules.bundled, "rules.bundled"));
        List<Path> dirs = new ArrayList<>();
        if (bundled) dirs.add(CheckerOptions.bundledRules());
        for (Config.Located d : config.rules.folders) dirs.add(config.resolve(d));
        CheckerOptions cli = new CheckerOptions();
        cli.extraRules = o.extraRules;
        cli.noBundled = true;
        dirs.addAll(cli.ruleDirs());
        return dirs;
    }

    /**
     * Rule ids given a severity must exist, or a typo would silently do nothing. (Ids under
     * {@code rules.disable} cannot all be checked: a disabled stock rule is no longer listed.)
     */
    void checkRuleIds(Checker checker) {
        if (config.rules.severity.isEmpty()) return;
        Set<String> known = new HashSet<>();
        for (RuleInfo i : checker.rules().infos()) known.add(i.id());
        for (RuleInfo i : checker.stockRuleInfos()) known.add(i.id());
        Set<String> disabled = new HashSet<>(Config.texts(config.rules.disable));
        config.rules.severity.forEach((id, v) -> {
            if (!known.contains(id) && !disabled.contains(id)) {
                throw config.error(v, "rules.severity: unknown rule id '" + id + "'", "see: calque rules list --stock");
            }
        });
    }

    MqmScoring scoring() {
        MqmScoring d = MqmScoring.DEFAULT;
        Config.Scoring s = config.scoring;
        Map<Severity, Double> weights = new HashMap<>(d.weights());
        weights.putAll(config.weights(s.weights, "scoring.weights"));
        Map<String, Map<Severity, Double>> categories = new LinkedHashMap<>(d.categoryWeights());
        s.categoryWeights.forEach((cat, m) -> categories.put(cat, config.weights(m, "scoring.categoryWeights." + cat)));
        Integer ref = config.positiveInt(s.referenceWords, "scoring.referenceWords");
        Integer min = config.positiveInt(s.minWords, "scoring.minWords");
        return new MqmScoring(weights, categories, ref != null ? ref : d.referenceWords(), min != null ? min : d.minWords());
    }

    /** @param failOn the --fail-on value when given on the command line, else null */
    QualityGate gate(String failOn, Double minScore) {
        Severity sev;
        if (failOn != null) sev = CheckCommand.parseFailOn(failOn);
        else if (config.gate.failOn != null) sev = config.failOn();
        else sev = QualityGate.DEFAULT.failOn();
        Double min = minScore != null ? minScore : config.gate.minScore != null ? config.minScore() : null;
        return new QualityGate(sev, min);
    }

    /** @param cli the {@code --major-as} value, or null: then {@code report.majorAs}, else normal */
    boolean majorIsBlocker(String cli) {
        if (cli != null) return config.majorIsBlocker(cli, null);
        return config.report.majorAs != null && config.majorIsBlocker(config.report.majorAs.text(), config.report.majorAs);
    }

    /** Paths the configuration skips ({@code skip.paths}, globs against the path as read). */
    Predicate<String> skipPaths() {
        List<PathMatcher> ms = matchers(config.skip.paths);
        if (ms.isEmpty()) return s -> false;
        return s -> {
            Path p;
            try {
                p = Path.of(s).normalize();
            } catch (RuntimeException e) {
                return false;
            }
            for (PathMatcher m : ms) {
                if (m.matches(p) || (p.getFileName() != null && m.matches(p.getFileName()))) return true;
            }
            return false;
        };
    }

    /** Feed items (or any article) the configuration skips ({@code skip.items}: globs against id, source or link). */
    Predicate<Article> skipItems() {
        List<String> globs = Config.texts(config.skip.items);
        if (globs.isEmpty()) return a -> false;
        List<java.util.regex.Pattern> ps = new ArrayList<>();
        for (String g : globs) ps.add(java.util.regex.Pattern.compile(globToRegex(g)));
        return a -> {
            for (java.util.regex.Pattern p : ps) {
                if (p.matcher(a.id()).matches() || p.matcher(a.source()).matches()
                        || (a.metadata().get("link") != null && p.matcher(a.metadata().get("link")).matches())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A glob for strings that are not paths (URLs, guids): {@code *} matches anything, {@code ?} one character. */
    static String globToRegex(String g) {
        StringBuilder b = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') b.append(".*");
            else if (c == '?') b.append('.');
            else b.append(java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return b.toString();
    }

    private static List<PathMatcher> matchers(List<Config.Located> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (Config.Located g : globs) out.add(FileSystems.getDefault().getPathMatcher("glob:" + g.text()));
        return out;
    }

    Path path(Path cli, Config.Located fromConfig) {
        return cli != null ? cli : fromConfig != null ? config.resolve(fromConfig) : null;
    }

    /** Categories kept after {@code rules.categories}: enable (when given) and disable, by MQM path prefix. */
    Predicate<Finding> keepCategory() {
        List<String> enable = Config.texts(config.rules.categories.enable);
        List<String> disable = Config.texts(config.rules.categories.disable);
        if (enable.isEmpty() && disable.isEmpty()) return f -> true;
        return f -> (enable.isEmpty() || enable.stream().anyMatch(c -> under(f.category(), c)))
                && disable.stream().noneMatch(c -> under(f.category(), c));
    }

    private static boolean under(String category, String prefix) {
        return category.equals(prefix) || category.startsWith(prefix + "/");
    }

    /** The stages around checking: skip items, unchanged articles (state), categories, accepted findings. */
    static Triage triage(Predicate<Article> skipItem, FeedState state, Predicate<Finding> keepCategory,
                         Suppressions accepted) {
        return new Triage() {
            @Override
            public boolean admit(Article a) {
                if (skipItem.test(a)) return false;
                return state == null || state.isNew(a);
            }

            @Override
            public Kept keep(Article a, List<Finding> findings, List<String> fingerprints) {
                List<Finding> kept = new ArrayList<>(findings.size());
                List<String> keptFps = new ArrayList<>(findings.size());
                int suppressed = 0;
                for (int i = 0; i < findings.size(); i++) {
                    Finding f = findings.get(i);
                    if (!keepCategory.test(f)) continue;
                    if (accepted.accepts(f, fingerprints.get(i))) {
                        suppressed++;
                        continue;
                    }
                    kept.add(f);
                    keptFps.add(fingerprints.get(i));
                }
                return new Kept(kept, keptFps, suppressed);
            }

            @Override
            public void reported(Article a) {
                if (state != null) state.record(a);
            }
        };
    }
}
