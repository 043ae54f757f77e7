package dev.calque.bilingual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every number, time and century (or, for the {@code dates} rule, every month and weekday) of the
 * original is in the translation of its sentence, and the translation has none the original lacks.
 * Values are compared after each language's conventions (see {@link Quantities}); a value written as
 * words may stand for one in digits but is not required itself ("les deux dirigeants" may become
 * "both leaders"). A value missing from the aligned sentence but present in the aligned paragraph is
 * not flagged: sentence alignment can be off by one where paragraph alignment is not.
 */
final class NumberRule extends LinkRules.Base {
    private final boolean dates;

    NumberRule(LinkRules.Meta b, boolean dates) {
        super(b);
        this.dates = dates;
    }

    @Override
    public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
        Conventions src = conventions.of(a.original().language());
        Conventions tgt = conventions.of("en");
        // months and weekdays need the original's words for them: a language with no section is not read
        if (dates && src.words().isEmpty()) return List.of();
        java.util.Set<String> units = new java.util.HashSet<>(src.units());
        units.addAll(tgt.units());
        String st = a.original().text();
        String tt = a.target().text();
        List<Hit> out = new ArrayList<>();
        List<Link> ps = a.alignment().paragraphs();
        java.util.Map<Link, Integer> paragraphIndex = new java.util.HashMap<>();
        for (int i = 0; i < ps.size(); i++) paragraphIndex.put(ps.get(i), i);
        // the values around each paragraph (original, translation), read once for all its sentences
        java.util.Map<Link, List<List<Quantities.Value>>> aroundValues = new java.util.HashMap<>();
        for (Link l : a.alignment().sentences()) {
            if (!l.hasSource() || !l.hasTarget()) continue;
            String s = l.source().of(st);
            String t = l.target().of(tt);
            List<Quantities.Value> tv = relevant(Quantities.of(t, tgt, units));
            // a translation that converts units (km to miles) changes the numbers before them
            boolean converted = tv.stream().anyMatch(Quantities.Value::measure);
            List<Quantities.Value> sv = relevant(Quantities.of(s, src, units)).stream().filter(v -> !converted || !v.measure()).toList();
            if (converted) tv = tv.stream().filter(v -> !v.measure()).toList();
            if (sv.isEmpty() && tv.isEmpty()) continue;
            Link p = a.alignment().paragraphAt(l.target().start());
            List<List<Quantities.Value>> around = p == null ? null : aroundValues.computeIfAbsent(p, x -> List.of(
                    x.hasSource() ? relevant(Quantities.of(around(a, ps, paragraphIndex.get(x), st, true), src, units)) : List.of(),
                    relevant(Quantities.of(around(a, ps, paragraphIndex.get(x), tt, false), tgt, units))));
            List<Quantities.Value> pSource = p == null || !p.hasSource() ? sv : around.get(0);
            List<Quantities.Value> pTarget = p == null ? tv : around.get(1);
            List<Quantities.Value> unmatchedTarget = new ArrayList<>(tv);
            List<Quantities.Value> missing = new ArrayList<>();
            for (Quantities.Value v : sv) {
                Quantities.Value m = match(v, unmatchedTarget);
                if (m != null) {
                    unmatchedTarget.remove(m);
                } else if (!v.spelled() && match(v, pTarget) == null) {
                    missing.add(v);
                }
            }
            // "jeudi 31 octobre" -> "31 October": a weekday beside a date the translation gives is redundant
            List<Quantities.Value> sourceValues = sv;
            List<Quantities.Value> targetValues = tv;
            missing.removeIf(v -> v.key().startsWith("weekday:") && besideRenderedMonth(v, sourceValues, targetValues));
            List<Quantities.Value> extra = new ArrayList<>();
            for (Quantities.Value v : unmatchedTarget) {
                if (v.spelled() && !v.isDate()) continue;
                // the original writes it the same way (an English title or name kept as it is: "Saturday Night Live")
                String written = t.substring(v.start(), v.end());
                if (match(v, sv) == null && match(v, pSource) == null && !s.contains(written)) extra.add(v);
            }
            // a changed value: one missing, one extra in the same sentence: one finding on the new value
            while (!missing.isEmpty() && !extra.isEmpty()) {
                Quantities.Value was = missing.remove(0);
                Quantities.Value now = extra.remove(0);
                out.add(hit(a, l.target().start() + now.start(), l.target().start() + now.end(), l,
                        "The original has “" + s.substring(was.start(), was.end()) + "” (" + show(was) + "), the translation “"
                                + t.substring(now.start(), now.end()) + "”.", List.of()));
            }
            for (Quantities.Value was : missing) {
                out.add(hit(a, l.target().start(), l.target().end(), l, "The original has “" + s.substring(was.start(), was.end())
                        + "” (" + show(was) + "), which this sentence does not have.", List.of()));
            }
            for (Quantities.Value now : extra) {
                out.add(hit(a, l.target().start() + now.start(), l.target().start() + now.end(), l, "“"
                        + t.substring(now.start(), now.end()) + "” is not in the original: “" + LinkRules.shorten(s) + "”.", List.of()));
            }
        }
        return out;
    }

    /**
     * The paragraph's original (or translation), joined to its neighbour's where a paragraph break cuts a
     * sentence on either side ("… un jour d'avance sur la date limite du" / "1er novembre fixée …" against
     * "… ahead of the Nov." / "1 deadline set …"): a value carried across that break moved with its sentence.
     */
    private static String around(BilingualArticle a, List<Link> ps, int i, String text, boolean source) {
        Link p = ps.get(i);
        StringBuilder out = new StringBuilder(side(p, text, source));
        if (i > 0 && cut(ps.get(i - 1), a)) out.insert(0, side(ps.get(i - 1), text, source) + "\n\n");
        if (i + 1 < ps.size() && cut(p, a)) out.append("\n\n").append(side(ps.get(i + 1), text, source));
        return out.toString();
    }

    private static String side(Link p, String text, boolean source) {
        TextSpan span = source ? p.source() : p.target();
        return span == null ? "" : span.of(text);
    }

    /** Whether the paragraph ends mid-sentence in the original or the translation (no final punctuation). */
    private static boolean cut(Link p, BilingualArticle a) {
        if (!p.hasSource() || !p.hasTarget()) return false;
        return !endsSentence(p.source().of(a.original().text())) || !endsSentence(p.target().of(a.target().text()));
    }

    private static boolean endsSentence(String paragraph) {
        String t = paragraph.strip();
        return !t.isEmpty() && ".!?…:;\"'»”’)。！？".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** Whether a month of the original is beside the weekday (a day number between at most) and the translation has it. */
    private static boolean besideRenderedMonth(Quantities.Value weekday, List<Quantities.Value> sv, List<Quantities.Value> tv) {
        for (Quantities.Value m : sv) {
            boolean near = m.start() >= weekday.end() ? m.start() - weekday.end() <= 12 : weekday.start() - m.end() <= 12;
            if (m.key().startsWith("month:") && near && match(m, tv) != null) return true;
        }
        return false;
    }

    private List<Quantities.Value> relevant(List<Quantities.Value> all) {
        return all.stream().filter(v -> v.isDate() == dates).toList();
    }

    private static Quantities.Value match(Quantities.Value v, List<Quantities.Value> in) {
        for (Quantities.Value w : in) if (same(v, w)) return w;
        return null;
    }

    private static boolean same(Quantities.Value a, Quantities.Value b) {
        if (a.key().equals(b.key())) return true;
        // "6 heures" may be a time or six hours; a century is its ordinal: compare them as numbers too
        String px = plainNumber(a.key());
        String py = plainNumber(b.key());
        if (px != null && px.equals(py)) return true;
        if (a.key().startsWith("n:") && b.key().startsWith("n:")) {
            BigDecimal x = new BigDecimal(a.key().substring(2));
            BigDecimal y = new BigDecimal(b.key().substring(2));
            return x.compareTo(y) == 0;
        }
        return false;
    }

    private static String plainNumber(String key) {
        if (key.startsWith("t:") && key.endsWith(":00")) return key.substring(2, key.length() - 3);
        if (key.startsWith("c:")) return key.substring(2);
        if (key.startsWith("n:")) return key.substring(2);
        return null;
    }

    private static String show(Quantities.Value v) {
        String k = v.key();
        if (k.startsWith("n:")) return k.substring(2);
        if (k.startsWith("t:")) return "the time " + k.substring(2);
        if (k.startsWith("c:")) return "century " + k.substring(2);
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"};
        String[] days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        if (k.startsWith("month:")) return months[Integer.parseInt(k.substring(6)) - 1];
        return days[Integer.parseInt(k.substring(8)) - 1];
    }
}
