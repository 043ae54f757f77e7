package dev.calque.rules;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the shape of regular expression that backtracks exponentially: a repeated group that
 * itself holds a repetition, as in {@code (.*a){12}} or {@code (\w+\s?)*} (OWASP's "evil regex").
 * LanguageTool matches a rule's token and sentence expressions with Java's engine, which no
 * deadline can stop mid-match, so such expressions in XML rule files are refused when loaded.
 * (Calque's own regex rules run under the article's deadline instead; see {@code Deadline.guard}.)
 */
final class NestedRepetition {
    private NestedRepetition() {
    }

    /**
     * The offending group, or null when the expression has no repeated group holding a repetition of
     * varying length ({@code (,\d{3})+} is fine: each turn matches four characters exactly).
     */
    static String find(String regex) {
        Deque<int[]> groups = new ArrayDeque<>(); // {start, holds a repetition (0/1)}
        groups.push(new int[] {0, 0});
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            int atomEnd;
            if (c == '\\') {
                if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                    int e = regex.indexOf("\\E", i + 2);
                    i = e < 0 ? n : e + 2;
                    continue;
                }
                atomEnd = i + 2;
                if (i + 1 < n && "pPN".indexOf(regex.charAt(i + 1)) >= 0 && i + 2 < n && regex.charAt(i + 2) == '{') {
                    int e = regex.indexOf('}', i + 2);
                    atomEnd = e < 0 ? n : e + 1;
                }
            } else if (c == '[') {
                atomEnd = classEnd(regex, i);
            } else if (c == '(') {
                groups.push(new int[] {i, 0});
                i++;
                if (i < n && regex.charAt(i) == '?') {
                    // (?:, (?=, (?<name>, (?i) ...: skip to the group's body
                    while (i < n && ":=!>)".indexOf(regex.charAt(i)) < 0) i++;
                    if (i < n && regex.charAt(i) == ')') {
                        groups.pop(); // an inline flag such as (?i): no group
                        i++;
                        continue;
                    }
                    if (i < n) i++;
                }
                continue;
            } else if (c == ')') {
                if (groups.size() == 1) return null; // unbalanced: the compiler reports it
                int[] g = groups.pop();
                int q = i + 1;
                boolean repeats = repeats(regex, q);
                if (repeats && g[1] == 1) return regex.substring(g[0], Math.min(n, quantifierEnd(regex, q)));
                if (variable(regex, q) || g[1] == 1) groups.peek()[1] = 1;
                i = quantifierEnd(regex, q);
                continue;
            } else {
                atomEnd = i + 1;
            }
            if (variable(regex, atomEnd)) groups.peek()[1] = 1;
            i = Math.max(atomEnd, quantifierEnd(regex, atomEnd));
        }
        return null;
    }

    private static int classEnd(String r, int i) {
        int j = i + 1;
        if (j < r.length() && r.charAt(j) == '^') j++;
        if (j < r.length() && r.charAt(j) == ']') j++;
        int depth = 1;
        while (j < r.length() && depth > 0) {
            char c = r.charAt(j);
            if (c == '\\') j++;
            else if (c == '[') depth++;
            else if (c == ']') depth--;
            j++;
        }
        return j;
    }

    /** Whether a quantifier at {@code q} lets the preceding item match more than once. */
    private static boolean repeats(String r, int q) {
        int[] b = bounds(r, q);
        return b != null && (b[1] < 0 || b[1] > 1);
    }

    /** Whether a quantifier at {@code q} lets the preceding item match a varying number of times. */
    private static boolean variable(String r, int q) {
        int[] b = bounds(r, q);
        return b != null && (b[1] < 0 || b[1] > b[0]);
    }

    /**
     * The repetition bounds of a {@code *}, {@code +} or {@code {n}}, {@code {n,}}, {@code {n,m}} at {@code q}:
     * {min, max}, max -1 for no bound; null when there is none there.
     */
    private static int[] bounds(String r, int q) {
        if (q >= r.length()) return null;
        char c = r.charAt(q);
        if (c == '*') return new int[] {0, -1};
        if (c == '+') return new int[] {1, -1};
        if (c != '{') return null;
        int e = r.indexOf('}', q);
        if (e < 0) return null;
        String[] parts = r.substring(q + 1, e).split(",", -1);
        try {
            int min = parts[0].isBlank() ? 0 : Integer.parseInt(parts[0].strip());
            if (parts.length == 1) return new int[] {min, min};
            return new int[] {min, parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].strip())};
        } catch (NumberFormatException notAQuantifier) {
            return null;
        }
    }

    private static int quantifierEnd(String r, int q) {
        if (q >= r.length()) return q;
        char c = r.charAt(q);
        int e = q;
        if (c == '*' || c == '+' || c == '?') e = q + 1;
        else if (c == '{' && r.indexOf('}', q) > 0) e = r.indexOf('}', q) + 1;
        if (e > q && e < r.length() && (r.charAt(e) == '?' || r.charAt(e) == '+')) e++; // lazy or possessive
        return e;
    }
}
