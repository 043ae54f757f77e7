package dev.calque.check;

import dev.calque.bilingual.BilingualArticle;
import dev.calque.bilingual.Link;
import dev.calque.bilingual.SourceRule;
import dev.calque.bilingual.SourceRules;
import dev.calque.model.Article;
import dev.calque.model.CheckedArticle;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.model.Texts;
import dev.calque.model.Deadline;
import dev.calque.rules.RuleInfo;
import dev.calque.rules.RulePack;
import dev.calque.rules.RulePackLoader;
import dev.calque.rules.bilingual.BilingualRuleLoader;
import dev.calque.rules.bilingual.Glossary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.TextLevelRule;

/**
 * Checks text with LanguageTool and Calque's rule packs. Build one per configuration and share it:
 * it is thread-safe, keeping one LanguageTool instance per calling thread (LanguageTool's own are
 * not thread-safe) over one set of rule objects parsed once.
 *
 * <pre>{@code
 * Checker checker = Checker.builder().target("en-US").source("fr").rules(Path.of("rules")).build();
 * CheckedArticle result = checker.check(Article.ofText("story.txt", text));
 * }</pre>
 */
public final class Checker {
    private static final int MAX_SUGGESTIONS = 5;

    private final Language language;
    private final String source;
    private final RulePack pack;
    private final SourceRules.Pack sourcePack;
    private final boolean stockRules;
    private final boolean calqueRules;
    private final Set<String> disabled;
    private final Map<String, Severity> severityOverrides;
    private final boolean spellCapitalized;
    private final Map<String, RuleInfo> stockInfos = new ConcurrentHashMap<>();
    private final ThreadLocal<JLanguageTool> tools = ThreadLocal.withInitial(this::newTool);
    private final Startup startup;
    private final BilingualCheck bilingual;

