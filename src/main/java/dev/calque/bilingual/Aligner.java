package dev.calque.bilingual;

import dev.calque.model.Deadline;
import dev.calque.model.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Aligns a translation with its original: paragraphs first, then sentences within each group of
 * aligned paragraphs, each time by the length-based dynamic programme of Gale and Church (1993)
 * with anchors. Links may be 1-1, 1-2, 2-1, 1-0 and 0-1 and never cross.
 *
 * <p>Costs: a link's length cost is Gale-Church's {@code -ln P(type) - ln 2(1 - Φ(|δ|))} (for 1-0 and 0-1 links the prior alone), with
 * {@code δ = (l_t - c·l_s) / sqrt(s² (c·l_s + l_t) / 2)}, where lengths count characters without white
 * space and {@code c} is the document's own target/source length ratio (so any language pair works,
 * Chinese as well as French). Each anchor (number, name, URL; see {@link Anchors}) the two sides share
 * lowers the cost, so an alignment follows shared numbers and names where lengths alone hesitate.
 *
 * <p>Confidence of a 1-1, 1-2 or 2-1 link: the mean of its length probability {@code 2(1 - Φ(|δ|))}
 * and its anchors' agreement (shared / all), or the length probability alone when neither side has an
 * anchor. Of a 1-0 or 0-1 link: how long the unpaired passage is ({@code 1 - e^{-chars/40}}), since a
 * long sentence with no counterpart is rarely an aligner's mistake.
 */
public final class Aligner {
    private static final double VARIANCE = 6.8;
    private static final double ANCHOR_BONUS = 2.0;
    private static final int MAX_ANCHOR_BONUSES = 4;
    /** Extra cost of a sentence link joining sentences of two paragraphs: a blank line rarely falls inside a sentence. */
    private static final double ACROSS_PARAGRAPHS = 8.0;
    private static final LinkType[] TYPES = LinkType.values();

    private Aligner() {
    }

    /** The alignment of a translated text with its original text. */
    public static Alignment align(String target, String source) {
        List<TextSpan> tp = paragraphs(target);
        List<TextSpan> sp = paragraphs(source);
        double ratio = ratio(target, source);
        List<Link> grouped = dp(source, sp, target, tp, ratio, null, true);
        List<Link> sentences = sentences(target, source, grouped, ratio);
        return new Alignment(split(grouped, sentences, source, target), sentences);
    }

    /**
     * A 1-2 or 2-1 paragraph link whose second paragraph got no sentence linked to the other side is
     * a 1-1 link and a 0-1 (or 1-0) one: length alone readily absorbs a short extra paragraph into its
     * neighbour's link, the sentences show whether it translates anything.
     */
    private static List<Link> split(List<Link> paragraphs, List<Link> sentences, String source, String target) {
        List<Link> out = new ArrayList<>();
        for (Link p : paragraphs) {
            if (p.type() != LinkType.ONE_TWO && p.type() != LinkType.TWO_ONE) {
                out.add(p);
                continue;
            }
            boolean targets = p.type() == LinkType.ONE_TWO;
            String text = targets ? target : source;
            TextSpan whole = targets ? p.target() : p.source();
            List<TextSpan> two = new ArrayList<>();
            Deadline.check();
            // the link's own text only: the text before it, read again for every such link, made this quadratic
            for (int[] q : Texts.paragraphs(text.substring(whole.start(), whole.end()))) {
                two.add(new TextSpan(whole.start() + q[0], whole.start() + q[1]));
            }
            Link done = null;
            for (int k = 0; k < two.size() && two.size() == 2 && done == null; k++) {
                TextSpan alone = two.get(k);
                TextSpan kept = two.get(1 - k);
                boolean unpaired = sentences.stream()
                        .filter(l -> (targets ? l.target() : l.source()).overlaps(alone.start(), alone.end()))
                        .allMatch(l -> targets ? !l.hasSource() : !l.hasTarget());
                if (!unpaired) continue;
                TextSpan other = targets ? p.source() : p.target();
                TextSpan at = new TextSpan(k == 0 ? other.start() : other.end(), k == 0 ? other.start() : other.end());
                Link pair = targets ? new Link(kept, other, p.segmentId(), LinkType.ONE_ONE, p.confidence())
                        : new Link(other, kept, p.segmentId(), LinkType.ONE_ONE, p.confidence());
                Link lone = targets
                        ? new Link(alone, at, p.segmentId(), LinkType.ZERO_ONE, unpairedConfidence(target, alone))
                        : new Link(at, alone, p.segmentId(), LinkType.ONE_ZERO, unpairedConfidence(source, alone));
                out.add(k == 0 ? lone : pair);
                out.add(k == 0 ? pair : lone);
                done = pair;
            }
            if (done == null) out.add(p);
        }
        return out;
    }

