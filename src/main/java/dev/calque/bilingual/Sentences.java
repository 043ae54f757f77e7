package dev.calque.bilingual;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sentence spans of a passage, for alignment: the same splitter on both sides, in any language.
 *
 * <p>A sentence ends at {@code . ! ? …} (with any closing quotes or brackets) followed by white space
 * and something that can start a sentence (a capital, a digit, an opening quote or dash), unless the
 * word before the full stop is an abbreviation or an initial; and at the CJK full stops {@code 。！？}
 * with no space after them. A line break inside a paragraph ends a sentence when the line ends with
 * sentence punctuation or the next line starts as a list item or headline does (a capital after a
 * line without final punctuation is taken for a headline only when the line is short).
 */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
            "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "vol", "fig", "approx", "dept", "est",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "m", "mm", "mme", "mmes", "mlle", "me", "pr", "ste", "av", "hr", "herr", "frau", "sra", "srta",
            "ud", "uds");
    /** Abbreviations written in lower case too ("about 5 km etc. The"): others count only capitalized. */
    private static final Set<String> LOWER_CASE_ABBREVIATIONS = Set.of(
            "etc", "vs", "approx", "cf", "env", "ca", "usw", "bzw", "resp", "p", "pp");

    private Sentences() {
    }

    /** Sentence spans within {@code [from, to)} of a text, trimmed, in order. */
    public static List<TextSpan> of(String text, int from, int to) {
        List<TextSpan> out = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '。' || c == '！' || c == '？') {
                end = skipClosers(text, i + 1, to);
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int j = i + 1;
                while (j < to && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) j++;
                j = skipClosers(text, j, to);
                if (j < to && Character.isWhitespace(text.charAt(j)) && startsSentence(text, j, to)
                        && !(c == '.' && abbreviation(text, start, i))) {
                    end = j;
                }
                if (end < 0) i = j - 1;
            } else if (c == '\n' && lineBreakEnds(text, start, i, to)) {
                end = i;
            }
            if (end > 0) {
                add(text, start, end, out);
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        add(text, start, to, out);
        return out;
    }

    private static int skipClosers(String text, int j, int to) {
        while (j < to && "\"'”’»)]」』）".indexOf(text.charAt(j)) >= 0) j++;
        return j;
    }

    private static boolean startsSentence(String text, int j, int to) {
        while (j < to && Character.isWhitespace(text.charAt(j))) j++;
        if (j >= to) return false;
        char n = text.charAt(j);
        return Character.isUpperCase(n) || Character.isDigit(n) || "\"'“‘«([¿¡—–-".indexOf(n) >= 0
                || Character.isIdeographic(n) || Character.isLetter(n) && !Character.isLowerCase(n);
    }

    private static boolean abbreviation(String text, int sentenceStart, int dot) {
        int k = dot;
        while (k > sentenceStart && Character.isLetter(text.charAt(k - 1))) k--;
        if (k == dot) return false; // "2." or ")." : not a word
        String word = text.substring(k, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return true; // an initial: "J. Smith"
        if (k > sentenceStart && text.charAt(k - 1) == '.') return true; // "U.S." / "e.g."
        return LOWER_CASE_ABBREVIATIONS.contains(word)
                || Character.isUpperCase(word.charAt(0)) && ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean lineBreakEnds(String text, int sentenceStart, int nl, int to) {
        int e = nl;
        while (e > sentenceStart && Character.isWhitespace(text.charAt(e - 1))) e--;
        if (e == sentenceStart) return false;
        char last = text.charAt(e - 1);
        if (".!?…:;。！？»”\"".indexOf(last) >= 0) return true;
        int n = nl + 1;
        while (n < to && text.charAt(n) == ' ') n++;
        if (n >= to) return false;
        char next = text.charAt(n);
        return "-*•–—".indexOf(next) >= 0 || Character.isUpperCase(next) && e - sentenceStart <= 80;
    }

    private static void add(String text, int s, int e, List<TextSpan> out) {
        while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
        if (e > s) out.add(new TextSpan(s, e));
    }
}
