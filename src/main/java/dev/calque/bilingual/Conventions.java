package dev.calque.bilingual;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one language writes what the checks against the original compare, as its section of a rule
 * file's {@code bilingual: languages:} declares it. A language with no section still gets every
 * language-independent check (numbers in digits, names in Latin script, addresses, alignment).
 *
 * @param code            ISO 639-1 code
 * @param decimalComma    whether {@code 1,5} is one and a half (else {@code 1,500} is fifteen hundred)
 * @param words           lower-case word -> {@code 2}, {@code x1000000} (a scale), {@code month:N}, {@code weekday:N}
 * @param capitalizedDates whether month and weekday names are capitalized (English): "may" is then not May
 * @param nameForms       a name as this language writes it -> as English writes it (Poutine -> Putin)
 * @param time            times of day; groups: hour, minutes, and optionally a/p (12-hour clock), or
 *                        hour and minutes again in groups 4 and 5 (a second form)
 * @param ordinal         ordinal numbers written with digits; group 1 is the number
 * @param century         centuries; group 1 is the number, in digits or Roman numerals
 * @param negation        patterns of negation
 * @param weakNegation    patterns that say no less plainly ("unlikely", "peu"): a translation may render
 *                        a negation with one, so a sentence with one is neither plainly negative nor plainly positive
 * @param units           units of measure: a number before one is not compared when the translation converts units
 * @param articles        words that before a capitalized word make it a common noun or an institution
 * @param notNames        capitalized words that are no names (demonyms, holidays), or null
 * @param unspaced        whether words are written without spaces between them (Chinese): the words of
 *                        {@link #words} are then found by longest match anywhere, and numerals compose as
 *                        the language writes them (三十五 = 35, 一百万 = 1000000, 26万亿 = 26 × 10^12)
 * @param month           months written with digits (2月 = February, 2023-02-11); the first group that
 *                        matched is the month's number; or null
 * @param notNegation     negations in form that say yes or "only" in meaning (litotes such as "n'a pas fini de",
 *                        "ne manque pas de"; "ne ... pas seulement"): blanked before negation is looked for
 * @param negationJoiner  a word that carries on a negation rather than adding one ("sans X ni Y"): not
 *                        counted when negations are counted; or null
 * @param counterparts    classes of words that one language's negations or weak negations render from the other's
 *                        words that are no negation, by class name: "only" renders "seul", "instead" renders
 *                        "plutôt", "non-compliance" renders "non-respect". A word of a class that the other side
 *                        also has is blanked before negation is looked for (see {@link #withoutCounterparts})
 * @param nameArticles    {@link #articles} after which a capitalized word that ends its phrase is a name as anywhere
 *                        (French l', au, du: "dans l'Essex", "au Hezbollah"); one whose phrase goes on in lower case
 *                        is an institution the language capitalizes ("du Conseil italien")
 * @param clauseGoesOn    words that carry the clause on after a name, so that a lower-case word after them does not
 *                        make the name an institution's first word ("au Hezbollah au Liban", "l'Essex a"); or null
 * @param placePreposition the prepositions of place, as the end of a passage ("lives in "): after one, a demonym that
 *                        qualifies no noun stands for a place ("lives in French with"); or null
 * @param functionWord    words that are no noun, at a passage's start ("with", "is"): after a word, one of them says the
 *                        word qualifies no noun ("in French with his family", not "in French politics"); or null
 * @param nameJoiner      the lower-case words that join the capitalized words of one name ("Bank of England", "Centre for
 *                        Health and Social Services", "Institut du Nouveau Monde" as English copies it), as alternatives
 *                        of a pattern; or null (the words of a name are then joined by spaces only)
 * @param subjectVerb     auxiliaries and copulas ("is", "has", "will") as the words after a word: a singular demonym
 *                        before one is a noun, the subject of its clause ("Although European is working"), which
 *                        stands for a person, a place or an organisation; or null
 * @param determiner      determiners ("the", "a") as the end of a passage: a demonym after one is a people or one of
 *                        them ("the British have", "a European is"), not a name; or null
 * @param capitals        a word English capitalizes (a demonym, a party, the Earth) -> the words of this language that it
 *                        renders when their first letters differ (French: "français", "France"; Labour: "travailliste"),
 *                        as a pattern; the key is the English word's beginning
 */
public record Conventions(String code, boolean decimalComma, Map<String, String> words, boolean capitalizedDates,
                       Map<String, String> nameForms, Pattern time, Pattern ordinal, Pattern century,
                       List<Pattern> negation, List<Pattern> weakNegation, java.util.Set<String> units,
                       java.util.Set<String> articles, Pattern notNames, boolean unspaced, Pattern month,
                       List<Pattern> notNegation, Pattern negationJoiner, Map<String, Pattern> counterparts,
                       java.util.Set<String> nameArticles, Pattern clauseGoesOn, Pattern placePreposition, Pattern functionWord,
                       Pattern nameJoiner, Pattern subjectVerb, Pattern determiner, Map<String, Pattern> capitals) {

    public Conventions {
        words = Map.copyOf(words);
        nameForms = Map.copyOf(nameForms);
        negation = List.copyOf(negation);
        weakNegation = List.copyOf(weakNegation);
        units = java.util.Set.copyOf(units);
        articles = java.util.Set.copyOf(articles);
        notNegation = List.copyOf(notNegation);
        counterparts = Map.copyOf(counterparts);
        nameArticles = java.util.Set.copyOf(nameArticles);
        capitals = Map.copyOf(capitals);
    }

    /** A language Calque knows nothing particular about. */
    public static Conventions unknown(String code) {
        return new Conventions(code, false, Map.of(), false, Map.of(), null, null, null, List.of(), List.of(),
                java.util.Set.of(), java.util.Set.of(), null, false, null, List.of(), null, Map.of(), java.util.Set.of(), null, null, null, null, null, null, Map.of());
    }

    /** Whether the passage says no in a weaker way ({@link #weakNegation}). */
    public boolean weaklyNegated(String passage) {
        for (Pattern p : weakNegation) {
            if (p.matcher(passage).find()) return true;
        }
        return false;
    }

    /**
     * The passage with the words of each {@link #counterparts} class blanked (same length, so offsets hold) when the
     * other language's passage has a word of the same class: a translation's "only" then renders the original's
     * "seul", its "instead" the original's "plutôt", its "non-compliance" the original's "non-respect", none of
     * them the original's negation ("n'est pas le seul titre": "is the only track", the negation gone).
     */
    public String withoutCounterparts(String passage, Conventions other, String otherPassage) {
        String out = passage;
        String there = null;
        for (Map.Entry<String, Pattern> e : counterparts.entrySet()) {
            Pattern theirs = other.counterparts.get(e.getKey());
            if (theirs == null) continue;
            if (there == null) there = other.withoutNotNegation(otherPassage);
            if (theirs.matcher(there).find()) out = blank(out, e.getValue());
        }
        return out;
    }

    private static String blank(String text, Pattern p) {
        StringBuilder b = new StringBuilder(text);
        blank(b, p, text);
        return b.toString();
    }

    /** Replaces by spaces in {@code b} what the pattern matches in {@code in} (same length, so offsets hold). */
    private static void blank(StringBuilder b, Pattern p, String in) {
        Matcher m = p.matcher(in);
        while (m.find()) for (int i = m.start(); i < m.end(); i++) b.setCharAt(i, ' ');
    }

    /** Whether the passage says "not" in any of the language's ways; {@code null} when the language has no patterns. */
    public Boolean negated(String passage) {
        if (negation.isEmpty()) return null;
        String text = withoutNotNegation(passage);
        for (Pattern p : negation) {
            if (p.matcher(text).find()) return true;
        }
        return false;
    }

    /** The first negation in a passage: {start, end}, or null. */
    public int[] firstNegation(String passage) {
        int[] best = null;
        String text = withoutNotNegation(passage);
        for (Pattern p : negation) {
            Matcher m = p.matcher(text);
            if (m.find() && (best == null || m.start() < best[0])) best = new int[] {m.start(), m.end()};
        }
        return best;
    }

    /**
     * How many times the passage says no: the matches of {@link #negation} (or, with {@code weak}, of
     * {@link #weakNegation} too), overlapping matches counted once.
     */
    public int negationCount(String passage, boolean weak) {
        return negations(passage, weak).size();
    }

    /**
     * Where the passage says no: the matches of {@link #negation} (or, with {@code weak}, of {@link #weakNegation}
     * too), {start, end} in order, overlapping matches merged, a {@link #negationJoiner} left out.
     */
    public List<int[]> negations(String passage, boolean weak) {
        String text = withoutNotNegation(passage);
        List<int[]> spans = new java.util.ArrayList<>();
        for (Pattern p : negation) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (negationJoiner != null && negationJoiner.matcher(m.group()).matches()) continue;
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        if (weak) {
            for (Pattern p : weakNegation) {
                Matcher m = p.matcher(text);
                while (m.find()) spans.add(new int[] {m.start(), m.end()});
            }
        }
        spans.sort(java.util.Comparator.comparingInt(x -> x[0]));
        List<int[]> out = new java.util.ArrayList<>();
        for (int[] x : spans) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && x[0] < last[1]) last[1] = Math.max(last[1], x[1]);
            else out.add(x.clone());
        }
        return out;
    }

    /**
     * Where the passage says no in form: {@link #negations} with the weak ways, and the {@link #notNegation} matches
     * (a litotes, "n'a pas fini de", rendered word for word says no in the same place), {start, end} in order.
     */
    public List<int[]> negationsInForm(String passage) {
        List<int[]> out = new java.util.ArrayList<>(negations(passage, true));
        for (Pattern p : notNegation) {
            Matcher m = p.matcher(passage);
            while (m.find()) out.add(new int[] {m.start(), m.end()});
        }
        out.sort(java.util.Comparator.comparingInt(x -> x[0]));
        return out;
    }

    /** The passage with every {@link #notNegation} match replaced by spaces (same length, so offsets hold). */
    String withoutNotNegation(String passage) {
        if (notNegation.isEmpty()) return passage;
        StringBuilder b = new StringBuilder(passage);
        for (Pattern p : notNegation) blank(b, p, passage);
        return b.toString();
    }

    /** What a word stands for: an entry written with capitals matches only as written (M, Md), others in any case. */
    String word(String w) {
        String exact = words.get(w);
        return exact != null ? exact : words.get(w.toLowerCase(Locale.ROOT));
    }

    /** The longest entry of {@link #words} written at {@code at} (for a language without spaces), or null. */
    String longestWordAt(String s, int at) {
        int longest = 0;
        for (String k : words.keySet()) longest = Math.max(longest, k.length());
        for (int len = Math.min(longest, s.length() - at); len > 0; len--) {
            if (words.containsKey(s.substring(at, at + len))) return s.substring(at, at + len);
        }
        return null;
    }
}
