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
 */
public record Conventions(String code, boolean decimalComma, Map<String, String> words, boolean capitalizedDates,
                       Map<String, String> nameForms, Pattern time, Pattern ordinal, Pattern century,
                       List<Pattern> negation) {

    public Conventions {
        words = Map.copyOf(words);
        nameForms = Map.copyOf(nameForms);
        negation = List.copyOf(negation);
    }

    /** A language Calque knows nothing particular about. */
    public static Conventions unknown(String code) {
        return new Conventions(code, false, Map.of(), false, Map.of(), null, null, null, List.of());
    }

    /** Whether the passage says "not" in any of the language's ways; {@code null} when the language has no patterns. */
    public Boolean negated(String passage) {
        if (negation.isEmpty()) return null;
        for (Pattern p : negation) {
            if (p.matcher(passage).find()) return true;
        }
        return false;
    }

    /** The first negation in a passage: {start, end}, or null. */
    public int[] firstNegation(String passage) {
        int[] best = null;
        for (Pattern p : negation) {
            Matcher m = p.matcher(passage);
            if (m.find() && (best == null || m.start() < best[0])) best = new int[] {m.start(), m.end()};
        }
        return best;
    }

    String word(String w) {
        return words.get(w.toLowerCase(Locale.ROOT));
    }
}
