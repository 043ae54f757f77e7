package dev.calque.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words by which pages name their furniture, in the languages Calque reads news in, read from
 * {@code page-furniture.tsv} beside this class: notices ("Subscribe now", "Espacio publicitario"),
 * announcements of other stories ("Lire aussi", "Mehr zum Thema") and class words ("share",
 * "lee-tambien"). The file is part of Calque, not user input.
 */
final class MainTextWords {
    static final String RESOURCE = "page-furniture.tsv";

    /** A notice or call to action somewhere in a short paragraph (announcements of other stories included). */
    static final Pattern NOTICE;
    /**
     * A notice that is neither a photo credit nor an announcement of other stories (one that opens a line
     * with the story's title is an inset, the article goes on after it): one that can open a box of furniture.
     */
    static final Pattern BOX_NOTICE;
    /** A photo or video credit ("Image credit:", "Foto:"), a notice too. */
    static final Pattern CREDIT;
    /** A line that begins by announcing other stories ("Lire aussi :", "(Le puede interesar: ..."). */
    static final Pattern MORE_LEAD;
    /** A line that is only such an announcement ("Mehr zum Thema", "Articles liés", "Más noticias de Colombia"). */
    static final Pattern MORE_LINE;
    /** The stand-in of a blocked embed ("Externer Inhalt", "accept cookies to see this post"). */
    static final Pattern EMBED;
    /** A class or id part that names furniture, whole. */
    static final Pattern CLASS_WORD;
    /** A line that is only a date with the month in words ("11 Jan 2019", "March 13, 2015 9:00PM", "5 de mayo de 2020"). */
    static final Pattern DATE_LINE;
    /** A byline: its opening words alone or followed by a name ("Par Matthieu Hy le 07 Mai 2020", "Publicado por"). */
    static final Pattern BYLINE;
    /**
     * A line that is only a control or label of the page ("Share", "Réagir", "Latest News", "Prev Post", "1.2k
     * views", "Foto:"), with a count or an arrow around it at most: the page's furniture wherever it stands.
     */
    static final Pattern LABEL;
    /**
     * A syndication footer that a publishing system or feed service adds to every item ("The post X appeared first
     * on Y.", "This article was originally published on The Conversation"): where it starts in a paragraph.
     */
    static final Pattern SYNDICATION;
    /** The words of a link that only leads to the rest of a feed item ("(more…)", "Read the rest of this entry »"). */
    static final Pattern TEASER_LINK;
    /** A month's name, whole or cut short, as a word. */
    static final Pattern MONTH;

    static {
        Map<String, List<String>> kinds = read();
        String more = group(kinds.get("more"));
        NOTICE = Pattern.compile("(?iu)(?:\\b(?:" + words(kinds.get("notice")) + "|" + group(kinds.get("credit")) + "|" + more + ")\\b)|"
                + symbols(kinds.get("notice")));
        BOX_NOTICE = Pattern.compile("(?iu)(?:\\b(?:" + words(kinds.get("notice")) + ")\\b)|" + symbols(kinds.get("notice")));
        CREDIT = Pattern.compile("(?iu)\\b(?:" + group(kinds.get("credit")) + ")\\b");
        MORE_LEAD = Pattern.compile("(?iu)^[(\\[«\"“]?\\s*(?:" + more + ")\\b");
        MORE_LINE = Pattern.compile("(?iu)^[(\\[«\"“]?\\s*(?:" + more + "|" + group(kinds.get("section")) + ")\\b[^.!?]{0,40}?[\\s.…:)\\]»\"”]*$");
        EMBED = Pattern.compile("(?iu)\\b(?:" + group(kinds.get("embed")) + ")");
        CLASS_WORD = Pattern.compile("(?iu)" + group(kinds.get("class")));
        BYLINE = Pattern.compile("(?u)^(?i:" + group(kinds.get("byline")) + ")(?:\\s*:?\\s+\\p{Lu}.*|\\s*:?)$");
        String count = "\\d[\\d.,]*\\s?[km]?";
        LABEL = Pattern.compile("(?iu)[\\s\\p{So}«‹<←|·•-]*(?:" + count + "\\s+)?(?:" + group(kinds.get("label")) + "|(?:"
                + group(kinds.get("credit")) + ")\\s*:)(?:\\s+" + count + ")?[\\s\\p{So}:.…»›>→|·•-]*");
        SYNDICATION = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:" + group(kinds.get("syndication")) + ")");
        TEASER_LINK = Pattern.compile("(?iu)[\\s(\\[«<]*(?:" + group(kinds.get("teaser")) + ")[\\s\\p{So}.…:)\\]»>→-]*");
        String month = "(?:" + group(kinds.get("month")) + ")\\.?";
        MONTH = Pattern.compile("(?iu)\\b" + month + "(?![\\p{L}])");
        String clock = "\\d{1,2}[:.h]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?|uhr|h)?(?:\\s*(?:utc|gmt|[ecmp][sd]t|cet|cest|mez|mesz|bst))?";
        String time = "(?:,?\\s+(?:à\\s+|um\\s+|a las\\s+|at\\s+|-\\s+)?" + clock + ")?";
        String stamp = "(?:" + group(kinds.get("stamp")) + ")";
        // "Published: 30 January 2017", "3:53 p.m. EST January 25, 2014", "27 octobre 2012 à 18:27 (Mis à jour: 19:56)"
        DATE_LINE = Pattern.compile("(?iu)(?:" + stamp + "(?:\\s+(?:on|le|el|am))?\\s*:?\\s+)?(?:" + clock + ",?\\s+)?(?:\\p{L}+,?\\s+)?"
                + "(?:\\d{1,2}\\.?\\s+(?:de\\s+)?" + month + "(?:,?\\s+(?:de\\s+)?\\d{4})?"
                + "|" + month + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?)" + time
                + "(?:\\s*\\(" + stamp + "\\s*:?\\s*[^)]{0,40}\\))?\\s*");
    }

    private MainTextWords() {
    }

    /** Each line of the file is a group of alternatives: one line cannot change how another is read. */
    private static String group(List<String> patterns) {
        if (patterns.isEmpty()) throw new IllegalStateException(RESOURCE + " lacks a kind of words");
        List<String> out = new ArrayList<>();
        for (String p : patterns) out.add("(?:" + p + ")");
        return String.join("|", out);
    }

    private static String words(List<String> patterns) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) if (!p.matches("\\W+")) out.add(p);
        return group(out);
    }

    private static String symbols(List<String> patterns) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) if (p.matches("\\W+")) out.add(Pattern.quote(p));
        return out.isEmpty() ? "(?!)" : String.join("|", out);
    }

    /**
     * An ASCII apostrophe of a pattern also matches the typographic one that most pages write ("Editor’s Picks",
     * "Don’t miss"): outside a character class, {@code '} becomes {@code ['’]}.
     */
    private static String apostrophes(String pattern) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i));
                continue;
            }
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            out.append(c == '\'' && depth == 0 ? "['’]" : String.valueOf(c));
        }
        return out.toString();
    }

    private static Map<String, List<String>> read() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (String k : new String[] {"notice", "more", "section", "embed", "class", "month", "byline", "credit", "label", "stamp", "syndication", "teaser"}) kinds.put(k, new ArrayList<>());
        try (InputStream in = MainTextWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 3 || !kinds.containsKey(cols[0])) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": expected kind, language and pattern");
                }
                kinds.get(cols[0]).add(Pattern.compile(apostrophes(cols[2])).pattern());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kinds;
    }
}