    /** Sentence links within given paragraph (or segment) links, which keep their segment ids. */
    public static List<Link> refine(String target, String source, List<Link> paragraphLinks) {
        return sentences(target, source, paragraphLinks, ratio(target, source));
    }

    private static List<Link> sentences(String target, String source, List<Link> paragraphLinks, double ratio) {
        List<Link> out = new ArrayList<>();
        for (Link p : paragraphLinks) {
            Deadline.check();
            List<TextSpan> ss = p.hasSource() ? sentencesIn(source, p.source()) : List.of();
            List<TextSpan> ts = p.hasTarget() ? sentencesIn(target, p.target()) : List.of();
            if (ss.size() == 1 && ts.size() == 1) {
                out.add(new Link(ts.get(0), ss.get(0), p.segmentId(), LinkType.ONE_ONE, p.confidence()));
            } else if (ss.isEmpty() || ts.isEmpty()) {
                for (TextSpan s : ss) out.add(new Link(new TextSpan(p.target().start(), p.target().start()), s,
                        p.segmentId(), LinkType.ONE_ZERO, unpairedConfidence(source, s)));
                for (TextSpan t : ts) out.add(new Link(t, new TextSpan(p.source().start(), p.source().start()),
                        p.segmentId(), LinkType.ZERO_ONE, unpairedConfidence(target, t)));
            } else {
                out.addAll(dp(source, ss, target, ts, ratio, p.segmentId(), false));
            }
        }
        return out;
    }

    /** Paragraph spans of a text, each sentence-split line kept whole. */
    private static List<TextSpan> paragraphs(String text) {
        List<TextSpan> out = new ArrayList<>();
        for (int[] p : Texts.paragraphs(text)) out.add(new TextSpan(p[0], p[1]));
        return out;
    }

    private static List<TextSpan> sentencesIn(String text, TextSpan span) {
        return Sentences.of(text, span.start(), span.end());
    }

    private static double ratio(String target, String source) {
        int s = letters(source, 0, source.length());
        int t = letters(target, 0, target.length());
        return s == 0 || t == 0 ? 1.0 : (double) t / s;
    }

    static int letters(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (!Character.isWhitespace(text.charAt(i))) n++;
        return n;
    }

