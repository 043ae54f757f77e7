package dev.calque.bilingual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers, times, centuries, months and weekdays of a passage, each reduced to a value that is the
 * same in every language: {@code 1,5 milliard} and {@code 1.5 billion} are both 1500000000, {@code 14h30}
 * and {@code 2:30 p.m.} both the time 14:30, {@code jeudi} and {@code Thursday} both weekday 4.
 */
final class Quantities {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]|[\\p{N}.,])(?:\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+|\\d{1,3}(?:[.,]\\d{3})+|\\d+)(?:[.,]\\d+)?");
    private static final Pattern WORD = Pattern.compile("\\p{L}++(?:-\\p{L}++)*+");
    /** A telephone number or code in groups of two digits (01 23 45 67 89, 08.11.00): no quantity. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)\\d{2}(?:[ .\\u00A0]\\d{2}){2,}(?!\\d)");

    private Quantities() {
    }

    /**
     * A value found in a passage.
     *
     * @param key      what it is, comparable across languages: {@code n:1500000000}, {@code t:14:30},
     *                 {@code c:21}, {@code month:1}, {@code weekday:4}
     * @param start    offset in the passage
     * @param end      end offset
     * @param spelled  whether it was written as words (a number word), not digits
     */
    record Value(String key, int start, int end, boolean spelled, boolean measure) {
        Value(String key, int start, int end, boolean spelled) {
            this(key, start, end, spelled, false);
        }

        boolean isDate() {
            return key.startsWith("month:") || key.startsWith("weekday:");
        }
    }

    static List<Value> of(String s, Conventions c) {
        return of(s, c, c.units());
    }

    /** @param units units of measure in either language: a number before one is a measure */
    static List<Value> of(String s, Conventions c, java.util.Set<String> units) {
        s = halfWidth(s);
        List<Value> out = new ArrayList<>();
        boolean[] taken = new boolean[s.length()];
        if (c.time() != null) {
            Matcher m = c.time().matcher(s);
            while (m.find()) {
                int h;
                int min;
                if (m.groupCount() >= 5 && m.group(4) != null) {
                    h = Integer.parseInt(m.group(4));
                    min = Integer.parseInt(m.group(5));
                } else {
                    h = Integer.parseInt(m.group(1));
                    min = m.groupCount() >= 2 && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
                    if (m.groupCount() >= 3 && m.group(3) != null) {
                        boolean pm = m.group(3).equalsIgnoreCase("p");
                        h = h % 12 + (pm ? 12 : 0);
                    }
                }
                add(out, taken, "t:" + h + ":" + (min < 10 ? "0" : "") + min, m.start(), m.end(), false);
            }
        }
        if (c.month() != null) {
            Matcher m = c.month().matcher(s);
            while (m.find()) {
                // the first group that took part: a pattern may have one per form (2月, 2023-02-11)
                String g = null;
                for (int k = 1; k <= m.groupCount() && g == null; k++) g = m.group(k);
                if (g == null) continue;
                int n = Integer.parseInt(g);
                if (n >= 1 && n <= 12) add(out, taken, "month:" + n, m.start(), m.end(), false);
            }
        }
        if (c.century() != null) {
            Matcher m = c.century().matcher(s);
            while (m.find()) {
                Integer n = m.group(1).matches("\\d+") ? Integer.valueOf(m.group(1)) : roman(m.group(1));
                if (n != null) add(out, taken, "c:" + n, m.start(), m.end(), false);
            }
        }
        Matcher phone = PHONE.matcher(s);
        while (phone.find()) for (int i = phone.start(); i < phone.end(); i++) taken[i] = true;
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            if (taken[m.start()]) continue;
            BigDecimal v = parse(m.group(), c.decimalComma());
            if (v == null) continue;
            int end = m.end();
            // scale words after it: 1,5 milliard, 10 millions, 1.500 mil millones, 26万亿
            while (true) {
                int after = end;
                // a space or a hyphen between: "1,5 milliard", "$700-billion"
                while (after < s.length() && after < end + 2 && (Character.isSpaceChar(s.charAt(after)) || s.charAt(after) == '-')) after++;
                String word = null;
                if (c.unspaced()) {
                    word = c.longestWordAt(s, after);
                } else {
                    Matcher w = WORD.matcher(s);
                    if (w.region(after, s.length()).lookingAt()) word = w.group();
                }
                if (word != null && word.indexOf('-') > 0) word = word.substring(0, word.indexOf('-')); // 700-billion-dollar
                String val = word == null ? null : c.word(word);
                if (val == null || !val.startsWith("x")) break;
                v = v.multiply(new BigDecimal(val.substring(1)));
                end = after + word.length();
            }
            add(out, taken, "n:" + v.stripTrailingZeros().toPlainString(), m.start(), end, false);
            if (measured(s, end, units)) out.set(out.size() - 1, new Value(out.get(out.size() - 1).key(), m.start(), end, false, true));
        }
        if (c.unspaced()) {
            unspacedWords(s, c, out, taken);
            out.sort(java.util.Comparator.comparingInt(Value::start));
            return out;
        }
        Matcher w = WORD.matcher(s);
        BigDecimal pending = null;
        int pendingStart = -1;
        int pendingEnd = -1;
        while (w.find()) {
            if (taken[w.start()]) continue;
            String val = c.word(w.group());
            int wordEnd = w.end();
            int wordStart = w.start();
            if (val == null && w.group().indexOf('-') > 0) { // nine-year-old, six-month
                String first = w.group().substring(0, w.group().indexOf('-'));
                val = c.word(first);
                wordEnd = w.start() + first.length();
                if (val == null) { // mid-October, mi-octobre: a month or weekday after a prefix
                    String last = w.group().substring(w.group().lastIndexOf('-') + 1);
                    String v = c.word(last);
                    if (v != null && (v.startsWith("month:") || v.startsWith("weekday:"))
                            && (!c.capitalizedDates() || Character.isUpperCase(last.charAt(0)))) {
                        val = v;
                        wordStart = w.end() - last.length();
                        wordEnd = w.end();
                    }
                }
            }
            if (val == null) {
                pending = flush(out, pending, pendingStart, pendingEnd);
                continue;
            }
            if (val.startsWith("month:") || val.startsWith("weekday:")) {
                pending = flush(out, pending, pendingStart, pendingEnd);
                // "June Corteen": a month name followed by a capitalized word is a first name
                boolean name = c.capitalizedDates() && w.end() + 1 < s.length() && s.charAt(w.end()) == ' '
                        && Character.isUpperCase(s.charAt(w.end() + 1));
                if (!name && (!c.capitalizedDates() || Character.isUpperCase(s.charAt(wordStart)))) {
                    add(out, taken, val, wordStart, wordEnd, false);
                }
            } else if (val.startsWith("x")) {
                BigDecimal scale = new BigDecimal(val.substring(1));
                if (pending != null) {
                    add(out, taken, "n:" + pending.multiply(scale).stripTrailingZeros().toPlainString(), pendingStart, wordEnd, true);
                    pending = null;
                } else {
                    add(out, taken, "n:" + scale.toPlainString(), w.start(), wordEnd, true);
                }
            } else {
                pending = flush(out, pending, pendingStart, pendingEnd);
                pending = new BigDecimal(val);
                pendingStart = w.start();
                pendingEnd = wordEnd;
            }
        }
        flush(out, pending, pendingStart, pendingEnd);
        out.sort(java.util.Comparator.comparingInt(Value::start));
        return out;
    }

    /**
     * The words of a language written without spaces (Chinese): at each position the longest entry of its
     * table; months and weekdays as they are, and each run of numeral words composed the way such
     * numerals are read: a digit before a small unit (十, 百, 千) multiplies it, a large unit (万, 亿)
     * multiplies everything before it in its group (三十五 = 35, 两千 = 2000, 一百万 = 1000000).
     */
    private static void unspacedWords(String s, Conventions c, List<Value> out, boolean[] taken) {
        int i = 0;
        Numeral run = null;
        while (i < s.length()) {
            String word = taken[i] ? null : c.longestWordAt(s, i);
            String val = word == null ? null : c.word(word);
            if (val == null) {
                if (run != null) run = run.flush(out);
                i++;
                continue;
            }
            if (val.startsWith("month:") || val.startsWith("weekday:")) {
                if (run != null) run = run.flush(out);
                add(out, taken, val, i, i + word.length(), false);
            } else {
                if (run == null) run = new Numeral(i);
                run.add(val, i + word.length());
            }
            i += word.length();
        }
        if (run != null) run.flush(out);
    }

    /** A run of numeral words being composed. */
    private static final class Numeral {
        private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
        final int start;
        int end;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal digit = null;

        Numeral(int start) {
            this.start = start;
        }

        void add(String val, int wordEnd) {
            end = wordEnd;
            if (!val.startsWith("x")) {
                BigDecimal d = new BigDecimal(val);
                // two numbers in a row (一二 or 六七, "six or seven"): the later one stands
                digit = d;
                return;
            }
            BigDecimal unit = new BigDecimal(val.substring(1));
            BigDecimal d = digit == null ? BigDecimal.ONE : digit;
            if (unit.compareTo(TEN_THOUSAND) < 0) {
                section = section.add(d.multiply(unit));
            } else {
                BigDecimal group = section.add(digit == null ? BigDecimal.ZERO : digit);
                if (group.signum() == 0) group = total.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
                // 万亿: a larger unit after a smaller one multiplies what came before
                total = group.signum() == 0 ? total.multiply(unit) : total.add(group.multiply(unit));
                section = BigDecimal.ZERO;
            }
            digit = null;
        }

        Numeral flush(List<Value> out) {
            BigDecimal v = total.add(section).add(digit == null ? BigDecimal.ZERO : digit);
            out.add(new Value("n:" + v.stripTrailingZeros().toPlainString(), start, end, true));
            return null;
        }
    }

    /**
     * Full-width forms (１２３，４５６％, as Chinese and Japanese text writes them) as their ASCII
     * counterparts, and the ideographic space as a space: the same length, so offsets keep their meaning.
     */
    static String halfWidth(String s) {
        char[] a = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            char to = ch >= '\uFF01' && ch <= '\uFF5E' ? (char) (ch - 0xFEE0) : ch == '\u3000' ? ' ' : ch;
            if (to != ch) {
                if (a == null) a = s.toCharArray();
                a[i] = to;
            }
        }
        return a == null ? s : new String(a);
    }

    /** Whether a unit of measure of the language follows position {@code end}. */
    static boolean measured(String s, int end, java.util.Set<String> units) {
        int i = end;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u00A0' || s.charAt(i) == '-')) i++;
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && ",.;:)(".indexOf(s.charAt(j)) < 0) j++;
        return j > i && units.contains(s.substring(i, j));
    }

    private static BigDecimal flush(List<Value> out, BigDecimal pending, int start, int end) {
        if (pending != null) out.add(new Value("n:" + pending.stripTrailingZeros().toPlainString(), start, end, true));
        return null;
    }

    private static void add(List<Value> out, boolean[] taken, String key, int start, int end, boolean spelled) {
        for (int i = start; i < end; i++) taken[i] = true;
        out.add(new Value(key, start, end, spelled));
    }

    /** A number as written with the language's separators, or null. */
    static BigDecimal parse(String n, boolean decimalComma) {
        String t = n.replaceAll("[ \\u00A0\\u202F]", "");
        char dec = decimalComma ? ',' : '.';
        char thou = decimalComma ? '.' : ',';
        // a separator followed by exactly three digits, and not the decimal one, groups thousands
        // "1.5" in a decimal-comma language (Latin American Spanish, a copied English figure): a lone
        // separator not followed by exactly three digits can only be the decimal one
        if (t.indexOf(dec) < 0 && t.indexOf(thou) >= 0 && t.indexOf(thou) == t.lastIndexOf(thou)
                && t.length() - t.indexOf(thou) - 1 != 3) {
            char swap = dec;
            dec = thou;
            thou = swap;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == thou) continue;
            b.append(ch == dec ? '.' : ch);
        }
        try {
            return new BigDecimal(b.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer roman(String r) {
        int total = 0;
        int prev = 0;
        for (int i = r.length() - 1; i >= 0; i--) {
            int v = switch (r.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                default -> 0;
            };
            if (v == 0) return null;
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }
}
