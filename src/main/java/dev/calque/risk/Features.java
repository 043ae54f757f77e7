package dev.calque.risk;

import dev.calque.model.Deadline;
import dev.calque.model.Finding;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The risk model's inputs, named so that the coefficients file reads: features of one segment (a
 * paragraph of an article, a row of a corpus) from its text, the findings in it and, when given,
 * its source. Counts enter as {@code log(1 + n)}, so one more finding matters less the more there
 * are.
 */
public final class Features {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*\\p{L}|\\p{L}");
    private static final Pattern NUMBER = Pattern.compile("\\d++(?:[.,]\\d++)*+");
    private static final Pattern CAPITALIZED = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{M}-]{1,}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9-]+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");
    private static final Pattern PUNCT_ARTIFACT = Pattern.compile(
            " [,.;:!?)]|[(\\[] |([,.;:!?])\\1|[,;:][.!?]|\"\\s*\"|« | »|\\s{2,}");
    /** Letters of scripts other than Latin (Cyrillic, Greek, CJK...): text left untranslated. */
    private static final Pattern FOREIGN_SCRIPT = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]+");
    /**
     * Latin letters with diacritics English does not use (cafe and naive aside): words left in the original.
     * Tried only where a word starts: from every letter, a run of 100,000 letters was re-read to its end
     * (400 s of processor time; the count is the same).
     */
    private static final Pattern DIACRITIC_WORD = Pattern.compile("(?<!\\p{L})\\p{L}*[àâäãåçèêëìîïñòôöõøùûüÿœßáíóúčšžłąęőű]\\p{L}*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ALL_CAPS = Pattern.compile("\\b\\p{Lu}{2,}\\b");
    /** A capital inside a lower-case word (camel case, a glued word). */
    private static final Pattern INNER_CAPITAL = Pattern.compile("\\p{Ll}\\p{Lu}");
    private static final Pattern PARENTHESIS = Pattern.compile("[()]");
    private static final Pattern CLAUSE_MARK = Pattern.compile("[,;]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+\\p{Lu}|\\s*$)");
    /** A sentence end glued to the next word, or a sentence starting in lower case. */
    private static final Pattern SPLIT_ARTIFACT = Pattern.compile("\\p{Ll}[.!?]\\p{Lu}\\p{Ll}|[.!?] \\p{Ll}");

    private static final Pattern FINAL_PUNCT = Pattern.compile(".*[.!?\"”’)»:]$");

    private Features() {
    }

    /** Words of a text, in order. */
    static List<String> words(String text) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(Deadline.guard(text));
        while (m.find()) out.add(m.group());
        return out;
    }

    static double log1p(double n) {
        return Math.log1p(n);
    }

    /**
     * @param text     the segment
     * @param source   its original, or {@code null}
     * @param findings the findings in the segment (their rules' base rates in {@code rates})
     * @param rates    per-rule hit rates (for the noisy-or of the findings)
     * @param ruleIds  rule ids that get a feature of their own (frequent enough in training)
     */
    public static Map<String, Double> segment(String text, String source, List<Finding> findings, RuleRates rates,
                                              Set<String> ruleIds) {
        return segment(text, source, findings, rates, ruleIds, Double.NaN);
    }

    /**
     * @param documentLogRatio the median {@link #logLengthRatio} of the document's segments with a source
     *                         ({@link #medianLogRatio}), {@code NaN} when unknown: what this pair and this
     *                         translator make of a segment's length, against which this one's ratio is a
     *                         residual (a language pair training never saw needs no fitted ratio)
     */
    public static Map<String, Double> segment(String text, String source, List<Finding> findings, RuleRates rates,
                                              Set<String> ruleIds, double documentLogRatio) {
        Map<String, Double> x = new LinkedHashMap<>();
        List<String> words = words(text);
        int n = Math.max(1, words.size());
        int unknown = 0, unknownCap = 0;
        Set<String> unknownCapWords = new HashSet<>();
        Vocabulary vocabulary = Vocabulary.bundled();
        List<Double> surprisals = new java.util.ArrayList<>();
        int rare = 0, repeated = 0, outside = 0;
        double freq = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String lower = w.toLowerCase(Locale.ROOT);
            int fq = Speller.frequency(lower);
            freq += fq;
            if (fq > 0 && fq < 8) rare++;
            if (lower.length() > 3 && !seen.add(lower)) repeated++;
            if (lower.length() > 1 && !vocabulary.contains(lower)) outside++;
            surprisals.add(vocabulary.surprisal(lower));
            if (w.length() < 2 || !Speller.unknown(w)) continue;
            if (Character.isUpperCase(w.charAt(0))) {
                unknownCap++;
                unknownCapWords.add(w);
            } else {
                unknown++;
            }
        }
        x.put("log_words", Math.log(n));
        x.put("words_per_100", n / 100.0);
        x.put("unknown_rate", (double) unknown / n);
        x.put("log_unknown", log1p(unknown));
        x.put("log_unknown_capitalized", log1p(unknownCap));
        x.put("out_of_vocabulary_rate", (double) outside / n);
        x.put("log_out_of_vocabulary", log1p(outside));
        x.put("mean_frequency", freq / n);
        x.put("rare_rate", (double) rare / n);
        x.put("log_rare", log1p(rare));
        x.put("log_repeated_words", log1p(repeated));
        x.put("mean_word_length", words.stream().mapToInt(String::length).sum() / (double) n);
        x.put("log_digits", log1p(count(NUMBER, text)));
        x.put("log_punct_artifacts", log1p(count(PUNCT_ARTIFACT, text)));
        x.put("log_split_artifacts", log1p(count(SPLIT_ARTIFACT, text)));
        x.put("no_final_punct", FINAL_PUNCT.matcher(Deadline.guard(text.strip())).matches() ? 0.0 : 1.0);
        lengthBins(x, n);
        rarity(x, surprisals, n);
        textShape(x, text, words, n);
        int major = 0;
        double none = 1;
        double best = 0;
        Map<String, Integer> byRule = new LinkedHashMap<>();
        Map<String, Integer> byDim = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.severity().atLeast(dev.calque.model.Severity.MAJOR)) major++;
            double p = rates.rate(f.rule(), f.origin(), f.category());
            none *= 1 - p;
            best = Math.max(best, p);
            byRule.merge(ruleIds.contains(f.rule()) ? f.rule() : "other", 1, Integer::sum);
            byDim.merge(f.dimension(), 1, Integer::sum);
        }
        x.put("log_findings", log1p(findings.size()));
        x.put("log_major_findings", log1p(major));
        x.put("findings_noisy_or", 1 - none);
        x.put("findings_max_rate", best);
        byDim.forEach((d, c) -> x.put("dim:" + d, log1p(c)));
        byRule.forEach((r, c) -> x.put("rule:" + r, log1p(c)));
        if (source != null && !source.isBlank()) {
            sourceFeatures(x, text, source, n, unknownCapWords);
            copied(x, text, words, source);
            double ratio = x.get("src_log_length_ratio");
            double residual = Double.isNaN(documentLogRatio) ? 0 : ratio - documentLogRatio;
            x.put("src_ratio_residual", residual);
            x.put("src_ratio_shorter", Math.max(0, -residual)); // omissions
            x.put("src_ratio_longer", Math.max(0, residual)); // additions, repetitions
            x.put("src_log_words", Math.log(1 + lengthUnits(source)));
        }
        return x;
    }

    private static void sourceFeatures(Map<String, Double> x, String text, String source, int targetWords,
                                       Set<String> unknownCapWords) {
        boolean cjk = CJK.matcher(source).find();
        double ratio = logLengthRatio(targetWords, source);
        x.put("src_log_length_ratio", ratio);
        x.put("src_abs_log_length_ratio", Math.abs(ratio));
        x.put("src_cjk", cjk ? 1.0 : 0.0);
        String targetDigits = text.replaceAll("(?<=\\d)[.,  ](?=\\d)", "").replaceAll("[.,]", "");
        int missingNumbers = 0;
        Matcher m = NUMBER.matcher(Deadline.guard(source));
        while (m.find()) {
            Deadline.check();
            String num = m.group().replaceAll("[.,]", "");
            if (!targetDigits.contains(num)) missingNumbers++;
        }
        x.put("src_log_numbers_missing", log1p(missingNumbers));
        String lowerTarget = text.toLowerCase(Locale.ROOT);
        int missingNames = 0;
        Matcher names = (cjk ? LATIN : CAPITALIZED).matcher(Deadline.guard(source));
        while (names.find()) {
            Deadline.check(); // each name reads the whole target
            int at = names.start();
            if (!cjk && sentenceStart(source, at)) continue;
            String name = names.group();
            if (name.length() < 2) continue;
            if (!lowerTarget.contains(name.toLowerCase(Locale.ROOT))) missingNames++;
        }
        x.put("src_log_names_missing", log1p(missingNames));
        int inSource = 0;
        for (String w : unknownCapWords) {
            Deadline.check();
            if (source.contains(w)) inSource++;
        }
        x.put("src_log_unknown_in_source", log1p(inSource));
        x.put("src_log_unknown_not_in_source", log1p(unknownCapWords.size() - inSource));
        sourceCharacters(x, source);
    }

    /**
     * How unfamiliar a Chinese or Japanese original is to the systems training saw, by its characters'
     * counts in the training originals ({@link Vocabulary#bundledSource}): the characters' total
     * surprisal, that of the five rarest, characters seen at most twice, and character pairs never
     * seen (names, places and terms of news a system had to render). Zero for other scripts.
     */
    static void sourceCharacters(Map<String, Double> x, String source) {
        StringBuilder chars = new StringBuilder();
        Matcher m = CJK.matcher(Deadline.guard(source));
        while (m.find()) chars.append(m.group());
        Vocabulary seen = Vocabulary.bundledSource();
        List<Double> s = new java.util.ArrayList<>();
        int rare = 0, unseenPairs = 0;
        for (int i = 0; i < chars.length(); i++) {
            s.add(seen.characterSurprisal(chars.charAt(i)));
            if (seen.count(String.valueOf(chars.charAt(i))) <= 2) rare++;
            if (i > 0 && seen.count(chars.substring(i - 1, i + 1)) == 0) unseenPairs++;
        }
        s.sort(java.util.Comparator.reverseOrder());
        double sum = 0, top = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += s.get(i);
            if (i < 5) top += s.get(i);
        }
        x.put("src_cjk_surprisal_per_100", sum / 100);
        x.put("src_cjk_surprisal_top5", top);
        x.put("src_cjk_log_rare", log1p(rare));
        x.put("src_cjk_unseen_pair_rate", chars.length() < 2 ? 0.0 : unseenPairs / (chars.length() - 1.0));
        x.put("src_cjk_log_unseen_pairs", log1p(unseenPairs));
    }

    /** Words of a source, Chinese and Japanese counted at about 1.6 characters a word. */
    static double lengthUnits(String source) {
        if (CJK.matcher(source).find()) return count(CJK, source) / 1.6 + count(LATIN, source);
        return words(source).size();
    }

    /** Log of target words over source words (smoothed by one). */
    public static double logLengthRatio(int targetWords, String source) {
        return Math.log((targetWords + 1.0) / (lengthUnits(source) + 1.0));
    }

    public static double logLengthRatio(String target, String source) {
        return logLengthRatio(Math.max(1, words(target).size()), source);
    }

    /**
     * The median length ratio of a document's segments that have a source ({@code NaN} when fewer
     * than three have one: too few to tell a pair's habit from one segment's omission).
     */
    public static double medianLogRatio(List<String> targets, List<String> sources) {
        List<Double> r = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(targets.size(), sources.size()); i++) {
            String s = sources.get(i);
            if (s != null && !s.isBlank() && !targets.get(i).isBlank()) r.add(logLengthRatio(targets.get(i), s));
        }
        if (r.size() < 3) return Double.NaN;
        java.util.Collections.sort(r);
        int m = r.size() / 2;
        return r.size() % 2 == 1 ? r.get(m) : (r.get(m - 1) + r.get(m)) / 2;
    }

    /**
     * How much the segment says, by the training word frequencies: its words' total surprisal, that of
     * its five rarest, and how many words are rarer than about one in 20,000 (e^10) - the terms a system
     * had to know.
     */
    private static void rarity(Map<String, Double> x, List<Double> surprisals, int n) {
        List<Double> s = new java.util.ArrayList<>(surprisals);
        s.sort(java.util.Comparator.reverseOrder());
        double sum = 0, top = 0;
        int rare = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += s.get(i);
            if (i < 5) top += s.get(i);
            if (s.get(i) > 10) rare++;
        }
        x.put("surprisal_per_100", sum / 100);
        x.put("surprisal_mean", sum / n);
        x.put("surprisal_top5", top);
        x.put("log_rare_in_training", log1p(rare));
    }

    /** One-hot bins of the length (log-spaced): the risk is not linear in words nor in their log. */
    private static void lengthBins(Map<String, Double> x, int n) {
        int[] upper = {8, 15, 25, 40, 60};
        int b = 0;
        while (b < upper.length && n > upper[b]) b++;
        for (int i = 0; i <= upper.length; i++) {
            String name = i == 0 ? "len_le_" + upper[0] : i == upper.length ? "len_gt_" + upper[upper.length - 1]
                    : "len_" + (upper[i - 1] + 1) + "_" + upper[i];
            x.put(name, i == b ? 1.0 : 0.0);
        }
        x.put("sqrt_words", Math.sqrt(n));
    }

    /** Token shapes that need no model: sentences, clauses, scripts, casing, balance, repeated n-grams. */
    private static void textShape(Map<String, Double> x, String text, List<String> words, int n) {
        int sentences = Math.max(1, count(SENTENCE_END, text));
        x.put("log_sentences", Math.log(sentences));
        x.put("words_per_sentence", (double) n / sentences);
        int commas = count(CLAUSE_MARK, text);
        x.put("log_commas", log1p(commas));
        x.put("words_per_clause", (double) n / (1 + commas + sentences - 1));
        x.put("log_parentheses", log1p(count(PARENTHESIS, text)));
        int balance = Math.abs(chars(text, '(') - chars(text, ')')) + Math.abs(chars(text, '[') - chars(text, ']'))
                + chars(text, '"') % 2 + Math.abs(chars(text, '“') + chars(text, '«') - chars(text, '”') - chars(text, '»'));
        x.put("unbalanced_marks", (double) balance);
        x.put("log_foreign_script", log1p(count(FOREIGN_SCRIPT, text)));
        x.put("log_diacritic_words", log1p(count(DIACRITIC_WORD, text)));
        x.put("log_all_caps", log1p(count(ALL_CAPS, text)));
        x.put("log_inner_capitals", log1p(count(INNER_CAPITAL, text)));
        int capitalized = 0, longWords = 0, veryCommon = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i > 0 && Character.isUpperCase(w.charAt(0))) capitalized++;
            if (w.length() >= 12) longWords++;
            if (Speller.frequency(w.toLowerCase(Locale.ROOT)) >= 22) veryCommon++;
        }
        x.put("capitalized_rate", (double) capitalized / n);
        x.put("long_word_rate", (double) longWords / n);
        x.put("common_word_rate", (double) veryCommon / n);
        Set<String> bigrams = new HashSet<>(), trigrams = new HashSet<>();
        int repBi = 0, repTri = 0;
        for (int i = 0; i + 1 < words.size(); i++) {
            String bi = words.get(i).toLowerCase(Locale.ROOT) + " " + words.get(i + 1).toLowerCase(Locale.ROOT);
            if (!bigrams.add(bi)) repBi++;
            if (i + 2 < words.size() && !trigrams.add(bi + " " + words.get(i + 2).toLowerCase(Locale.ROOT))) repTri++;
        }
        x.put("log_repeated_bigrams", log1p(repBi));
        x.put("log_repeated_trigrams", log1p(repTri));
        int doubled = 0;
        for (int i = 0; i + 1 < words.size(); i++) if (words.get(i).equalsIgnoreCase(words.get(i + 1))) doubled++;
        x.put("doubled_words", (double) doubled);
    }

    /**
     * Target words copied from the source: a lower-case word of four letters or more that stands in
     * the source and that the English dictionary lacks is most likely left untranslated.
     */
    private static void copied(Map<String, Double> x, String text, List<String> words, String source) {
        Set<String> src = new HashSet<>();
        for (String w : words(source)) src.add(w.toLowerCase(Locale.ROOT));
        int copied = 0, copiedForeign = 0;
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.length() < 4 || !src.contains(lower)) continue;
            copied++;
            if (Character.isLowerCase(w.charAt(0)) && Speller.unknown(w)) copiedForeign++;
        }
        x.put("src_copied_rate", (double) copied / Math.max(1, words.size()));
        x.put("src_log_copied_unknown", log1p(copiedForeign));
        x.put("src_log_parentheses_diff", log1p(Math.abs(count(PARENTHESIS, source) - count(PARENTHESIS, text))));
        x.put("src_log_numbers", log1p(count(NUMBER, source)));
    }

    private static boolean sentenceStart(String s, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        return i < 0 || ".!?:\"«“".indexOf(s.charAt(i)) >= 0;
    }

    /**
     * Features of one finding for its confidence: its rule's base rate (as a logit), the segment's
     * evidence, and whether a flagged word stands in the source (a name carried over).
     */
    public static Map<String, Double> finding(Finding f, String segmentText, String source, int findingsInSegment,
                                              RuleRates rates) {
        Map<String, Double> x = new LinkedHashMap<>();
        double p = rates.rate(f.rule(), f.origin(), f.category());
        x.put("rule_logit", Math.log(p / (1 - p)));
        x.put("rule_human_ratio", rates.humanRatio(f.rule()));
        boolean speller = f.rule().startsWith("MORFOLOGIK_RULE");
        boolean capitalized = !f.passage().isEmpty() && Character.isUpperCase(f.passage().charAt(0));
        x.put("speller_capitalized", speller && capitalized ? 1.0 : 0.0);
        SegmentFacts facts = SegmentFacts.of(segmentText, source);
        x.put("log_words", Math.log(Math.max(1, facts.words())));
        x.put("log_other_findings", log1p(findingsInSegment - 1));
        x.put("major", f.severity().atLeast(dev.calque.model.Severity.MAJOR) ? 1.0 : 0.0);
        // a flagged word the training translations use is a term of the trade more often than a slip
        List<String> flagged = words(f.passage());
        Vocabulary vocabulary = Vocabulary.bundled();
        double surprisal = 0;
        boolean known = !flagged.isEmpty();
        for (String w : flagged) {
            String lower = w.toLowerCase(Locale.ROOT);
            surprisal = Math.max(surprisal, vocabulary.surprisal(lower));
            known &= vocabulary.contains(lower);
        }
        x.put("passage_surprisal", surprisal);
        x.put("speller_word_in_training", speller && known ? 1.0 : 0.0);
        if (source != null && !source.isBlank()) {
            Deadline.check(); // each finding reads the whole source
            boolean inSource = !f.passage().isBlank() && facts.lowerSource()
                    .contains(f.passage().strip().toLowerCase(Locale.ROOT));
            x.put("src_passage_in_source", inSource ? 1.0 : 0.0);
            x.put("src_speller_in_source", speller && inSource ? 1.0 : 0.0);
        }
        return x;
    }

    /**
     * What every finding of one segment shares: its word count and its lower-cased source, computed
     * once per segment (the findings of a segment come one after the other) rather than once per
     * finding, which made a one-line segment of a million characters with thousands of findings hang.
     */
    private record SegmentFacts(String text, String source, int words, String lowerSource) {
        private static final ThreadLocal<SegmentFacts> LAST = new ThreadLocal<>();

        static SegmentFacts of(String text, String source) {
            SegmentFacts last = LAST.get();
            if (last != null && last.text == text && last.source == source) return last;
            SegmentFacts facts = new SegmentFacts(text, source, Features.words(text).size(),
                    source == null ? null : source.toLowerCase(Locale.ROOT));
            LAST.set(facts);
            return facts;
        }
    }

    static int chars(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** Matches of a pattern, read under the current {@link Deadline} (a word pattern can backtrack on a long run). */
    static int count(Pattern p, String s) {
        Matcher m = p.matcher(Deadline.guard(s));
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