    private static List<Link> dp(String source, List<TextSpan> ss, String target, List<TextSpan> ts, double ratio,
                                 String segmentId, boolean paragraphs) {
        int n = ss.size();
        int m = ts.size();
        int[] sl = new int[n];
        int[] tl = new int[m];
        List<Set<String>> sa = new ArrayList<>();
        List<Set<String>> ta = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sl[i] = letters(source, ss.get(i).start(), ss.get(i).end());
            sa.add(Anchors.of(source, ss.get(i).start(), ss.get(i).end()));
        }
        for (int j = 0; j < m; j++) {
            tl[j] = letters(target, ts.get(j).start(), ts.get(j).end());
            ta.add(Anchors.of(target, ts.get(j).start(), ts.get(j).end()));
        }
        Table table = new Table(n, m);
        table.set(0, 0, 0, null);
        for (int i = 0; i <= n; i++) {
            Deadline.check(); // a row costs a few thousand steps at most: the article's budget is polled row by row
            for (int j = table.lo[i]; j <= table.hi[i]; j++) {
                if (i == 0 && j == 0) continue;
                for (LinkType t : TYPES) {
                    int a = t.sources();
                    int b = t.targets();
                    if (i < a || j < b) continue;
                    double before = table.cost(i - a, j - b);
                    if (before == Double.POSITIVE_INFINITY) continue;
                    int ls = sum(sl, i - a, i);
                    int lt = sum(tl, j - b, j);
                    double c = before + lengthCost(t, ls, lt, ratio, paragraphs)
                            + (a == 2 && apart(source, ss, i - 2) || b == 2 && apart(target, ts, j - 2) ? ACROSS_PARAGRAPHS : 0)
                            - ANCHOR_BONUS * Math.min(MAX_ANCHOR_BONUSES, shared(sa, i - a, i, ta, j - b, j));
                    if (c < table.cost(i, j)) table.set(i, j, c, t);
                }
            }
        }
        List<Link> links = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            LinkType t = table.back(i, j);
            int a = t.sources();
            int b = t.targets();
            TextSpan s = a == 0 ? new TextSpan(i < n ? ss.get(i).start() : end(ss), i < n ? ss.get(i).start() : end(ss))
                    : new TextSpan(ss.get(i - a).start(), ss.get(i - 1).end());
            TextSpan tt = b == 0 ? new TextSpan(j < m ? ts.get(j).start() : end(ts), j < m ? ts.get(j).start() : end(ts))
                    : new TextSpan(ts.get(j - b).start(), ts.get(j - 1).end());
            double conf;
            if (a == 0 || b == 0) {
                conf = a == 0 ? unpairedConfidence(target, tt) : unpairedConfidence(source, s);
            } else {
                double len = lengthProbability(sum(sl, i - a, i), sum(tl, j - b, j), ratio);
                int all = union(sa, i - a, i, ta, j - b, j);
                conf = all == 0 ? len : (len + (double) shared(sa, i - a, i, ta, j - b, j) / all) / 2;
            }
            links.add(new Link(tt, s, segmentId, t, Math.max(0, Math.min(1, conf))));
            i -= a;
            j -= b;
        }
        java.util.Collections.reverse(links);
        return links;
    }

    /** Cells of the whole table up to which it is kept whole (a document of a thousand paragraphs a side). */
    private static final long WHOLE_TABLE = 1_000_000;
    /** The narrowest band kept around the diagonal of a larger table, in units either side. */
    private static final int NARROWEST_BAND = 32;

    /**
     * The dynamic programme's table: whole up to {@link #WHOLE_TABLE} cells, past that a band around the
     * diagonal from (0, 0) to (n, m), wide enough for the table to fill a fixed number of cells (and never
     * narrower than the slope, so a path always crosses it). A paired document of 20,000 one-word
     * paragraphs a side asked for 400 million cells (3.2 GB before any budget could stop it); the band
     * keeps time and memory linear in the units, and aligns every ordinary document exactly as before.
     */
    private static final class Table {
        final int[] lo;
        final int[] hi;
        private final double[][] cost;
        private final byte[][] back;

        Table(int n, int m) {
            lo = new int[n + 1];
            hi = new int[n + 1];
            cost = new double[n + 1][];
            back = new byte[n + 1][];
            boolean whole = (long) (n + 1) * (m + 1) <= WHOLE_TABLE || n == 0 || m == 0;
            long width = whole ? m : Math.max(Math.max(NARROWEST_BAND, WHOLE_TABLE / (2L * (n + 1))), (m + n - 1) / n + 2);
            for (int i = 0; i <= n; i++) {
                long centre = n == 0 ? 0 : Math.round((double) i * m / n);
                lo[i] = (int) Math.max(0, centre - width);
                hi[i] = (int) Math.min(m, centre + width);
                cost[i] = new double[hi[i] - lo[i] + 1];
                java.util.Arrays.fill(cost[i], Double.POSITIVE_INFINITY);
                back[i] = new byte[hi[i] - lo[i] + 1];
            }
        }

        double cost(int i, int j) {
            return j < lo[i] || j > hi[i] ? Double.POSITIVE_INFINITY : cost[i][j - lo[i]];
        }

        void set(int i, int j, double c, LinkType t) {
            cost[i][j - lo[i]] = c;
            back[i][j - lo[i]] = (byte) (t == null ? 0 : t.ordinal() + 1);
        }

        LinkType back(int i, int j) {
            return TYPES[back[i][j - lo[i]] - 1];
        }
    }

    /** Whether two consecutive units lie in different paragraphs (a blank line between them). */
    private static boolean apart(String text, List<TextSpan> units, int first) {
        String gap = text.substring(units.get(first).end(), units.get(first + 1).start());
        return gap.chars().filter(ch -> ch == '\n').count() >= 2;
    }

    private static int end(List<TextSpan> spans) {
        return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).end();
    }

    private static double unpairedConfidence(String text, TextSpan s) {
        return 1 - Math.exp(-letters(text, s.start(), s.end()) / 40.0);
    }

    private static int sum(int[] l, int from, int to) {
        int s = 0;
        for (int k = from; k < to; k++) s += l[k];
        return s;
    }

    private static int shared(List<Set<String>> sa, int si, int se, List<Set<String>> ta, int ti, int te) {
        if (si == se || ti == te) return 0;
        Set<String> s = new java.util.HashSet<>();
        for (int k = si; k < se; k++) s.addAll(sa.get(k));
        int n = 0;
        Set<String> t = new java.util.HashSet<>();
        for (int k = ti; k < te; k++) t.addAll(ta.get(k));
        for (String x : t) if (s.contains(x)) n++;
        return n;
    }

    private static int union(List<Set<String>> sa, int si, int se, List<Set<String>> ta, int ti, int te) {
        Set<String> u = new java.util.HashSet<>();
        for (int k = si; k < se; k++) u.addAll(sa.get(k));
        for (int k = ti; k < te; k++) u.addAll(ta.get(k));
        return u.size();
    }

    /** Gale and Church's priors for sentences; news keeps its paragraphs, so merging them is rarer. */
    private static double prior(LinkType t, boolean paragraphs) {
        return switch (t) {
            case ONE_ONE -> 0.89;
            case ONE_TWO, TWO_ONE -> paragraphs ? 0.01 : 0.045;
            case ONE_ZERO, ZERO_ONE -> 0.005;
        };
    }

    /**
     * A link's cost. A 1-0 or 0-1 link costs its prior alone: Gale and Church also charge it the length
     * probability of a passage rendered by nothing, which grows with the passage and makes the aligner
     * absorb a long untranslated sentence into a badly fitting 2-1 link instead of admitting it.
     */
    private static double lengthCost(LinkType t, int ls, int lt, double ratio, boolean paragraphs) {
        if (t.sources() == 0 || t.targets() == 0) return -Math.log(prior(t, paragraphs));
        return -Math.log(prior(t, paragraphs)) - Math.log(Math.max(1e-12, lengthProbability(ls, lt, ratio)));
    }

    /** Gale-Church: how likely a source passage of {@code ls} characters is rendered in {@code lt}. */
    static double lengthProbability(int ls, int lt, double ratio) {
        double expected = ratio * ls;
        if (expected + lt == 0) return 1;
        double delta = (lt - expected) / Math.sqrt(VARIANCE * (expected + lt) / 2);
        return 2 * (1 - phi(Math.abs(delta)));
    }

    /** Standard normal distribution function (Abramowitz and Stegun 26.2.17). */
    private static double phi(double x) {
        double t = 1 / (1 + 0.2316419 * x);
        double d = 0.3989422804014327 * Math.exp(-x * x / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - p;
    }
}
