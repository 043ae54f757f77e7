package dev.calque.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Measures, when a rule file is loaded, how the time a regular expression takes grows with its input.
 * LanguageTool matches an XML rule's token expressions ({@code matches()} on a token of up to 250
 * characters) and sentence expressions ({@code find()} over a whole sentence) with Java's engine, which
 * no deadline can stop mid-match. {@link NestedRepetition} refuses the exponential shape it can see;
 * the polynomial ones ({@code \w*\w*\w*\d}: six unbounded repetitions over one letter class took
 * more than 100 s on a 300-letter sentence) and any it cannot see are found here by running the
 * expression over long runs of one character (each character the expression names, and a letter, a
 * capital, a digit, a space and punctuation), each run ended by a character nothing matches, at two
 * lengths, counting the characters the engine reads. Linear and quadratic growth pass (a sentence
 * expression's {@code find()} tries every start); growth of a higher degree, or a read budget spent,
 * refuses the expression. The count is of reads, not of time: the result does not depend on the load
 * of the machine.
 */
final class RegexCost {
    /** Lengths of the probes: a token is at most 250 characters (LanguageTool's {@code StringMatcher}). */
    static final int SHORT = 120;
    static final int LONG = 240;
    /** Reads allowed for one probe: far above any quadratic cost at {@link #LONG} (about 30,000 reads). */
    static final long BUDGET = 5_000_000;
    /** Reads growing more than this many times from the short probe to the long one (double the length): above quadratic's 4. */
    static final double RATIO = 6.0;

    private RegexCost() {
    }

    /**
     * Why the expression is refused, or null when it is linear or quadratic on every probe (or does
     * not compile: LanguageTool's loader reports that itself).
     *
     * @param sentence true for a sentence expression (searched), false for a token one (matched whole)
     */
    static String superQuadratic(String regex, boolean sentence) {
        Pattern p;
        try {
            p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException | StackOverflowError e) {
            return null;
        }
        for (String unit : probes(regex)) {
            long small = reads(p, unit, SHORT, sentence);
            long large = reads(p, unit, LONG, sentence);
            if (large < 0 || small < 0) {
                return "on " + LONG + " characters of '" + shown(unit) + "' repeated it reads more than "
                        + String.format(java.util.Locale.ROOT, "%,d", BUDGET) + " characters";
            }
            if (large > 50_000 && large > RATIO * small) {
                return String.format(java.util.Locale.ROOT, "its cost grows %.0f times when a run of '%s' doubles from %d to %d"
                        + " characters (more than quadratic)", (double) large / Math.max(1, small), shown(unit), SHORT, LONG);
            }
        }
        return null;
    }

    private static String shown(String unit) {
        return unit.equals(" ") ? "space" : unit;
    }

    /** Most literal sequences of the expression probed, and most of its literal characters paired. */
    static final int MAX_SEQUENCES = 4;
    static final int MAX_PAIRED = 4;

    /**
     * What the runs are made of: each character of {@link #probeCharacters}; each literal sequence the
     * expression writes ({@code ab} of {@code (?:ab)*(?:ab)*c}, a shape slow only on "abab…", where every run
     * of one character fails at once); each ordered pair of its first literal characters; and a letter mixed
     * with a space, a digit and a full stop.
     */
    static Set<String> probes(String regex) {
        Set<String> out = new LinkedHashSet<>();
        for (char c : probeCharacters(regex)) out.add(String.valueOf(c));
        StringBuilder run = new StringBuilder();
        List<String> sequences = new ArrayList<>();
        List<Character> literals = new ArrayList<>();
        for (int i = 0; i <= regex.length(); i++) {
            char c = i < regex.length() ? regex.charAt(i) : '\\';
            if (Character.isLetterOrDigit(c) || c == ' ') {
                run.append(c);
                if (!literals.contains(c) && literals.size() < MAX_PAIRED) literals.add(c);
                continue;
            }
            if (run.length() >= 2 && sequences.size() < MAX_SEQUENCES) sequences.add(run.length() > 8 ? run.substring(0, 8) : run.toString());
            run.setLength(0);
            if (c == '\\') i++; // an escape is a class (\w, \d) or a quoted mark, not a literal of a sequence
        }
        out.addAll(sequences);
        for (char a : literals) for (char b : literals) if (a != b) out.add("" + a + b);
        out.addAll(List.of("a ", "a1", "a."));
        return out;
    }

    /** Every literal character of the expression (outside escapes), and one of each common kind. */
    static Set<Character> probeCharacters(String regex) {
        Set<Character> out = new LinkedHashSet<>();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '-' || c == '.' || c == ',') out.add(c);
        }
        for (char c : new char[] {'a', 'A', '1', ' ', '.', '-', 'é'}) out.add(c);
        return out;
    }

    /** Characters read matching {@code unit} repeated to {@code n} characters and a control character; -1 past the budget. */
    private static long reads(Pattern p, String unit, int n, boolean sentence) {
        Counted text = new Counted((unit.repeat(n / unit.length()) + '\u0001'), new long[1]);
        try {
            Matcher m = p.matcher(text);
            if (sentence) {
                while (m.find()) {
                    if (m.end() == m.start() && m.end() >= text.length()) break;
                }
            } else {
                m.matches();
            }
        } catch (Counted.Spent e) {
            return -1;
        } catch (StackOverflowError e) {
            return -1;
        }
        return text.reads[0];
    }

    /** A text that counts the characters read from it and stops the match past the budget. */
    private record Counted(String s, long[] reads) implements CharSequence {
        static final class Spent extends RuntimeException {
            Spent() {
                super(null, null, false, false);
            }
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > BUDGET) throw new Spent();
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(s.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
