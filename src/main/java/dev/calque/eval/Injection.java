package dev.calque.eval;

import dev.calque.bilingual.BilingualArticle;
import dev.calque.bilingual.Original;
import dev.calque.check.Checker;
import dev.calque.model.Finding;
import dev.calque.model.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contrastive test on human translations: each document (its segments as paragraphs, its original
 * as a separate document, aligned by Calque as {@code --source} does) is checked as it is, then with
 * one known error injected, one type at a time. An injected error counts as detected when a finding
 * overlaps its span that the unmodified document did not have at the same place (same rule, same passage). The
 * unmodified documents give the false alarms: findings per 1,000 words.
 *
 * <p>Where in a document each error goes is drawn from a seeded random generator among the places that
 * admit it (a number the original also has, a name the original also writes, ...), so a run is
 * reproducible and does not depend on the number of threads.
 *
 * <p>Two types are artifacts of the translation's own text, which no original is needed to see: a sentence
 * split before its closing phrase ("talks. January 10 in Geneva.") and a phrase broken at its "of" ("its
 * area. influence."). They are made by the text's structure, not from any rule's word list, and their
 * documents are checked alone (without the original, against the unmodified text checked alone), so the
 * figure is that of the rules that read the translation only.
 */
public final class Injection {
    /** The kinds of injected error. */
    public enum Type {
        NUMBER("changed number"), NAME("swapped name"), NEGATION_DROPPED("dropped negation"),
        NEGATION_ADDED("added negation"), CLAUSE_OMITTED("omitted clause"), SENTENCE_ADDED("added sentence"),
        UNTRANSLATED("untranslated sentence"), PARAGRAPHS_SWAPPED("swapped paragraphs"), DATE("changed weekday/month"),
        SPLIT("split sentence (no original)", true), GARBLED("phrase broken at its \"of\" (no original)", true);

        public final String label;
        /** Whether its documents are checked without their original. */
        public final boolean alone;

        Type(String label) {
            this(label, false);
        }

        Type(String label, boolean alone) {
            this.label = label;
            this.alone = alone;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.,])\\d+(?![\\p{L}\\p{N}])");
    private static final Pattern NAME = Pattern.compile("(?<=[a-z,;] )\\p{Lu}\\p{Ll}{3,}\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:(?:do|does|did|is|are|was|were|has|have|had|will|would|could|should|can|must) not|never)\\b|n't\\b");
    private static final Pattern AUXILIARY = Pattern.compile("\\b(is|are|was|were|has|have|had|will|would|could|should|can|must)\\b(?! not| never|n't)");
    private static final Pattern ANY_NEGATION = Pattern.compile("(?i)\\b(?:not|no|never|nothing|none|nobody|neither|nor|without|cannot)\\b|n't\\b");
    private static final Pattern DATE = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\\b");
    private static final List<String> DATES = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December");
    private static final Pattern CLAUSE = Pattern.compile(", [^,.;:]{25,}?(?=[,.;:])");
    /** A sentence's closing phrase after a preposition: a word, the preposition, then a name or number to the stop. */
    private static final Pattern CLOSING_PHRASE = Pattern.compile(
            "(?<=\\p{Ll}{3}) (?:on|in|at|from|for|with|by) ((?:\\p{Lu}\\p{Ll}+|\\d+)[^.,;:!?\"“”()\\[\\]]{3,40}\\.)(?= \\p{Lu}|$)");
    /** A determiner, a noun, "of" and a noun: where a bad split leaves "its area. influence.". */
    private static final Pattern OF_PHRASE = Pattern.compile("\\b(?:its|their|his|her|the) (\\p{Ll}{4,}) of (\\p{Ll}{4,})\\b");
    private static final Pattern SOURCE_NEGATION = Pattern.compile("(?i)\\b(?:ne|n['’])\\s*(?:\\S+\\s+){0,4}?(?:pas|jamais|plus|rien|aucun|aucune)\\b|\\bsans\\b|\\bni\\b");

    private Injection() {
    }

    /** One document with one injected error: its text, its original, the injected span. */
    record Case(Type type, EvalDocument doc, String target, String source, int start, int end) {
    }

    /** Figures per error type, and the false alarms on the unmodified documents. */
    public record Result(Map<Type, int[]> detected, long words, int findings, int sourceFindings, int documents,
                         Map<String, Integer> byRule, List<String> misses) {
        /** Share of injected errors of a type that were flagged, or null when none could be injected. */
        public Double rate(Type t) {
            int[] d = detected.get(t);
            return d == null || d[1] == 0 ? null : (double) d[0] / d[1];
        }

        public double perThousand(int n) {
            return words == 0 ? 0 : n * 1000.0 / words;
        }
    }

    /**
     * The human translations of a corpus that come with their original: its documents whose segments are all
     * clean and carry a source (newstest's {@code ref} side), then the references it gives beside machine
     * translations (biomedical fr-en's {@code reference} field), one per document.
     */
    public static List<EvalDocument> humanDocuments(Corpus c) {
        List<EvalDocument> docs = new ArrayList<>();
        for (EvalDocument d : c.documents()) if (d.hasSources() && d.segments().stream().allMatch(Segment::clean)) docs.add(d);
        for (EvalDocument d : c.references()) if (d.hasSources()) docs.add(d);
        return docs;
    }

    /**
     * @param docs   human translations whose segments carry their French original
     * @param seed   seed of the draws
     */
    public static Result run(Checker checker, List<EvalDocument> docs, long seed, ExecutorService pool, String language) {
        List<Future<List<Finding>>> clean = new ArrayList<>();
        List<Future<List<Finding>>> cleanAlone = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            EvalDocument d = docs.get(i);
            clean.add(pool.submit(() -> check(checker, d.text(), sourceText(d), language)));
            cleanAlone.add(pool.submit(() -> check(checker, d.text(), null, language)));
            Random random = new Random(seed * 31 + i);
            for (Type t : Type.values()) {
                Case c = inject(t, d, docs.get((i + 1) % docs.size()), random);
                if (c != null) cases.add(c);
            }
        }
        List<Future<List<Finding>>> injected = new ArrayList<>();
        for (Case c : cases) {
            injected.add(pool.submit(() -> check(checker, c.target(), c.type().alone ? null : c.source(), language)));
        }
        Map<Type, int[]> detected = new EnumMap<>(Type.class);
        Map<String, Integer> byRule = new HashMap<>();
        Map<EvalDocument, List<Finding>> before = new HashMap<>();
        Map<EvalDocument, List<Finding>> beforeAlone = new HashMap<>();
        List<String> misses = new ArrayList<>();
        long words = 0;
        int findings = 0;
        int sourceFindings = 0;
        try {
            for (int i = 0; i < docs.size(); i++) {
                List<Finding> f = clean.get(i).get();
                before.put(docs.get(i), f);
                beforeAlone.put(docs.get(i), cleanAlone.get(i).get());
                words += docs.get(i).words();
                findings += f.size();
                for (Finding x : f) {
                    if (x.rule().startsWith("SOURCE_")) {
                        misses.add("(false alarm on the unmodified text) " + x.rule() + ": “" + x.passage() + "”: " + x.message());
                        sourceFindings++;
                        byRule.merge(x.rule(), 1, Integer::sum);
                    }
                }
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                List<Finding> after = injected.get(i).get();
                boolean hit = flagged(c, (c.type().alone ? beforeAlone : before).get(c.doc()), after);
                int[] d = detected.computeIfAbsent(c.type(), k -> new int[2]);
                d[1]++;
                if (hit) d[0]++;
                else misses.add(c.type().label + ": “" + c.target().substring(c.start(), c.end()) + "” in “"
                        + sentenceAround(c.target(), c.start(), c.end()) + "” (original: “" + originalAround(c) + "”)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Result(detected, words, findings, sourceFindings, docs.size(), byRule, misses);
    }

    /**
     * Whether a finding of the injected text overlaps the injected span and was not in the unmodified text
     * at the same place. The text before the span is the unmodified text's, and the text after it is the
     * unmodified text's shifted by the change in length, so the span's counterpart in the unmodified text
     * is known: a finding there with the same rule and passage is the old one. (Matching by rule and
     * passage anywhere in the document let an old false alarm elsewhere, "sometimes not", stand for an
     * injected "not".)
     */
    static boolean flagged(Case c, List<Finding> before, List<Finding> after) {
        int from = c.start();
        int to = Math.max(from, c.end() - (c.target().length() - c.doc().text().length()));
        List<String> there = new ArrayList<>();
        for (Finding f : before) {
            boolean overlaps = from == to ? f.start() <= from && from <= f.end() : f.start() < to && from < f.end();
            if (overlaps) there.add(f.rule() + "\u0000" + f.passage());
        }
        for (Finding f : after) {
            if (f.start() >= c.end() || c.start() >= f.end()) continue;
            if (!there.remove(f.rule() + "\u0000" + f.passage())) return true;
        }
        return false;
    }

    /** The findings on a text, beside its original, or alone when the original is null. */
    private static List<Finding> check(Checker checker, String target, String source, String language) {
        Article article = Article.ofText("injected", target);
        if (source == null) return checker.check(article, Duration.ofMinutes(10)).findings();
        return checker.check(BilingualArticle.of(article, Original.of("original", language, source)),
                Duration.ofMinutes(10)).findings();
    }

    /** The paragraph of the injected text around a span, on one line. */
    private static String sentenceAround(String text, int start, int end) {
        int from = text.lastIndexOf(EvalDocument.SEPARATOR, start);
        int to = text.indexOf(EvalDocument.SEPARATOR, end);
        return text.substring(from < 0 ? 0 : from + EvalDocument.SEPARATOR.length(), to < 0 ? text.length() : to)
                .replaceAll("\\s+", " ");
    }

    private static String originalAround(Case c) {
        int k = c.target().substring(0, c.start()).split(EvalDocument.SEPARATOR, -1).length - 1;
        String[] paragraphs = c.source().split(EvalDocument.SEPARATOR, -1);
        return k < paragraphs.length ? paragraphs[k].replaceAll("\\s+", " ") : "";
    }

    static String sourceText(EvalDocument d) {
        return String.join(EvalDocument.SEPARATOR, d.segments().stream().map(Segment::source).toList());
    }

    /** The document with one error of the type injected, or null when it has no place for one. */
    static Case inject(Type type, EvalDocument d, EvalDocument other, Random random) {
        List<String> tgt = new ArrayList<>(d.segments().stream().map(Segment::text).toList());
        List<String> src = new ArrayList<>(d.segments().stream().map(Segment::source).toList());
        List<int[]> places = new ArrayList<>(); // {segment, start, end[, start of the part kept]}
        for (int i = 0; i < tgt.size(); i++) {
            String t = tgt.get(i);
            String s = src.get(i);
            switch (type) {
                case NUMBER -> {
                    Matcher m = NUMBER.matcher(t);
                    while (m.find()) if (s.contains(m.group())) places.add(new int[] {i, m.start(), m.end()});
                }
                case NAME -> {
                    Matcher m = NAME.matcher(t);
                    while (m.find()) if (s.contains(m.group())) places.add(new int[] {i, m.start(), m.end()});
                }
                case NEGATION_DROPPED -> {
                    Matcher m = NEGATION.matcher(t);
                    if (SOURCE_NEGATION.matcher(s).find() && m.find()) places.add(new int[] {i, m.start(), m.end()});
                }
                case NEGATION_ADDED -> {
                    Matcher m = AUXILIARY.matcher(t);
                    if (!ANY_NEGATION.matcher(t).find() && !SOURCE_NEGATION.matcher(s).find() && m.find()) {
                        places.add(new int[] {i, m.start(), m.end()});
                    }
                }
                case CLAUSE_OMITTED -> {
                    Matcher m = CLAUSE.matcher(t);
                    while (m.find()) if (m.group().length() * 3 >= t.length()) places.add(new int[] {i, m.start(), m.end()});
                }
                case SENTENCE_ADDED, UNTRANSLATED -> {
                    if (t.length() >= 60 && t.endsWith(".")) places.add(new int[] {i, 0, t.length()});
                }
                case PARAGRAPHS_SWAPPED -> {
                    if (i + 1 < tgt.size() && t.length() >= 40 && tgt.get(i + 1).length() >= 40) places.add(new int[] {i, 0, t.length()});
                }
                case SPLIT -> {
                    Matcher m = CLOSING_PHRASE.matcher(t);
                    while (m.find()) places.add(new int[] {i, m.start(), m.end(), m.start(1)});
                }
                case GARBLED -> {
                    Matcher m = OF_PHRASE.matcher(t);
                    while (m.find()) places.add(new int[] {i, m.start(1), m.end(2)});
                }
                case DATE -> {
                    Matcher m = DATE.matcher(t);
                    while (m.find()) {
                        String fr = frenchOf(m.group());
                        if (s.toLowerCase(Locale.ROOT).contains(fr)) places.add(new int[] {i, m.start(), m.end()});
                    }
                }
            }
        }
        if (places.isEmpty()) return null;
        int[] p = places.get(random.nextInt(places.size()));
        int i = p[0];
        String t = tgt.get(i);
        int start;
        int end;
        switch (type) {
            case NUMBER -> {
                long n = Long.parseLong(t.substring(p[1], p[2]).length() > 12 ? "1" : t.substring(p[1], p[2]));
                String changed = Long.toString(n + 1 + random.nextInt(9));
                tgt.set(i, t.substring(0, p[1]) + changed + t.substring(p[2]));
                start = p[1];
                end = p[1] + changed.length();
            }
            case NAME -> {
                List<String> names = new ArrayList<>();
                for (Segment s : other.segments()) {
                    Matcher m = NAME.matcher(s.text());
                    while (m.find()) if (!d.text().contains(m.group())) names.add(m.group());
                }
                String name = names.isEmpty() ? "Hollande" : names.get(random.nextInt(names.size()));
                tgt.set(i, t.substring(0, p[1]) + name + t.substring(p[2]));
                start = p[1];
                end = p[1] + name.length();
            }
            case NEGATION_DROPPED -> {
                String neg = t.substring(p[1], p[2]);
                String without = neg.equals("never") ? "" : neg.equals("n't") ? "" : neg.replace(" not", "");
                String changed = t.substring(0, p[1]) + without + t.substring(p[2]);
                changed = changed.replace("  ", " ");
                tgt.set(i, changed);
                start = 0;
                end = changed.length();
            }
            case NEGATION_ADDED -> {
                tgt.set(i, t.substring(0, p[2]) + " not" + t.substring(p[2]));
                start = p[2] + 1;
                end = p[2] + 4;
            }
            case CLAUSE_OMITTED -> {
                String changed = t.substring(0, p[1]) + t.substring(p[2]);
                tgt.set(i, changed);
                start = 0;
                end = changed.length();
            }
            case SENTENCE_ADDED -> {
                String added = null;
                for (Segment s : other.segments()) {
                    if (s.text().length() >= 60 && s.text().endsWith(".") && !s.text().contains("\"")) {
                        added = s.text();
                        if (random.nextBoolean()) break;
                    }
                }
                if (added == null) return null;
                tgt.set(i, t + " " + added);
                start = t.length() + 1;
                end = start + added.length();
            }
            case UNTRANSLATED -> {
                tgt.set(i, src.get(i));
                start = 0;
                end = src.get(i).length();
            }
            case PARAGRAPHS_SWAPPED -> {
                String next = tgt.get(i + 1);
                tgt.set(i, next);
                tgt.set(i + 1, t);
                start = 0;
                end = next.length() + EvalDocument.SEPARATOR.length() + t.length();
            }
            case DATE -> {
                String was = t.substring(p[1], p[2]);
                boolean day = DATES.indexOf(was) < 7;
                List<String> choices = new ArrayList<>(day ? DATES.subList(0, 7) : DATES.subList(7, DATES.size()));
                choices.remove(was);
                String now = choices.get(random.nextInt(choices.size()));
                tgt.set(i, t.substring(0, p[1]) + now + t.substring(p[2]));
                start = p[1];
                end = p[1] + now.length();
            }
            case SPLIT -> {
                // " on January 10 in Geneva." -> ". January 10 in Geneva."
                String phrase = t.substring(p[3], p[2]);
                String changed = ". " + Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
                tgt.set(i, t.substring(0, p[1]) + changed + t.substring(p[2]));
                start = p[1];
                end = p[1] + changed.length();
            }
            case GARBLED -> {
                // "area of influence" -> "area. influence."
                String phrase = t.substring(p[1], p[2]);
                int of = phrase.indexOf(" of ");
                String changed = phrase.substring(0, of) + ". " + phrase.substring(of + 4) + ".";
                tgt.set(i, t.substring(0, p[1]) + changed + t.substring(p[2]));
                start = p[1];
                end = p[1] + changed.length();
            }
            default -> throw new IllegalStateException();
        }
        int offset = 0;
        for (int k = 0; k < i; k++) offset += tgt.get(k).length() + EvalDocument.SEPARATOR.length();
        return new Case(type, d, String.join(EvalDocument.SEPARATOR, tgt), String.join(EvalDocument.SEPARATOR, src),
                offset + start, offset + end);
    }

    private static String frenchOf(String english) {
        String[] fr = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février",
                "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
        return fr[DATES.indexOf(english)];
    }
}
