package dev.calque.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text facts every stage needs the same way: words, paragraphs, lines. */
public final class Texts {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:['’\\-.][\\p{L}\\p{N}]++)*+");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Texts() {
    }

    /** The words of a text as {@link #wordCount} counts them ("l'AFP", "Val-d'Oise" and "U.S." one word each). */
    public static List<String> words(CharSequence text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Unicode's Stream-Safe Text Format (UAX #15): no run of more than 30 combining marks in any text. */
    private static final int MAX_MARKS = 30;

    /**
     * The text with every combining mark past the thirtieth of a run replaced by a space, one for each UTF-16 unit
     * (a word joiner in their place still cost LanguageTool a second per thousand), so that every offset stays the
     * text's. No script stacks more than a few marks on a letter (Unicode caps a stream-safe run at 30); a longer run
     * is "Zalgo" decoration or an attack, and Java's regular expressions look back over the whole run at every word
     * boundary inside it: 200,000 marks on one letter kept one article's check busy past its time limit. Returns the
     * text itself when no run is that long.
     */
    public static String streamSafe(String text) {
        StringBuilder out = null;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            run = mark ? run + 1 : 0;
            if (run > MAX_MARKS) {
                if (out == null) out = new StringBuilder(text);
                for (int k = 0; k < n; k++) out.setCharAt(i + k, ' ');
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** Lower case without accents: "Vallée" and "vallee" are one word, as names copied across languages are compared. */
    public static String plain(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the full stop at {@code dot} closes an initial or an abbreviated title ("J. Smith", "M. Chen",
     * "Mr. Mazanga"), not a sentence.
     */
    public static boolean abbreviationStop(CharSequence text, int dot) {
        int w = dot;
        while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
        String before = text.subSequence(w, dot).toString();
        return before.length() == 1 && Character.isUpperCase(before.charAt(0)) || TITLES.contains(before);
    }

    /** Abbreviated titles written with a full stop before a name, in the Latin-script languages Calque reads. */
    private static final java.util.Set<String> TITLES = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Mme", "Mmes", "Mlle",
            "Mgr", "Me", "Pr", "Prof", "Sr", "Sra", "Srta", "Jr", "Hr", "Fr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
            "Sgt", "Dott");

    /**
     * Where the one cut of a text to {@code max} characters ends ({@code --max-text-chars}, whatever read
     * the text): at the last white space before the limit when there is one within its last 5%, never
     * between the two halves of a surrogate pair; the text's length when it is within the limit.
     */
    public static int cutEnd(CharSequence text, int max) {
        if (text.length() <= max) return text.length();
        int end = max;
        for (int i = max; i > max * 0.95; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                end = i;
                break;
            }
        }
        if (end > 0 && Character.isLowSurrogate(text.charAt(end))) end--;
        return end;
    }

    /**
     * Line breaks as Unicode's line-breaking algorithm (UAX #14) has them mandatory, written as Calque reads
     * them: a lone CR (old Mac files), NEL and LINE SEPARATOR become a line feed, PARAGRAPH SEPARATOR a blank
     * line; CR LF is kept. The same text when it has none of them.
     */
    public static String lineBreaks(String text) {
        return lineBreaks(text, "\n\n");
    }

    /**
     * The same, written character for character (a paragraph separator a line feed too): for text whose
     * offsets something else holds already (a bilingual segment's inline codes).
     */
    public static String lineFeeds(String text) {
        return lineBreaks(text, "\n");
    }

    private static String lineBreaks(String text, String paragraph) {
        if (text == null) return null;
        int i = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) break;
        }
        if (i == text.length()) return text;
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> b.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? '\r' : '\n');
                case '\u2028', '\u0085' -> b.append('\n');
                case '\u2029' -> b.append(paragraph);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Whether a text has nothing to read: only white space of any kind (no-break and ideographic spaces
     * included, which {@link String#isBlank} counts as text), byte-order marks, zero-width and bidirectional
     * format characters, and control characters.
     */
    public static boolean blank(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            int t = Character.getType(c);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && t != Character.FORMAT && t != Character.CONTROL) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Whether a text has not one letter, in any script: only symbols, emoji, digits, punctuation and white space.
     * There is no word in it for a checker to read (LanguageTool would still spend minutes on a megabyte of emoji).
     */
    public static boolean letterless(CharSequence text) {
        return text.codePoints().noneMatch(Character::isLetter);
    }

    public static int wordCount(CharSequence text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /**
     * Paragraph spans {start, end} of a text: blocks between blank lines, or single lines when the
     * text has no blank line at all. Surrounding white space is trimmed from each span.
     */
    public static List<int[]> paragraphs(String text) {
        List<int[]> spans = new ArrayList<>();
        boolean blankSeparated = BLANK_LINE.matcher(text).find();
        Matcher sep = (blankSeparated ? BLANK_LINE : Pattern.compile("\\n")).matcher(text);
        int from = 0;
        while (sep.find()) {
            addTrimmed(text, from, sep.start(), spans);
            from = sep.end();
        }
        addTrimmed(text, from, text.length(), spans);
        return spans;
    }

    private static void addTrimmed(String text, int s, int e, List<int[]> out) {
        while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
        if (e > s) out.add(new int[] {s, e});
    }

    /** The headline: the first paragraph when it is short and not a sentence, else the fallback. */
    public static String titleOf(String text, String fallback) {
        List<int[]> ps = paragraphs(text);
        if (!ps.isEmpty()) {
            String first = text.substring(ps.get(0)[0], ps.get(0)[1]).strip();
            if (first.length() <= 200 && !first.contains("\n") && !first.endsWith(".")) return first;
        }
        return fallback;
    }

    /** Line starts of a text, for turning offsets into 1-based line and column quickly. */
    public static final class LineIndex {
        private final int[] starts;

        public LineIndex(String text) {
            int n = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
            starts = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        }

        /** 1-based line of an offset. */
        public int line(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        /** 1-based column of an offset, in UTF-16 units. */
        public int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }
    }
}