    private Checker(Builder b) {
        Trace.mark("checker");
        this.language = Languages.getLanguageForShortCode(b.target);
        this.source = b.source;
        // LanguageTool's start-up (seconds) goes on while the rule packs load
        this.startup = Startup.begin(language, b.stockRules);
        Trace.mark("packs start");
        this.pack = RulePackLoader.load(b.ruleDirs, language.getShortCode(), b.source, language);
        this.sourcePack = SourceRules.load(b.ruleDirs, language.getShortCode(), b.source);
        Trace.mark("packs loaded");
        this.stockRules = b.stockRules;
        this.calqueRules = b.calqueRules;
        this.disabled = Set.copyOf(b.disabled);
        this.severityOverrides = Map.copyOf(b.severityOverrides);
        Glossary glossary = b.glossary == null ? Glossary.EMPTY : Glossary.read(b.glossary, b.source, b.target);
        this.bilingual = new BilingualCheck(b.calqueRules ? BilingualRuleLoader.load(b.ruleDirs) : List.of(), glossary,
                this.disabled);
        this.spellCapitalized = b.spellCapitalized;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a checker. */
    public static final class Builder {
        private String target = "en-US";
        private String source = "fr";
        private final List<Path> ruleDirs = new ArrayList<>();
        private boolean stockRules = true;
        private boolean calqueRules = true;
        private final Set<String> disabled = new HashSet<>();
        private final Map<String, Severity> severityOverrides = new HashMap<>();
        private Path glossary;

        /**
         * A glossary (TBX, CSV or TSV) for the terminology rules of {@code rules/bilingual/}.
         *
         * @throws Glossary.GlossaryException from {@link #build} when it cannot be read
         */
        public Builder glossary(Path file) {
            this.glossary = file;
            return this;
        }
        private boolean spellCapitalized;

        /** Target language, a LanguageTool code such as {@code en-US} or {@code en-GB}. */
        public Builder target(String code) {
            this.target = code;
            return this;
        }

        /** Source language of the translation, e.g. {@code fr}: selects the pair's rule packs. */
        public Builder source(String code) {
            this.source = code;
            return this;
        }

        /** The source language given so far ({@code auto} until a command has detected it). */
        public String sourceLanguage() {
            return source;
        }

        /** Rule folders, in order. */
        public Builder rules(Path... dirs) {
            ruleDirs.addAll(List.of(dirs));
            return this;
        }

        public Builder rules(List<Path> dirs) {
            ruleDirs.addAll(dirs);
            return this;
        }

        /** Whether LanguageTool's own rules run (default true). */
        public Builder stockRules(boolean on) {
            this.stockRules = on;
            return this;
        }

        /** Whether Calque's rule packs run (default true); off gives stock LanguageTool alone. */
        public Builder calqueRules(boolean on) {
            this.calqueRules = on;
            return this;
        }

        /** Rule ids (Calque's or LanguageTool's) to switch off. */
        public Builder disable(Set<String> ids) {
            disabled.addAll(ids);
            return this;
        }

        /** Severity to report for a rule id instead of its default. */
        public Builder severity(String ruleId, Severity s) {
            severityOverrides.put(ruleId, s);
            return this;
        }

        /**
         * Whether the speller also reports the capitalized words the stock policy leaves out
         * ({@code ignoreCapitalized}; default false): for training and measuring the risk model.
         */
        public Builder spellCapitalized(boolean on) {
            this.spellCapitalized = on;
            return this;
        }

        /**
         * @throws dev.calque.rules.RuleFileException when a rule file cannot be loaded
         * @throws IllegalArgumentException for an unknown language code
         */
        public Checker build() {
            if (source == null || !source.equals("auto") && !java.util.Arrays.asList(java.util.Locale.getISOLanguages()).contains(source)) {
                throw new IllegalArgumentException("unknown source language '" + source
                        + "' (an ISO 639-1 code such as fr, de, es, zh, or auto with --source)");
            }
            if (!Languages.isLanguageSupported(target)) {
                throw new IllegalArgumentException("unknown target language '" + target + "' (try en-US or en-GB)");
            }
            if (source == null || !source.matches("[a-z]{2}")
                    || !java.util.Arrays.asList(java.util.Locale.getISOLanguages()).contains(source)) {
                throw new IllegalArgumentException("unknown source language '" + source
                        + "' (a two-letter ISO 639-1 code such as fr, de or es)");
            }
            return new Checker(this);
        }
    }

    /** Whether a rule id was switched off with {@link Builder#disable}: still loaded and listed, never run. */
    public boolean disabled(String ruleId) {
        return disabled.contains(ruleId);
    }

    private JLanguageTool newTool() {
        // the first thread to need one takes the instance built ahead; it is handed over once, never shared
        JLanguageTool prebuilt = startup.claim();
        startup.awaitDictionaries();
        synchronized (Startup.INIT) {
            return configure(prebuilt != null ? prebuilt : new JLanguageTool(language));
        }
    }

    private JLanguageTool configure(JLanguageTool lt) {
        lt.setCleanOverlappingMatches(false); // Calque resolves overlaps itself, knowing which rules are its own
        lt.setCheckCancelledCallback(Deadline::passed);
        List<String> off = new ArrayList<>();
        List<Rule> quietOnNames = new ArrayList<>();
        // stock LanguageTool alone (no Calque rules) runs as it comes: the packs only label its findings
        Set<String> offByPack = calqueRules ? pack.stock().disabled() : Set.of();
        for (Rule r : lt.getAllRules()) {
            if (!stockRules || disabled.contains(r.getId()) || offByPack.contains(r.getId())) {
                off.add(r.getId());
            } else if (calqueRules && !spellCapitalized && pack.stock().ignoresCapitalized(r.getId())
                    && !(r instanceof TextLevelRule)) {
                off.add(r.getId()); // runs inside the wrapper below instead
                quietOnNames.add(r);
            }
        }
        lt.disableRules(off);
        for (Rule r : quietOnNames) lt.addRule(new CapitalizedWordsLeftOut(r, pack.stock(), pack.stock().transliterates(source)));
        if (calqueRules) {
            for (Rule r : pack.rules()) {
                if (!disabled.contains(r.getId())) lt.addRule(r);
            }
        }
        try {
            // LanguageTool initializes lazily on its first check (seconds): do it here, once per
            // thread, so it is not charged to the first article's time limit.
            Trace.mark("configured");
            lt.check("Warm-up sentence for the checker.");
            Trace.mark("warmed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lt;
    }

    /**
     * Identifies everything that decides this checker's findings for a given text: code, LanguageTool,
     * rule files, languages and options. Findings cached under it stay valid while it is unchanged.
     */
    public String configurationKey() {
        java.net.URL code = Checker.class.getProtectionDomain().getCodeSource().getLocation();
        String codeStamp;
        try {
            java.nio.file.Path p = java.nio.file.Path.of(code.toURI());
            codeStamp = java.nio.file.Files.isRegularFile(p)
                    ? java.nio.file.Files.size(p) + "@" + java.nio.file.Files.getLastModifiedTime(p).toMillis()
                    : "classes@" + java.nio.file.Files.getLastModifiedTime(p.resolve("dev/calque/check/Checker.class")).toMillis();
        } catch (Exception e) {
            codeStamp = "unknown-" + System.nanoTime(); // cannot identify the code: never reuse
        }
        return String.join("|", codeStamp, JLanguageTool.VERSION, pack.hash(), sourcePack.hash(), bilingual.key(), target(), source,
                Boolean.toString(stockRules), Boolean.toString(calqueRules), new java.util.TreeSet<>(disabled).toString(),
                new java.util.TreeMap<>(severityOverrides).toString(), Boolean.toString(spellCapitalized));
    }

    /** Prepares the calling thread's LanguageTool now rather than on its first check. */
    public void warm() {
        tools.get();
    }

    /**
     * The calling thread's LanguageTool rule objects by id, stock and Calque's (a stock rule Calque runs inside a
     * wrapper is given unwrapped): what LanguageTool's own server reads to describe a match.
     */
    public Map<String, Rule> ruleObjects() {
        Map<String, Rule> out = new HashMap<>();
        for (Rule r : tools.get().getAllRules()) {
            if (r instanceof CapitalizedWordsLeftOut w) r = w.speller();
            out.putIfAbsent(r.getId(), r);
        }
        return out;
    }

    public RulePack rules() {
        return pack;
    }

    /** The rules that read the original, and how each language writes what they compare. */
    public SourceRules.Pack sourceRules() {
        return sourcePack;
    }

    public String target() {
        return language.getShortCode() + (language.getCountries().length > 0 ? "-" + language.getCountries()[0] : "");
    }

    public String source() {
        return source;
    }

    /** Metadata of any rule that can appear in a finding, Calque's or stock. */
    public RuleInfo info(String ruleId) {
        RuleInfo own = pack.info(ruleId);
        if (own == null) own = bilingual.info(ruleId);
        if (own == null) own = sourcePack.info(ruleId);
        return own != null ? own : stockInfos.get(ruleId);
    }

    /** Every stock LanguageTool rule active in this checker, described in Calque's terms. */
    public List<RuleInfo> stockRuleInfos() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule r : tools.get().getAllActiveRules()) {
            if (r instanceof CapitalizedWordsLeftOut w) r = w.speller();
            if (pack.info(r.getId()) == null) out.add(stockInfo(r));
        }
        out.sort(Comparator.comparing(RuleInfo::id));
        return out;
    }

    public CheckedArticle check(Article article) {
        return check(article, Duration.ofNanos(Long.MAX_VALUE));
    }

    /**
     * Checks an article within a time limit.
     *
     * @throws TimeLimitExceeded when the check runs past the limit (the article is then not reported
     *                           as checked: a partial check must not pass for a complete one)
     */
    public CheckedArticle check(Article article, Duration limit) {
        return check(article, limit, () -> false);
    }

    /**
     * Checks an article within a time limit, abandoning it as soon as {@code stop} says so.
     *
     * @throws Stopped when {@code stop} ended the check
     */
    public CheckedArticle check(Article article, Duration limit, java.util.function.BooleanSupplier stop) {
        // a bilingual file holds its original: checked beside it
        if (article.bilingual() != null) return check(dev.calque.bilingual.FileSegments.pair(article), limit, stop);
        return new CheckedArticle(article, Overlaps.resolve(allFindings(article.text(), limit.toNanos(), stop), this::rank),
                article.wordCount());
    }

    /** A check abandoned because the run was stopped (Ctrl-C): the article is neither checked nor failed. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** The bilingual rules in use ({@code rules/bilingual/}), for listings and example tests. */
    public List<dev.calque.rules.bilingual.BilingualRule> bilingualRules() {
        return bilingual.rules();
    }

    /** Matches of one bilingual rule in one segment, offsets in the segment's target: for rule-example tests. */
    public List<Finding> checkSegmentOnly(String ruleId, dev.calque.model.BilingualSegment segment,
                                          Glossary glossary) {
        return bilingual.checkSegment(ruleId, segment, glossary);
    }

    /** Findings in a text, sorted by position, one per passage where rules overlap. */
    public List<Finding> check(String text) {
        return Overlaps.resolve(allFindings(text, Long.MAX_VALUE, () -> false), this::rank);
    }

    /**
     * Matches of exactly one rule id in a text, before overlaps are resolved: for rule-example tests.
     * Under {@link #EXAMPLE_LIMIT} of processor time: an example is a sentence or two, and a rule from a
     * pull request may carry an expression that backtracks for ever on its own example ({@code calque rules
     * test} held CI for good).
     *
     * @throws TimeLimitExceeded past the limit
     */
    public List<Finding> checkOnly(String ruleId, String text) {
        return allFindings(text, EXAMPLE_LIMIT.toNanos(), () -> false).stream().filter(f -> f.rule().equals(ruleId)).toList();
    }

    /** Processor time one rule example may take (the bundled rules' take milliseconds). */
    public static final Duration EXAMPLE_LIMIT = Duration.ofSeconds(10);

    /**
     * Checks a translation beside its original: the monolingual rules (the speller leaving alone the
     * words the original has, see {@link SourceWords}), then the rules that read the original. Every
     * finding names the original's passage its sentence is aligned with.
     *
     * @throws TimeLimitExceeded as {@link #check(Article, Duration)}
     */
    public CheckedArticle check(BilingualArticle b, Duration limit) {
        return check(b, limit, () -> false);
    }

    /** As {@link #check(BilingualArticle, Duration)}, abandoned as soon as {@code stop} says so. */
    public CheckedArticle check(BilingualArticle b, Duration limit, java.util.function.BooleanSupplier stop) {
        List<Finding> mono;
        long cpu0 = Deadline.clock();
        SourceWords.set(b.original().text());
        try {
            mono = allFindings(b.target().text(), limit.toNanos(), stop);
        } finally {
            SourceWords.clear();
        }
        // the rules that read the original get what is left of the article's budget: an original is as
        // untrusted as the translation, and a pattern can backtrack on a long run of it
        long left = Deadline.left(limit.toNanos(), cpu0);
        List<Finding> bi;
        BilingualCheck.Found pairs;
        Deadline.start(left, stop);
        try {
            bi = sourceFindings(b, null);
            // the segment rules of a bilingual file (inline codes, glossary): their passage findings are
            // resolved with the monolingual ones (where they flag the same words they win), and keep the
            // original's passage they name; a finding on a whole segment marks no passage of its own, so it
            // stands beside the findings inside the segment instead of hiding them
            pairs = bilingual.check(b.target(), severityOverrides);
            Deadline.check();
        } catch (Deadline.Exceeded e) {
            throw overLimit();
        } finally {
            Deadline.clear();
        }
        List<Finding> all = new ArrayList<>(mono);
        all.addAll(pairs.passages());
        java.util.Set<Finding> segmentRules = new java.util.HashSet<>(pairs.passages());
        List<Finding> resolved = Overlaps.resolve(all, this::rank);
        List<Finding> out = new ArrayList<>(BilingualFindings.combine(
                resolved.stream().filter(f -> !segmentRules.contains(f)).toList(), bi, b));
        resolved.stream().filter(segmentRules::contains).forEach(out::add);
        out.addAll(pairs.segments());
        out.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return new CheckedArticle(articleOf(b), BilingualCheck.withSegmentIds(b.target(), out), b.target().wordCount(),
                b.aligned());
    }

    /** The translated article, its metadata naming its original ({@code original}, {@code originalLanguage}). */
    public static Article articleOf(BilingualArticle b) {
        Article a = b.target();
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(a.metadata());
        meta.put("original", b.original().source());
        meta.put("originalLanguage", b.original().language());
        return a.withMetadata(meta);
    }

    /** Matches of exactly one rule that reads the original, for rule-example tests. */
    public List<Finding> checkOnly(String ruleId, BilingualArticle b) {
        if (pack.info(ruleId) != null) {
            SourceWords.set(b.original().text());
            try {
                return checkOnly(ruleId, b.target().text());
            } finally {
                SourceWords.clear();
            }
        }
        return sourceFindings(b, ruleId);
    }

    private List<Finding> sourceFindings(BilingualArticle b, String only) {
        if (!calqueRules) return List.of();
        String text = b.target().text();
        Texts.LineIndex lines = new Texts.LineIndex(text);
        List<Finding> out = new ArrayList<>();
        for (SourceRule r : sourcePack.rules()) {
            RuleInfo info = r.info();
            if (disabled.contains(info.id()) || only != null && !only.equals(info.id())) continue;
            Deadline.check();
            for (SourceRule.Hit h : r.find(b, sourcePack.conventions())) {
                if (h.end() <= h.start()) continue;
                Link l = h.link();
                Link sentence = b.alignment().sentenceAt(h.start());
                int sentStart = sentence != null ? sentence.target().start() : l.target().start();
                int sentEnd = sentence != null ? sentence.target().end() : l.target().end();
                if (sentEnd < h.end() || sentStart > h.start()) {
                    sentStart = Math.min(sentStart, h.start());
                    sentEnd = Math.max(sentEnd, h.end());
                }
                Severity severity = severityOverrides.getOrDefault(info.id(), info.severity());
                Finding f = new Finding(info.id(), info.name(), info.category(), severity, h.message(), h.suggestions(),
                        h.start(), h.end(), lines.line(h.start()), lines.column(h.start()), lines.line(h.end()),
                        lines.column(h.end()), text.substring(h.start(), h.end()), text.substring(sentStart, sentEnd),
                        sentStart, Finding.CALQUE);
                out.add(f.withSource(l.source().of(b.original().text()), l.source().start(), l.source().end(),
                        l.segmentId()));
            }
        }
        return out;
    }

    /** A check stopped at its time limit. */
    public static final class TimeLimitExceeded extends RuntimeException {
        public TimeLimitExceeded(String message) {
            super(message);
        }
    }

    /** @param limitNanos time allowed for the check, {@code Long.MAX_VALUE} for none */
    private List<Finding> allFindings(String text, long limitNanos, java.util.function.BooleanSupplier stop) {
        Texts.LineIndex lines = new Texts.LineIndex(text);
        List<Finding> findings = new ArrayList<>();
        Supplier<List<int[]>> paragraphs = new Supplier<>() {
            private List<int[]> found;

            @Override
            public List<int[]> get() {
                if (found == null) found = Texts.paragraphs(text);
                return found;
            }
        };
        JLanguageTool lt = tools.get();
        Trace.mark("check start");
        // the limit counts from here: creating this thread's LanguageTool is not the article's fault
        Deadline.start(limitNanos, stop);
        ArticleNames.set(text);
        try {
            // Normal prose is checked whole (text-level rules need the whole article). A run of
            // thousands of characters with no sentence end is not prose, and LanguageTool's cost grows
            // with the square of a sentence's length: such text is checked in pieces.
            for (Pieces.Piece piece : Pieces.of(text, lt.getLanguage().getSentenceTokenizer())) {
                if (Deadline.passed()) throw overLimit();
                String part = piece.start() == 0 && piece.end() == text.length() ? text : text.substring(piece.start(), piece.end());
                List<RuleMatch> matches = lt.check(part);
                if (Deadline.passed()) throw overLimit();
                int lead = part.length() - part.stripLeading().length();
                for (RuleMatch m : matches) {
                    // a piece cut inside a sentence does not start one: no capital is missing there
                    if (piece.midSentence() && m.getFromPos() <= lead && m.getRule().getId().equals("UPPERCASE_SENTENCE_START")) continue;
                    Finding f = toFinding(m, text, lines, piece.start(), paragraphs);
                    if (f != null) findings.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // LanguageTool wraps what a rule throws; and once its cancel callback has fired, its own
            // analysis may fail on the half-done work (an index out of bounds): either way the limit
            // is what the user must hear about
            if (e instanceof Stopped) throw e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TimeLimitExceeded || t instanceof Deadline.Exceeded) throw overLimit();
            }
            if (Deadline.passed()) throw overLimit();
            throw e;
        } finally {
            Deadline.clear();
            ArticleNames.clear();
            Trace.mark("check end");
        }
        return findings;
    }

    private static RuntimeException overLimit() {
        return Deadline.stopped() ? new Stopped() : new TimeLimitExceeded("time limit reached");
    }

    /** Specific rules (patterns, tables) outrank generic ones (consistency, fragments) on the same span. */
    private int rank(Finding f) {
        if (bilingual.info(f.rule()) != null) return -1; // what the original says explains more
        if (pack.info(f.rule()) == null) return 2;
        return pack.isGeneric(f.rule()) ? 1 : 0;
    }

    private RuleInfo stockInfo(Rule r) {
        return stockInfos.computeIfAbsent(r.getId(), id -> pack.stock().describe(r));
    }

    private Finding toFinding(RuleMatch m, String text, Texts.LineIndex lines, int offset,
                              Supplier<List<int[]>> paragraphs) {
        Rule rule = m.getRule() instanceof CapitalizedWordsLeftOut w ? w.speller() : m.getRule();
        RuleInfo info = pack.info(rule.getId());
        boolean own = info != null;
        if (!own) info = stockInfo(rule);
        int start = Math.max(0, Math.min(offset + m.getFromPos(), text.length()));
        int end = Math.max(start, Math.min(offset + m.getToPos(), text.length()));
        if (end == start) return null;
        // the policy's matches from sentence-level rules are dropped at the source (CapitalizedWordsLeftOut);
        // this catches those of text-level rules, which cannot be wrapped
        if (!own && calqueRules && !spellCapitalized && !(m.getRule() instanceof CapitalizedWordsLeftOut)
                && pack.stock().ignores(rule.getId(), text.substring(start, end))) return null;
        // (the training run, spellCapitalized, sees the speller as it comes)
        if (!own && calqueRules && !spellCapitalized && pack.stock().ignoresOtherVariant(rule.getId(), m.getMessage())) {
            return null;
        }
        List<String> suggestions = m.getSuggestedReplacements();
        if (suggestions.size() > MAX_SUGGESTIONS) suggestions = suggestions.subList(0, MAX_SUGGESTIONS);
        String message = m.getMessage().replaceAll("<suggestion>(.*?)</suggestion>", "“$1”")
                .replaceAll("</?[a-z]+>", "");
        int[] sentence = sentenceSpan(m, text, start, end, paragraphs);
        Severity severity = severityOverrides.getOrDefault(info.id(), info.severity());
        return new Finding(info.id(), info.name(), info.category(), severity, message, suggestions, start, end,
                lines.line(start), lines.column(start), lines.line(end), lines.column(end),
                text.substring(start, end), text.substring(sentence[0], sentence[1]).strip(), sentence[0],
                own ? Finding.CALQUE : Finding.LANGUAGETOOL);
    }

    /** Where the match's sentence lies in the text; LanguageTool reports its text, not its offset. */
    private static int[] sentenceSpan(RuleMatch m, String text, int start, int end,
                                      Supplier<List<int[]>> paragraphs) {
        if (m.getSentence() != null) {
            String s = m.getSentence().getText().strip();
            if (!s.isEmpty()) {
                int from = Math.max(0, start - s.length());
                int idx = text.indexOf(s, from);
                while (idx >= 0 && idx <= start) {
                    if (idx + s.length() >= end) return new int[] {idx, idx + s.length()};
                    idx = text.indexOf(s, idx + 1);
                }
            }
        }
        // the paragraph around it, found by halving (a text of thousands of findings, each walking every
        // paragraph, was quadratic)
        List<int[]> ps = paragraphs.get();
        int lo = 0, hi = ps.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] p = ps.get(mid);
            if (p[1] < end) lo = mid + 1;
            else if (p[0] > start) hi = mid - 1;
            else return p;
        }
        return new int[] {start, end};
    }
}
