package dev.calque.bilingual;

import dev.calque.model.Texts;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What two passages in different languages can share verbatim, whatever the languages: numbers
 * (compared by their digits, so 10 000, 10,000 and 10.000 are the same anchor, and so are 1,5 and 1.5),
 * capitalized words of three letters or more that are not the first of their sentence (names, acronyms),
 * Latin-script words in a non-Latin text, and URLs. Names are compared without accents and case, by their
 * first five letters ("Ukraine"/"Ukraine", "Européenne"/"European" are not the same anchor; "Biden" is).
 */
final class Anchors {
    private static final Pattern NUMBER = Pattern.compile("\\d++(?:[ \\u00A0\\u202F.,]\\d++)*+");
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}'’\\-]{2,}");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+|[\\w.+-]+@[\\w-]+\\.[\\w.]+|[#@]\\w+");

    private Anchors() {
    }

    static Set<String> of(String text, int from, int to) {
        Set<String> out = new HashSet<>();
        CharSequence s = text.subSequence(from, to);
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= 1) out.add("#" + digits.replaceFirst("^0+(?=\\d)", ""));
        }
        m = NAME.matcher(s);
        while (m.find()) {
            if (m.start() == firstLetter(s)) continue; // a sentence's first word is capitalized anyway
            out.add("@" + key(m.group()));
        }
        m = URL.matcher(s);
        while (m.find()) out.add("~" + m.group().toLowerCase(Locale.ROOT));
        return out;
    }

    private static int firstLetter(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) return i;
        return -1;
    }

    static String key(String name) {
        String plain = Texts.plain(name).replaceAll("[^\\p{L}\\p{N}]", "");
        return plain.length() > 5 ? plain.substring(0, 5) : plain;
    }
}
