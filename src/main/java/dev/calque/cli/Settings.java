package dev.calque.cli;

import dev.calque.model.Article;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.pipeline.FeedState;
import dev.calque.pipeline.Triage;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.Suppressions;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The settings of one run, validated once and immutable: the defaults, then {@code calque.yml} over
 * them (checked when the file is read, see {@link Config#settings()}), then the command line over
 * both ({@link #with(CommandLine)}). Every command that checks text ({@code check}, {@code eval},
 * {@code rules}, {@code bench}, {@code baseline}) builds its checker from one of these with
 * {@link Checkers#from(Settings)}, so the same {@code calque.yml} gives the same rules everywhere.
 *
 * @param target             target language, a LanguageTool code such as {@code en-US}
 * @param source             source language of the translations, e.g. {@code fr}
 * @param sourceChosen       whether the source was set (by calque.yml or {@code --from}) rather than defaulted:
 *                           {@code eval} otherwise takes each corpus's own language pair
 * @param bundledRules       whether the bundled {@code rules/} folder loads
 * @param configRuleDirs     {@code rules.folders} of calque.yml, resolved against its folder
 * @param extraRuleDirs      {@code --rules} folders
 * @param stockRules         whether LanguageTool's own rules run
 * @param disabled           rule ids switched off
 * @param severities         severities reported instead of rules' defaults, by rule id
 * @param enabledCategories  when not empty, only findings under these MQM category prefixes are kept
 * @param disabledCategories findings under these MQM category prefixes are left out
 * @param scoring            MQM weights and normalization
 * @param gate               when an article fails
 * @param majorIsBlocker     the Allure severity of an article whose worst finding is major
 * @param skipPaths          globs of paths not read
 * @param skipItems          globs of article ids, sources or links not checked
 * @param baseline           accepted findings file, or null
 * @param suppressions       editors' verdicts file, or null
 * @param state              feed state file, or null
 * @param glossary           terminology for bilingual files ({@code --glossary}, {@code glossary:}), or null
 * @param config             the file these came from, to point at a value's line in later errors
 */
public record Settings(
        String target,
        String source,
        boolean sourceChosen,
        boolean bundledRules,
        List<Path> configRuleDirs,
        List<Path> extraRuleDirs,
        boolean stockRules,
        Set<String> disabled,
        Map<String, Severity> severities,
        List<String> enabledCategories,
        List<String> disabledCategories,
        MqmScoring scoring,
        QualityGate gate,
        boolean majorIsBlocker,
        List<String> skipPaths,
        List<String> skipItems,
        Path baseline,
        Path suppressions,
        Path state,
        Path glossary,
        Config config) {

    public static final String DEFAULT_TARGET = "en-US";
    public static final String DEFAULT_SOURCE = "fr";

    public Settings {
        configRuleDirs = List.copyOf(configRuleDirs);
        extraRuleDirs = List.copyOf(extraRuleDirs);
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
        enabledCategories = List.copyOf(enabledCategories);
        disabledCategories = List.copyOf(disabledCategories);
        skipPaths = List.copyOf(skipPaths);
        skipItems = List.copyOf(skipItems);
    }

    /**
     * What the command line gave; null (or false, or empty) where an option was not given, so the
     * file's value stands.
     */
    public record CommandLine(String target, String source, List<Path> extraRules, boolean noBundled,
                              boolean noStock, String failOn, Double minScore, String majorAs, Path baseline,
                              Path suppressions, Path state, Path glossary) {
        public static final CommandLine NONE = new CommandLine(null, null, List.of(), false, false, null, null, null,
                null, null, null, null);

        public CommandLine {
            extraRules = List.copyOf(extraRules);
        }

        /** Only the checker options (languages, rule folders, stock switch). */
        public static CommandLine of(String target, String source, List<Path> extraRules, boolean noBundled,
                                     boolean noStock) {
            return new CommandLine(target, source, extraRules, noBundled, noStock, null, null, null, null, null, null, null);
        }

        public CommandLine withGate(String failOn, Double minScore, String majorAs) {
            return new CommandLine(target, source, extraRules, noBundled, noStock, failOn, minScore, majorAs, baseline,
                    suppressions, state, glossary);
        }

        /** {@code --glossary}: terminology for the bilingual rules. */
        public CommandLine withGlossary(Path glossary) {
            return new CommandLine(target, source, extraRules, noBundled, noStock, failOn, minScore, majorAs, baseline,
                    suppressions, state, glossary);
        }

        public CommandLine withFiles(Path baseline, Path suppressions, Path state) {
            return new CommandLine(target, source, extraRules, noBundled, noStock, failOn, minScore, majorAs, baseline,
                    suppressions, state, glossary);
        }
    }

    /** The defaults alone: no calque.yml, no options. */
    public static Settings defaults() {
        return Config.empty().settings();
    }

    /** {@code calque.yml} (or {@code --config FILE}) read and checked, then the command line over it. */
    public static Settings load(Path configFile, CommandLine cli) {
        return Config.find(configFile).settings().with(cli);
    }

    /** The values of a checked configuration file over the defaults; called once, when the file is read. */
    static Settings fromConfig(Config c) {
        Config.Rules r = c.rules;
        MqmScoring d = MqmScoring.DEFAULT;
        Map<Severity, Double> weights = new HashMap<>(d.weights());
        weights.putAll(c.weights(c.scoring.weights, "scoring.weights"));
        Map<String, Map<Severity, Double>> categoryWeights = new LinkedHashMap<>(d.categoryWeights());
        c.scoring.categoryWeights.forEach((cat, m) -> {
            if (!m.isEmpty()) c.category(new Config.Located(cat, m.values().iterator().next().line()));
            categoryWeights.put(cat, c.weights(m, "scoring.categoryWeights." + cat));
        });
        Integer ref = c.positiveInt(c.scoring.referenceWords, "scoring.referenceWords");
        Integer min = c.positiveInt(c.scoring.minWords, "scoring.minWords");
        MqmScoring scoring = new MqmScoring(weights, categoryWeights, ref != null ? ref : d.referenceWords(),
                min != null ? min : d.minWords());

        QualityGate gate = new QualityGate(c.gate.failOn != null ? c.failOn() : QualityGate.DEFAULT.failOn(),
                c.gate.minScore != null ? c.minScore() : null,
                c.probability(c.gate.minConfidence, "gate.minConfidence"), c.probability(c.gate.maxRisk, "gate.maxRisk"));
        boolean majorIsBlocker = c.report.majorAs != null && c.majorIsBlocker(c.report.majorAs.text(), c.report.majorAs);

        for (Config.Located cat : r.categories.enable) c.category(cat);
        for (Config.Located cat : r.categories.disable) c.category(cat);
        for (Config.Located g : c.skip.paths) c.glob(g);
        for (Config.Located g : c.skip.items) c.glob(g);
        List<Path> folders = new ArrayList<>();
        for (Config.Located dir : r.folders) {
            if (c.outside(dir)) {
                c.ruleFoldersOutside.add(dir);
                continue;
            }
            Path p = c.resolve(dir);
            if (!Files.isDirectory(p)) {
                throw c.error(dir, "rule folder '" + dir.text() + "' not found",
                        "paths are relative to the folder of " + c.file().getFileName());
            }
            folders.add(p);
        }
        return new Settings(
                c.target != null ? c.target.text() : DEFAULT_TARGET,
                c.source != null ? c.source.text() : DEFAULT_SOURCE,
                c.source != null,
                !Boolean.FALSE.equals(c.bool(r.bundled, "rules.bundled")),
                folders,
                List.of(),
                !Boolean.FALSE.equals(c.bool(r.stock, "rules.stock")),
                new LinkedHashSet<>(Config.texts(r.disable)),
                c.severityOverrides(),
                Config.texts(r.categories.enable),
                Config.texts(r.categories.disable),
                scoring,
                gate,
                majorIsBlocker,
                Config.texts(c.skip.paths),
                Config.texts(c.skip.items),
                c.inside(c.baseline, "baseline"),
                c.inside(c.suppressions, "suppressions"),
                c.inside(c.state, "state"),
                c.inside(c.glossary, "glossary"),
                c);
    }

    /** These settings with the command line's options over them, checked. */
    public Settings with(CommandLine cli) {
        List<Path> extra = new ArrayList<>(extraRuleDirs);
        for (Path p : cli.extraRules()) {
            if (!Files.isDirectory(p)) throw new UsageError(p + ": rule folder not found");
            extra.add(p);
        }
        if (config != null) {
            for (Config.Located dir : config.ruleFoldersOutside) {
                if (!sameFolder(config.resolve(dir), cli.extraRules())) {
                    throw config.outsideError(dir, "rule folder '" + dir.text() + "' must be a folder inside",
                            "give it on the command line with --rules instead");
                }
            }
        }
        if (cli.minScore() != null && (cli.minScore() > 100 || cli.minScore().isNaN())) {
            throw new UsageError("--min-score must be a number up to 100");
        }
        QualityGate g = new QualityGate(cli.failOn() != null ? failOn("--fail-on", cli.failOn()) : gate.failOn(),
                cli.minScore() != null ? cli.minScore() : gate.minScore(), gate.minConfidence(), gate.maxRisk());
        return new Settings(
                cli.target() != null ? cli.target() : target,
                cli.source() != null ? cli.source() : source,
                sourceChosen || cli.source() != null,
                bundledRules && !cli.noBundled(),
                configRuleDirs,
                extra,
                stockRules && !cli.noStock(),
                disabled,
                severities,
                enabledCategories,
                disabledCategories,
                scoring,
                g,
                cli.majorAs() != null ? config.majorIsBlocker(cli.majorAs(), null) : majorIsBlocker,
                skipPaths,
                skipItems,
                cli.baseline() != null ? cli.baseline() : baseline,
                cli.suppressions() != null ? cli.suppressions() : suppressions,
                cli.state() != null ? cli.state() : state,
                cli.glossary() != null ? cli.glossary() : glossary,
                config);
    }

    /**
     * These settings with the risk model's gate options ({@code --min-confidence}, {@code --max-risk};
     * null: not given, the current value stands), checked: both are probabilities.
     */
    public Settings withRiskGate(Double minConfidence, Double maxRisk) {
        probability("--min-confidence", minConfidence);
        probability("--max-risk", maxRisk);
        QualityGate g = new QualityGate(gate.failOn(), gate.minScore(),
                minConfidence != null ? minConfidence : gate.minConfidence(), maxRisk != null ? maxRisk : gate.maxRisk());
        return new Settings(target, source, sourceChosen, bundledRules, configRuleDirs, extraRuleDirs, stockRules,
                disabled, severities, enabledCategories, disabledCategories, scoring, g, majorIsBlocker, skipPaths,
                skipItems, baseline, suppressions, state, glossary, config);
    }

    /** The same settings for another source language (eval: a corpus's own language pair). */
    public Settings withSource(String code) {
        return new Settings(target, code, sourceChosen, bundledRules, configRuleDirs, extraRuleDirs, stockRules,
                disabled, severities, enabledCategories, disabledCategories, scoring, gate, majorIsBlocker, skipPaths,
                skipItems, baseline, suppressions, state, glossary, config);
    }

    /** Whether {@code dir} is one of {@code dirs}, after following links (the command line's own folders). */
    private static boolean sameFolder(Path dir, List<Path> dirs) {
        try {
            Path real = dir.toRealPath();
            for (Path d : dirs) if (d.toRealPath().equals(real)) return true;
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }

    /** The rule folders, in load order: the bundled one, calque.yml's, the command line's. */
    /** The review desk's verdict database: the command line's, else {@code verdicts:} in calque.yml, else null. */
    public Path verdicts(Path cli) {
        if (cli != null) return cli;
        return config == null || config.verdicts == null ? null : config.inside(config.verdicts, "verdicts");
    }

    public List<Path> ruleDirs() {
        List<Path> dirs = new ArrayList<>();
        if (bundledRules) dirs.add(CheckerOptions.bundledRules());
        dirs.addAll(configRuleDirs);
        dirs.addAll(extraRuleDirs);
        return dirs;
    }

    /**
     * A gate probability ({@code --min-confidence}, {@code --max-risk}, {@code gate.minConfidence},
     * {@code gate.maxRisk}): the one check for the options and the file's keys. Null passes (not given).
     *
     * @param where the option or key, for the error
     */
    static Double probability(String where, Double p) {
        if (p != null && !(p >= 0 && p <= 1)) {
            throw new UsageError(where + " must be a probability between 0 and 1, not " + p);
        }
        return p;
    }

    /**
     * A gate threshold as written: {@code minor}, {@code major}, {@code critical}, or {@code never}
     * (null: no severity fails an article). The one parser for {@code --fail-on} and {@code gate.failOn}.
     *
     * @param where the option or key, for the error
     */
    static Severity failOn(String where, String text) {
        if (text.strip().equalsIgnoreCase("never")) return null;
        try {
            Severity sev = Severity.parse(text);
            if (sev != Severity.NEUTRAL) return sev;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageError(where + " must be minor, major, critical or never, not '" + text + "'");
    }

    /** Paths the configuration skips ({@code skip.paths}, globs against the path as read). */
    public Predicate<String> skipPath() {
        List<PathMatcher> ms = new ArrayList<>();
        for (String g : skipPaths) ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
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
    public Predicate<Article> skipItem() {
        if (skipItems.isEmpty()) return a -> false;
        List<java.util.regex.Pattern> ps = new ArrayList<>();
        for (String g : skipItems) ps.add(java.util.regex.Pattern.compile(globToRegex(g)));
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

    /** Categories kept after {@code rules.categories}: enable (when given) and disable, by MQM path prefix. */
    public Predicate<Finding> keepCategory() {
        List<String> enable = enabledCategories;
        List<String> disable = disabledCategories;
        if (enable.isEmpty() && disable.isEmpty()) return f -> true;
        return f -> (enable.isEmpty() || enable.stream().anyMatch(c -> under(f.category(), c)))
                && disable.stream().noneMatch(c -> under(f.category(), c));
    }

    private static boolean under(String category, String prefix) {
        return category.equals(prefix) || category.startsWith(prefix + "/");
    }

    /**
     * The stages around checking: skip items, unchanged articles (state), categories, accepted findings.
     *
     * @param state    the opened state file, or null
     * @param accepted findings a baseline or suppressions file accepts
     */
    public Triage triage(FeedState state, Suppressions accepted) {
        Predicate<Article> skip = skipItem();
        Predicate<Finding> keep = keepCategory();
        return new Triage() {
            @Override
            public boolean admit(Article a) {
                if (skip.test(a)) return false;
                return state == null || state.isNew(a);
            }

            @Override
            public Kept keep(Article a, List<Finding> findings, List<String> fingerprints) {
                List<Finding> kept = new ArrayList<>(findings.size());
                List<String> keptFps = new ArrayList<>(findings.size());
                int suppressed = 0;
                for (int i = 0; i < findings.size(); i++) {
                    Finding f = findings.get(i);
                    if (!keep.test(f)) continue;
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
