package dev.calque.bilingual;

import dev.calque.model.Texts;
import dev.calque.rules.RuleInfo;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rule kinds that compare each alignment link's two sides, or read the alignment itself. */
final class LinkRules {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:['’\\-][\\p{L}\\p{N}]++)*+");
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_DETAIL = 160;

    private LinkRules() {
    }

    /** What every kind's rule declares: metadata, examples, the message template. */
    record Meta(RuleInfo info, List<SourceRule.SourceExample> examples, String template) {
    }

    /** What every kind shares. */
    abstract static class Base implements SourceRule {
        private final RuleInfo info;
        private final List<SourceExample> examples;
        private final String template;

        Base(Meta m) {
            this.info = m.info();
            this.examples = List.copyOf(m.examples());
            this.template = m.template();
        }

        @Override
        public RuleInfo info() {
            return info;
        }

        @Override
        public List<SourceExample> examples() {
            return examples;
        }

        /** A hit on {@code [start, end)} of the translation, its message filled in. */
        Hit hit(BilingualArticle a, int start, int end, Link link, String detail, List<String> suggestions) {
            // a rule may make a hit per value or word of a sentence of megabytes: each one polls the article's budget
            dev.calque.model.Deadline.check();
            String text = a.target().text();
            String message = template.replace("{match}", text.substring(start, end))
                    .replace("{source}", shorten(link.source().of(a.original().text())))
                    .replace("{detail}", detail == null ? "" : detail);
            return new Hit(start, end, link, message, suggestions);
        }
    }

    static String shorten(String s) {
        // only the start is shown: a sentence of megabytes is not rewritten whole for each hit that quotes it
        boolean longer = s.length() > HEAD;
        String one = (longer ? s.substring(0, HEAD) : s).replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_DETAIL && !longer ? one : one.substring(0, Math.min(one.length(), MAX_DETAIL - 1)) + "…";
    }

    /** What {@link #shorten} reads of a text: enough for {@link #MAX_DETAIL} characters unless most are white space. */
    private static final int HEAD = 8 * MAX_DETAIL;

    static int words(String s) {
        Matcher m = WORD.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static String normalized(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** The target sentence nearest before link {@code i} (else after it), or null when the translation has none. */
    static Link neighbour(List<Link> links, int i) {
        for (int k = i - 1; k >= 0; k--) if (links.get(k).hasTarget()) return links.get(k);
        for (int k = i + 1; k < links.size(); k++) if (links.get(k).hasTarget()) return links.get(k);
        return null;
    }

    /** 1-0: an original sentence with no translation. */
    static final class Omission extends Base {
        private final int minWords;

        Omission(Meta b, int minWords) {
            super(b);
            this.minWords = minWords;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            List<Hit> out = new ArrayList<>();
            List<Link> links = a.alignment().sentences();
            for (int i = 0; i < links.size(); i++) {
                Link l = links.get(i);
                if (l.hasTarget() || !l.hasSource()) continue;
                String src = l.source().of(a.original().text());
                if (words(src) < minWords) continue;
                Link near = neighbour(links, i);
                if (near == null) continue;
                Link shown = new Link(near.target(), l.source(), l.segmentId(), l.type(), l.confidence());
                out.add(hit(a, near.target().start(), near.target().end(), shown, shorten(src), List.of()));
            }
            return out;
        }
    }

    /**
     * 0-1: a translated sentence with no original. And, with {@code z}, a sentence that rides along in a 1-2
     * link: the aligner readily joins a short extra sentence to its neighbour's link, so an added sentence
     * (a hallucination, a sentence of another story) shows as one original rendered by two sentences. One
     * of them is flagged when the two together are more than {@code z} spreads longer than the document's
     * ratio predicts, the other alone fits the original better, and it shares none of its words (numbers,
     * names, cognates) with the original while the other does.
     */
    static final class Addition extends Base {
        private final int minWords;
        private final double mean;
        private final double sd;
        private final Double z;

        Addition(Meta b, int minWords, double mean, double sd, Double z) {
            super(b);
            this.minWords = minWords;
            this.mean = mean;
            this.sd = sd;
            this.z = z;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            List<Hit> out = new ArrayList<>();
            if (a.original().text().isBlank()) return out;
            String tt = a.target().text();
            String st = a.original().text();
            double c = z == null ? 0 : ratio(a);
            Map<String, String> forms = conventions.of(a.original().language()).nameForms();
            for (Link l : a.alignment().sentences()) {
                if (!l.hasSource() && l.hasTarget()) {
                    if (words(l.target().of(tt)) < Math.max(1, minWords)) continue;
                    out.add(hit(a, l.target().start(), l.target().end(), l, null, List.of()));
                } else if (z != null && c > 0 && l.type() == LinkType.ONE_TWO) {
                    TextSpan rider = rider(tt, st, l, c, forms);
                    if (rider == null || words(rider.of(tt)) < Math.max(1, minWords)) continue;
                    Link shown = new Link(rider, l.source(), l.segmentId(), l.type(), l.confidence());
                    out.add(hit(a, rider.start(), rider.end(), shown, null, List.of()));
                }
            }
            return out;
        }

        /** The sentence of a 1-2 link that renders nothing of the original, or null. */
        private TextSpan rider(String tt, String st, Link l, double c, Map<String, String> forms) {
            List<TextSpan> two = Sentences.of(tt, l.target().start(), l.target().end());
            if (two.size() != 2) return null;
            int ls = Aligner.letters(st, l.source().start(), l.source().end());
            if (ls == 0) return null;
            double both = score(Aligner.letters(tt, l.target().start(), l.target().end()), ls, c);
            if (both <= z) return null;
            Set<String> source = Order.sourceTokens(l.source().of(st), forms);
            for (int k = 0; k < 2; k++) {
                TextSpan kept = two.get(k);
                TextSpan other = two.get(1 - k);
                double alone = score(Aligner.letters(tt, kept.start(), kept.end()), ls, c);
                if (Math.abs(alone) >= both) continue;
                Set<String> own = Order.tokens(other.of(tt));
                if (own.size() < 3 || Order.shared(own, source) > 0) continue;
                if (Order.shared(Order.tokens(kept.of(tt)), source) == 0) continue;
                return other;
            }
            return null;
        }

        private double score(int lt, int ls, double c) {
            return (Math.log(lt / (c * ls)) - mean) / sd;
        }
    }

    /** The document's own length ratio of translation to original, over its 1-1 sentence links (0 when none). */
    static double ratio(BilingualArticle a) {
        String t = a.target().text();
        String s = a.original().text();
        long lt = 0;
        long ls = 0;
        for (Link l : a.alignment().sentences()) {
            if (l.type() != LinkType.ONE_ONE) continue;
            lt += Aligner.letters(t, l.target().start(), l.target().end());
            ls += Aligner.letters(s, l.source().start(), l.source().end());
        }
        return lt == 0 || ls == 0 ? 0 : (double) lt / ls;
    }

    /**
     * A 1-1 sentence link whose translation is far shorter than the document's own ratio predicts:
     * {@code z = (ln(l_t / (c · l_s)) - mean) / sd} below {@code -z}; or, with {@code coverageZ}, below
     * {@code -coverageZ} while {@code minMissing} or more words of the original that the translation
     * renders elsewhere in the document are absent from the sentence (see {@link #unrendered}).
     */
    static final class LengthRatio extends Base {
        private final double mean;
        private final double sd;
        private final double z;
        private final int minChars;
        private final Double coverageZ;
        private final int minMissing;

        LengthRatio(Meta b, double mean, double sd, double z, int minChars, Double coverageZ, int minMissing) {
            super(b);
            this.mean = mean;
            this.sd = sd;
            this.z = z;
            this.minChars = minChars;
            this.coverageZ = coverageZ;
            this.minMissing = minMissing;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            String t = a.target().text();
            String s = a.original().text();
            List<Hit> out = new ArrayList<>();
            double c = ratio(a);
            if (c == 0) return out;
            Map<String, Integer> sourceKeys = coverageZ == null ? Map.of() : keyCounts(s);
            Map<String, Integer> targetKeys = coverageZ == null ? Map.of() : keyCounts(t);
            for (Link l : a.alignment().sentences()) {
                // a sentence split or two joined in translation is compared whole: a clause may go there too
                if (l.type() != LinkType.ONE_ONE && l.type() != LinkType.ONE_TWO && l.type() != LinkType.TWO_ONE) continue;
                int sl = Aligner.letters(s, l.source().start(), l.source().end());
                int tl = Aligner.letters(t, l.target().start(), l.target().end());
                if (tl == 0 || sl == 0) continue;
                double score = (Math.log(tl / (c * sl)) - mean) / sd;
                // a headline (no final punctuation) is telegraphic by convention ("Bombardier profit dips as plane
                // deliveries, orders fall"): shorter only counts with words of the original left unrendered
                boolean headline = headline(l.target().of(t));
                // a short sentence varies more: flagged at twice the spread below, from half the length on
                if (!headline && (score < -z && sl * Math.min(1.0, c) >= minChars || score < -2 * z && sl * Math.min(1.0, c) >= minChars / 2.0)) {
                    out.add(hit(a, l.target().start(), l.target().end(), l, null, List.of()));
                } else if (coverageZ != null && score < -coverageZ) {
                    List<String> gone = unrendered(l.source().of(s), l.target().of(t), sourceKeys, targetKeys,
                            conventions.of(a.original().language()).nameForms());
                    // a clause of the original rendered nowhere: only well below the ratio (the midpoint of the two spreads)
                    String clause = gone.size() >= minMissing || headline || score >= -(z + coverageZ) / 2 ? null
                            : uncoveredClause(l.source().of(s), l.target().of(t));
                    if (gone.size() >= minMissing) {
                        out.add(hit(a, l.target().start(), l.target().end(), l, " Nothing here renders “"
                                + String.join("”, “", gone) + "”.", List.of()));
                    } else if (clause != null) {
                        out.add(hit(a, l.target().start(), l.target().end(), l, " Nothing here renders “"
                                + shorten(clause) + "”.", List.of()));
                    }
                }
            }
            return out;
        }

        private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()«»\"“”—–]|\\s-\\s");

        /**
         * A clause of the original's sentence (between commas, semicolons, colons, brackets, quotes or dashes) with
         * three or more content words (five letters or more, numbers), none of which the translated sentence
         * writes with the same first four letters, while another clause has one that it does: the sentence
         * renders the original word for word somewhere, and that clause nowhere ("..., était au départ favorable
         * aux appels d'offres" left out). Null when there is none.
         */
        static String uncoveredClause(String s, String t) {
            Set<String> here = new HashSet<>();
            Matcher w = PLAIN_WORD.matcher(t);
            while (w.find()) here.add(key(w.group()));
            String uncovered = null;
            boolean covered = false;
            for (String clause : CLAUSE_BREAK.split(s)) {
                int content = 0;
                int rendered = 0;
                Matcher m = PLAIN_WORD.matcher(clause);
                while (m.find()) {
                    String x = m.group();
                    if (x.length() < 5 && !x.chars().allMatch(Character::isDigit)) continue;
                    content++;
                    if (here.contains(key(x))) rendered++;
                }
                if (rendered > 0) covered = true;
                else if (content >= 3 && uncovered == null) uncovered = clause.strip();
            }
            return covered ? uncovered : null;
        }

        /** A passage that ends with no sentence punctuation: a title or headline. */
        static boolean headline(String passage) {
            String p = passage.strip();
            if (p.isEmpty()) return false;
            char last = p.charAt(p.length() - 1);
            return Character.isLetterOrDigit(last);
        }

        /**
         * Words of the original's sentence that the translated sentence lacks (no word with the same first
         * five letters): names (capitalized, not first) and numbers, and words of five letters or more that
         * the translated document renders so elsewhere (a cognate), no more often in the original than in
         * the translation (so not a function word).
         */
        static List<String> unrendered(String s, String t, Map<String, Integer> sourceKeys, Map<String, Integer> targetKeys,
                                       Map<String, String> nameForms) {
            Set<String> here = keyCounts(t).keySet();
            List<String> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            // the words of a name the table renders (Royaume-Uni: United Kingdom, or UK) when the sentence has that form
            for (Map.Entry<String, String> e : nameForms.entrySet()) {
                if (!s.contains(e.getKey())) continue;
                StringBuilder initials = new StringBuilder();
                for (String part : e.getValue().split("\\s+")) if (!part.isEmpty()) initials.append(part.charAt(0));
                if (t.contains(e.getValue()) || initials.length() >= 2 && NameRule.initialsCount(t, initials.toString()) > 0) {
                    Matcher k = PLAIN_WORD.matcher(e.getKey());
                    while (k.find()) seen.add(key5(k.group()));
                }
            }
            Matcher m = PLAIN_WORD.matcher(s);
            while (m.find()) {
                String w = m.group();
                if (w.length() < 5 && !w.chars().allMatch(Character::isDigit) && !(w.length() >= 3 && Character.isUpperCase(w.charAt(0)))) continue;
                String k = key5(w);
                if (!seen.add(k) || here.contains(k)) continue;
                if (Character.isDigit(w.charAt(0)) && Pattern.compile("(?<!\\d)" + w + "(?!\\d)").matcher(t).find()) continue;
                int inTarget = targetKeys.getOrDefault(k, 0);
                boolean carried = Character.isUpperCase(w.charAt(0)) && m.start() > 0 || Character.isDigit(w.charAt(0));
                if (carried || inTarget > 0 && sourceKeys.getOrDefault(k, 0) <= inTarget) out.add(w);
            }
            return out;
        }

        private static Map<String, Integer> keyCounts(String text) {
            Map<String, Integer> out = new HashMap<>();
            Matcher m = PLAIN_WORD.matcher(text);
            while (m.find()) out.merge(key5(m.group()), 1, Integer::sum);
            return out;
        }

        /** The first five letters (cognates: responsable, responsible; not balayé, balance). */
        private static String key5(String word) {
            String p = Texts.plain(word);
            return p.length() > 5 ? p.substring(0, 5) : p;
        }

        static String key(String word) {
            String p = Texts.plain(word);
            return p.length() > 4 ? p.substring(0, 4) : p;
        }
    }

    /**
     * Paragraphs out of order: a translated paragraph that shares far more with another paragraph of the
     * original (numbers, names, cognates of five letters or more, by their first four letters) than with
     * the one it is aligned with. The alignment never crosses, so two swapped paragraphs end up aligned
     * with each other's originals, or unpaired; this reads the crossing the alignment cannot represent.
     */
    static final class Order extends Base {
        private static final int WINDOW = 3;
        /** What a shared word is worth against the log length probabilities: the aligner's anchor bonus. */
        private static final double PER_WORD = 2.0;
        private final int minShared;
        private final Double margin;

        /**
         * @param margin how much better (in log probability, shared words counted) two consecutive paragraphs must
         *               fit the original crossed than in their order to be flagged (see {@link #crossing}); null: no
         *               such test
         */
        Order(Meta b, int minShared, Double margin) {
            super(b);
            this.minShared = minShared;
            this.margin = margin;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            List<Hit> out = new ArrayList<>();
            String st = a.original().text();
            String tt = a.target().text();
            List<Link> ps = a.alignment().paragraphs();
            List<Set<String>> sources = new ArrayList<>();
            Set<Integer> flagged = new HashSet<>();
            for (Link p : ps) sources.add(p.hasSource() ? tokens(p.source().of(st)) : Set.of());
            for (int i = 0; i < ps.size(); i++) {
                Link p = ps.get(i);
                if (!p.hasTarget()) continue;
                Set<String> t = tokens(p.target().of(tt));
                int own = shared(t, sources.get(i));
                int best = -1;
                int bestShared = 0;
                for (int j = Math.max(0, i - WINDOW); j < Math.min(ps.size(), i + WINDOW + 1); j++) {
                    if (j == i || !ps.get(j).hasSource()) continue;
                    int n = shared(t, sources.get(j));
                    if (n > bestShared) {
                        bestShared = n;
                        best = j;
                    }
                }
                if (best < 0 || bestShared < minShared || bestShared < 2 * own + 1) continue;
                Link other = ps.get(best);
                Link shown = new Link(p.target(), other.source(), p.segmentId(), p.type(), p.confidence());
                out.add(hit(a, p.target().start(), p.target().end(), shown, "This paragraph renders "
                        + (best < i ? "an earlier" : "a later") + " paragraph of the original (“" + shorten(other.source().of(st))
                        + "”), not the one at its place.", List.of()));
                flagged.add(i);
            }
            if (margin == null) return out;
            // two short paragraphs swapped share too few words for the test above, but their lengths and what words
            // they share fit the original far better crossed: each paragraph the length of the other's original
            int ls = Aligner.letters(st, 0, st.length());
            double c = ls == 0 ? 0 : (double) Aligner.letters(tt, 0, tt.length()) / ls;
            Map<String, String> forms = conventions.of(a.original().language()).nameForms();
            for (int i = 0; c > 0 && i + 1 < ps.size(); i++) {
                Link p = ps.get(i);
                Link q = ps.get(i + 1);
                if (p.type() != LinkType.ONE_ONE || q.type() != LinkType.ONE_ONE || flagged.contains(i) || flagged.contains(i + 1)) continue;
                if (crossing(tt, st, p, q, c, PER_WORD, forms) <= margin) continue;
                Link shown = new Link(p.target(), q.source(), p.segmentId(), p.type(), p.confidence());
                out.add(hit(a, p.target().start(), p.target().end(), shown, "This paragraph and the next render the original's"
                        + " two in the other order: it fits the next one (“" + shorten(q.source().of(st)) + "”) far better than its own.", List.of()));
                flagged.add(i);
                flagged.add(i + 1);
            }
            return out;
        }

        /**
         * How much better two consecutive paragraph links fit crossed than as aligned: the log length probabilities
         * (Gale-Church, the document's ratio {@code c}) of the two crossed pairs minus those of the two aligned
         * ones, plus {@code perWord} for each shared word (numbers, names, cognates) more the crossed pairs have.
         */
        static double crossing(String tt, String st, Link p, Link q, double c, double perWord, Map<String, String> forms) {
            int tp = Aligner.letters(tt, p.target().start(), p.target().end());
            int tq = Aligner.letters(tt, q.target().start(), q.target().end());
            int sp = Aligner.letters(st, p.source().start(), p.source().end());
            int sq = Aligner.letters(st, q.source().start(), q.source().end());
            double length = lp(sq, tp, c) + lp(sp, tq, c) - lp(sp, tp, c) - lp(sq, tq, c);
            Set<String> a = tokens(p.target().of(tt));
            Set<String> b = tokens(q.target().of(tt));
            Set<String> x = sourceTokens(p.source().of(st), forms);
            Set<String> y = sourceTokens(q.source().of(st), forms);
            int words = shared(a, y) + shared(b, x) - shared(a, x) - shared(b, y);
            return length + perWord * words;
        }

        private static double lp(int ls, int lt, double c) {
            return Math.log(Math.max(1e-12, Aligner.lengthProbability(ls, lt, c)));
        }

        /** The tokens of a passage of the original, with those of the English form of each name it has (États-Unis: United States). */
        static Set<String> sourceTokens(String text, Map<String, String> forms) {
            Set<String> out = tokens(text);
            for (Map.Entry<String, String> e : forms.entrySet()) if (text.contains(e.getKey())) out.addAll(tokens(e.getValue()));
            return out;
        }

        static Set<String> tokens(String text) {
            Set<String> out = new HashSet<>();
            Matcher m = PLAIN_WORD.matcher(text);
            while (m.find()) {
                String w = m.group();
                if (w.length() >= 5 || w.chars().allMatch(Character::isDigit) || w.length() >= 3 && Character.isUpperCase(w.charAt(0))) {
                    out.add(LengthRatio.key(w));
                }
            }
            return out;
        }

        static int shared(Set<String> a, Set<String> b) {
            int n = 0;
            for (String x : a) if (b.contains(x)) n++;
            return n;
        }
    }

    /** A negation on one side of a link and none on the other. */
    static final class Negation extends Base {
        /** How far (share of the sentence's length) a weak negation of the original may stand from a plain one of the translation it renders. */
        private final double reach;

        Negation(Meta b, double reach) {
            super(b);
            this.reach = reach;
        }

        /**
         * A plain negation of the translation that no weak way of saying no of the original renders: none stands
         * near its place in the sentence (as a share of each side's length; a rendering keeps roughly its place,
         * "peu pratiques" at the end, "impractical" too), or null.
         */
        private int[] unrendered(Conventions src, String s, Conventions tgt, String t) {
            List<int[]> weak = src.negationsInForm(s);
            for (int[] n : tgt.negations(t, false)) {
                double at = (n[0] + n[1]) / 2.0 / t.length();
                boolean near = false;
                for (int[] w : weak) {
                    if (Math.abs((w[0] + w[1]) / 2.0 / s.length() - at) <= reach) near = true;
                }
                if (!near) return n;
            }
            return null;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            Conventions src = conventions.of(a.original().language());
            Conventions tgt = conventions.of("en");
            List<Hit> out = new ArrayList<>();
            for (Link l : a.alignment().sentences()) {
                if (!l.hasSource() || !l.hasTarget()) continue;
                String s0 = l.source().of(a.original().text());
                String t0 = l.target().of(a.target().text());
                // a word that renders a word of the other side that is no negation ("only": "seul") does not say no
                String s = src.withoutCounterparts(s0, tgt, t0);
                String t = tgt.withoutCounterparts(t0, src, s0);
                Boolean sn = src.negated(s);
                Boolean tn = tgt.negated(t);
                if (sn == null || tn == null) continue;
                if (sn && tn) {
                    // both negate, but the original more often than the translation says no in any way, even
                    // weakly: one of two negations dropped ("n'est pas mentionnée ... n'aurait pas dû")
                    int ns = src.negationCount(s, false);
                    int nt = tgt.negationCount(t, true);
                    if (ns >= 2 && nt < ns) {
                        out.add(hit(a, l.target().start(), l.target().end(), l, "The original says no " + ns
                                + " times, this sentence " + (nt == 1 ? "once" : nt + " times") + ": “" + shorten(s0) + "”.", List.of()));
                    }
                    continue;
                }
                if (sn.equals(tn)) continue;
                // a plain negation against a side that says no in no way, not even weakly ("unlikely", "peu")
                if (sn ? tgt.weaklyNegated(t) : src.weaklyNegated(s)) {
                    // but when the original negates plainly twice or more and the translation's weak ways of saying no
                    // are fewer, they render some and a negation went ("n'est pas très sophistiquée ... ne sont pas
                    // destinées": "unsophisticated ... are meant to"), as when both sides negate plainly
                    int ns = sn ? src.negationCount(s, false) : 0;
                    int nt = sn ? tgt.negationCount(t, true) : 0;
                    if (ns >= 2 && nt < ns) {
                        out.add(hit(a, l.target().start(), l.target().end(), l, "The original says no " + ns
                                + " times, plainly at least once (“" + shorten(s0.substring(src.firstNegation(s)[0], src.firstNegation(s)[1]))
                                + "”), this sentence " + (nt == 1 ? "once" : nt + " times") + " and never plainly: “" + shorten(s0) + "”.", List.of()));
                    }
                    // the reverse: the original says no only weakly ("peu pratiques", "refus"), the translation plainly and
                    // more often than the original does in any way ("had not to be given ... impractical"): a negation added
                    // (at least once: a litotes blanked before counting still says no weakly, "n'a pas fini de")
                    // or where none of the original's weak ways of saying no stands near the plain one's place
                    int[] far = sn ? null : unrendered(src, s, tgt, t);
                    if (!sn && (far != null || tgt.negationCount(t, true) > Math.max(1, src.negationCount(s, true)))) {
                        int[] neg = far != null ? far : tgt.firstNegation(t);
                        out.add(hit(a, l.target().start() + neg[0], l.target().start() + neg[1], l, "“" + t0.substring(neg[0], neg[1]).strip()
                                + "” negates, and the original says no only weakly, " + (far != null ? "elsewhere in the sentence" : "and less often")
                                + ": “" + shorten(s0) + "”.", List.of()));
                    }
                    continue;
                }
                if (sn) {
                    int[] neg = src.firstNegation(s);
                    out.add(hit(a, l.target().start(), l.target().end(), l, "The original says “"
                            + shorten(s0.substring(neg[0], neg[1])) + "”, a negation this sentence does not have: “"
                            + shorten(s0) + "”.", List.of()));
                } else {
                    int[] neg = tgt.firstNegation(t);
                    // the original writes the same word (an English name or quotation kept as it is)
                    if (java.util.regex.Pattern.compile("(?<!\\p{L})" + java.util.regex.Pattern.quote(t0.substring(neg[0], neg[1]).strip())
                            + "(?!\\p{L})").matcher(s0).find()) continue;
                    int from = l.target().start() + neg[0];
                    int to = l.target().start() + neg[1];
                    out.add(hit(a, from, to, l, "“" + t0.substring(neg[0], neg[1]).strip()
                            + "” negates, and the original has no negation: “" + shorten(s0) + "”.", List.of()));
                }
            }
            return out;
        }
    }

    /** A translated sentence that is its original, or that copies a run of the original's words. */
    static final class Copy extends Base {
        private final int minWords;

        Copy(Meta b, int minWords) {
            super(b);
            this.minWords = minWords;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            List<Hit> out = new ArrayList<>();
            if ("en".equals(a.original().language())) return out;
            for (Link l : a.alignment().sentences()) {
                if (!l.hasSource() || !l.hasTarget()) continue;
                String s = l.source().of(a.original().text());
                String t = l.target().of(a.target().text());
                String ns = normalized(s);
                String nt = normalized(t);
                if (words(t) >= minWords && (ns.equals(nt) || similarity(ns, nt) >= 0.85)) {
                    out.add(hit(a, l.target().start(), l.target().end(), l, shorten(t), List.of()));
                    continue;
                }
                int[] run = copiedRun(s, t);
                if (run != null) {
                    out.add(hit(a, l.target().start() + run[0], l.target().start() + run[1], l,
                            t.substring(run[0], run[1]), List.of()));
                }
            }
            return out;
        }

        /** The first run of {@code minWords}+ lower-case words of the original found as such in the translation. */
        private int[] copiedRun(String s, String t) {
            List<String> sw = new ArrayList<>();
            Matcher m = WORD.matcher(s);
            while (m.find()) sw.add(m.group());
            Set<String> grams = new HashSet<>();
            for (int i = 0; i + minWords <= sw.size(); i++) {
                List<String> g = sw.subList(i, i + minWords);
                if (g.stream().allMatch(w -> Character.isLowerCase(w.charAt(0)))
                        && g.stream().anyMatch(w -> w.length() >= 4)) {
                    grams.add(String.join(" ", g));
                }
            }
            if (grams.isEmpty()) return null;
            List<int[]> tw = new ArrayList<>();
            m = WORD.matcher(t);
            while (m.find()) tw.add(new int[] {m.start(), m.end()});
            for (int i = 0; i + minWords <= tw.size(); i++) {
                StringBuilder g = new StringBuilder();
                for (int k = i; k < i + minWords; k++) {
                    if (k > i) g.append(' ');
                    g.append(t, tw.get(k)[0], tw.get(k)[1]);
                }
                if (grams.contains(g.toString())) return new int[] {tw.get(i)[0], tw.get(i + minWords - 1)[1]};
            }
            return null;
        }

        /** Dice coefficient of character trigrams. */
        static double similarity(String a, String b) {
            if (a.length() < 3 || b.length() < 3) return a.equals(b) ? 1 : 0;
            Map<String, Integer> ga = new HashMap<>();
            for (int i = 0; i + 3 <= a.length(); i++) ga.merge(a.substring(i, i + 3), 1, Integer::sum);
            int common = 0;
            int nb = 0;
            for (int i = 0; i + 3 <= b.length(); i++) {
                nb++;
                Integer c = ga.get(b.substring(i, i + 3));
                if (c != null && c > 0) {
                    common++;
                    ga.put(b.substring(i, i + 3), c - 1);
                }
            }
            return 2.0 * common / (a.length() - 2 + nb);
        }
    }

    /** A quotation of the original (a few words or more between quotation marks) with no quotation marks in the translation. */
    static final class Quotes extends Base {
        private static final Pattern QUOTED = Pattern.compile("«\\s*([^»]+?)\\s*»|“([^”]+)”|\"([^\"]+)\"|「([^」]+)」|„([^“”]+)[“”]");
        private static final Pattern ANY_QUOTE = Pattern.compile("[\"“”«»„「」‘]|(?<![\\p{L}])'|'(?![\\p{L}])");
        private final int minWords;

        Quotes(Meta b, int minWords) {
            super(b);
            this.minWords = minWords;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            List<Hit> out = new ArrayList<>();
            for (Link l : a.alignment().sentences()) {
                if (!l.hasSource() || !l.hasTarget()) continue;
                String s = l.source().of(a.original().text());
                String t = l.target().of(a.target().text());
                if (ANY_QUOTE.matcher(t).find()) continue;
                Matcher m = QUOTED.matcher(s);
                while (m.find()) {
                    String q = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                            : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
                    // a title or name the translation writes as it is («National Catholic Reporter»): English
                    // italicizes titles rather than quoting them
                    if (t.contains(q)) continue;
                    if (words(q) >= minWords || q.codePoints().filter(Character::isIdeographic).count() >= 2L * minWords) {
                        out.add(hit(a, l.target().start(), l.target().end(), l, shorten(q), List.of()));
                        break;
                    }
                }
            }
            return out;
        }
    }

    /** Web and e-mail addresses, hashtags and handles of the original, which a translation keeps as they are. */
    static final class Verbatim extends Base {
        private static final Pattern TOKEN = Pattern.compile(
                "(?:https?://|www\\.)[^\\s<>\"«»“”]+[^\\s<>\"«»“”.,;:!?)]|(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|(?<![\\w@#])[#@][\\p{L}\\p{N}_]{2,}");

        Verbatim(Meta b) {
            super(b);
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            List<Hit> out = new ArrayList<>();
            String target = a.target().text();
            for (Link l : a.alignment().sentences()) {
                if (!l.hasSource()) continue;
                // an address starts where its run of word characters starts (from every letter of a long run
                // the pattern read the rest of the run), and the text is read under the article's deadline
                Matcher m = TOKEN.matcher(dev.calque.model.Deadline.guard(l.source().of(a.original().text())));
                while (m.find()) {
                    if (target.contains(m.group())) continue;
                    Link shown = l.hasTarget() ? l : null;
                    if (shown == null) continue; // the whole sentence is missing: the omission rule says so
                    out.add(hit(a, l.target().start(), l.target().end(), l, m.group(), List.of(m.group())));
                }
            }
            return out;
        }
    }

    /** The same original sentence translated two ways in one article, or two originals translated the same. */
    static final class Consistency extends Base {
        private final int minWords;

        Consistency(Meta b, int minWords) {
            super(b);
            this.minWords = minWords;
        }

        @Override
        public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
            List<Hit> out = new ArrayList<>();
            Map<String, Link> bySource = new HashMap<>();
            Map<String, Link> byTarget = new HashMap<>();
            String st = a.original().text();
            String tt = a.target().text();
            for (Link l : a.alignment().sentences()) {
                if (l.type() != LinkType.ONE_ONE) continue;
                String s = normalized(l.source().of(st));
                String t = normalized(l.target().of(tt));
                if (words(s) < minWords || words(t) < minWords) continue;
                Link first = bySource.putIfAbsent(s, l);
                if (first != null && !normalized(first.target().of(tt)).equals(t)) {
                    out.add(hit(a, l.target().start(), l.target().end(), l, "The same original (“" + shorten(l.source().of(st))
                            + "”) was translated “" + shorten(first.target().of(tt)) + "” before.", List.of(first.target().of(tt))));
                }
                Link same = byTarget.putIfAbsent(t, l);
                if (same != null && !normalized(same.source().of(st)).equals(s)) {
                    out.add(hit(a, l.target().start(), l.target().end(), l, "Two different originals (“" + shorten(same.source().of(st))
                            + "” and “" + shorten(l.source().of(st)) + "”) are translated the same.", List.of()));
                }
            }
            return out;
        }
    }
}
