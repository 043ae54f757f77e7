package dev.calque.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The furniture of feeds, inside one item and across a feed's items.
 *
 * <p>Inside an item ({@link #itemBody}, {@link #itemText}): what publishing systems put in an item's body (share
 * and related-post boxes, "Continue reading" links, syndication footers, credit-only captions...), known by what
 * the page reading ({@link MainText}) knows of page furniture, its tables and its element signals.
 *
 * <p>Across items ({@link #without}): a paragraph that recurs in most of a feed's items, compared once each item's
 * own words are out of it (its title, the words of its links, numbers and month names). "The post X appeared
 * first on Y" differs only by X; a podcast's "Support the show", a site's standing disclaimer or sign-off do not
 * differ at all. A page has one article and cannot show this; a feed gives many items of one site, so it can.
 * Thresholds (measured, see docs/extraction.md, "Round nine"): the paragraph is in at least {@link #MIN_ITEMS}
 * items and in more than half of the items that have a body, and what is left of it to compare has at least
 * {@link #MIN_LETTERS} letters (a paragraph that was all link or all title says too little to be known again).
 * An item whose body is nothing but such paragraphs keeps them: a feed-level guess never empties an item.
 */
final class FeedFurniture {
    static final int MIN_ITEMS = 3;
    static final int MIN_LETTERS = 12;
    private static final Pattern NUMBERS = Pattern.compile("\\p{N}+");

    private FeedFurniture() {
    }

    /** One item as read: its title and its body's paragraphs. */
    record Item(String title, List<ItemParagraph> body) {
    }

    /**
     * The items' bodies without the paragraphs that recur in most of the feed's items (see the class comment).
     * Each paragraph left out is told to the tuner's trace.
     */
    static List<List<ItemParagraph>> without(List<Item> items) {
        List<List<String>> keys = new ArrayList<>();
        Map<String, Integer> itemsWith = new HashMap<>();
        int withBody = 0;
        for (Item item : items) {
            List<String> mine = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ItemParagraph p : item.body()) {
                String k = key(p, item.title());
                mine.add(k);
                if (k != null && seen.add(k)) itemsWith.merge(k, 1, Integer::sum);
            }
            if (!item.body().isEmpty()) withBody++;
            keys.add(mine);
        }
        if (MainText.dropped != null) { // for a tuner: what recurs without reaching the thresholds
            Set<String> told = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                for (int j = 0; j < keys.get(i).size(); j++) {
                    String k = keys.get(i).get(j);
                    int n = k == null ? 0 : itemsWith.get(k);
                    if (n >= 2 && !(n >= MIN_ITEMS && 2 * n > withBody) && told.add(k)) {
                        MainText.told("kept:recurs-in-fewer:" + n + "/" + withBody, items.get(i).body().get(j).text());
                    }
                }
            }
        }
        List<List<ItemParagraph>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<ItemParagraph> body = items.get(i).body();
            List<ItemParagraph> kept = new ArrayList<>();
            List<ItemParagraph> gone = new ArrayList<>();
            for (int j = 0; j < body.size(); j++) {
                String k = keys.get(i).get(j);
                int n = k == null ? 0 : itemsWith.get(k);
                if (n >= MIN_ITEMS && 2 * n > withBody) gone.add(body.get(j));
                else kept.add(body.get(j));
            }
            if (kept.isEmpty() && !gone.isEmpty()) {
                for (ItemParagraph p : gone) MainText.told("kept:recurring-alone", p.text());
                out.add(body); // all the item says is the feed's recurring paragraph: kept, never emptied
                continue;
            }
            for (ItemParagraph p : gone) MainText.told("feed-recurring", p.text());
            out.add(kept);
        }
        return out;
    }

    /** What is compared: the words outside links, without the item's title, numbers and months; null when too little is left. */
    static String key(ItemParagraph p, String title) {
        String k = MainText.letters(MainTextWords.MONTH.matcher(p.unlinked()).replaceAll(" "));
        String t = title == null ? "" : MainText.letters(title);
        if (t.length() >= 8) k = k.replace(t, "");
        k = NUMBERS.matcher(k).replaceAll("");
        return k.length() >= MIN_LETTERS ? k : null;
    }

    /**
     * A paragraph of a feed item's body: its text, and its words outside links ("The post <a>X</a> appeared first
     * on <a>Y</a>." is "The post appeared first on ."), by which a paragraph that recurs in a feed's items is known.
     */
    record ItemParagraph(String text, String unlinked) {
    }

    // ---- inside one item ----

    /**
     * The paragraphs of a feed item's body, without the furniture that publishing systems put inside items, known
     * by what the page reading knows: elements pruned by tag, role, visibility and the words of their class and id
     * (Jetpack's {@code sharedaddy} share and like bars, {@code jp-relatedposts}, FeedBurner's {@code feedflare}, ads),
     * a "Continue reading" or "Read more" link that ends a paragraph, a teaser's closing "[…]", and lines that are
     * only a page control or label ("Share this:", "Advertisement"), an announcement of other stories with its link,
     * a blocked embed's stand-in, a photo credit alone, a date or byline line, a syndication footer ("The post X
     * appeared first on Y.", "This article was originally published on...") and notices that close the item
     * ("Subscribe to our newsletter"). A caption is kept when it is a sentence of its own, not a credit.
     * What the author wrote stays: quotes, lists, subheadings; an element that holds most of the item's prose is
     * never pruned by its name.
     */
    static List<ItemParagraph> itemBody(String html) {
        Element body = MainText.fragmentBody(html);
        pruneItem(body);
        moreLinks(body);
        List<MainText.Para> read = new ArrayList<>();
        MainText.read(body, read, true);
        List<ItemParagraph> out = new ArrayList<>();
        for (MainText.Para p : itemFurniture(read)) out.add(new ItemParagraph(p.text(), p.unlinked()));
        return out;
    }

    /** The paragraphs of a feed item's plain-text body, judged by the same line rules as an HTML body's. */
    static List<ItemParagraph> itemText(List<String> paragraphs) {
        List<MainText.Para> read = new ArrayList<>();
        for (String p : paragraphs) read.add(new MainText.Para(p, false, false, true));
        List<ItemParagraph> out = new ArrayList<>();
        for (MainText.Para p : itemFurniture(read)) out.add(new ItemParagraph(p.text(), p.unlinked()));
        return out;
    }

    /** Prunes an item's furniture elements; a figure's caption is judged as a line, not by its tag. */
    private static void pruneItem(Element body) {
        int prose = MainText.proseLength(body);
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || e.normalName().equals("figcaption")) continue;
            if (MainText.furniture(e, true) && !MainText.protectedElement(e, null, prose) && !MainText.inSentence(e)) doomed.add(e);
        }
        if (MainText.dropped != null) for (Element e : doomed) MainText.drop("item-prune:" + e.normalName() + "." + e.className(), e.text());
        removeAll(doomed);
        for (Element c : body.getElementsByTag("figcaption")) {
            String t = MainText.norm(c.text());
            int tail = creditTail(t);
            if (!t.isEmpty() && creditOnly(t)) {
                MainText.drop("item-credit", t);
                c.remove();
            } else if (tail > 0) {
                MainText.drop("item-credit", t.substring(tail));
                c.text(t.substring(0, tail).strip());
            }
        }
    }

    /**
     * Removes elements (an element inside another one removed goes with it), each parent's children rebuilt once: one
     * by one, each removal renumbers the siblings after it, and a 4 MB item with thousands of share bars took seconds.
     */
    private static void removeAll(List<Element> doomed) {
        Set<Element> gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(doomed);
        Map<Element, List<Element>> byParent = new IdentityHashMap<>();
        for (Element e : doomed) {
            boolean inside = false;
            for (Element x = e.parent(); x != null && !inside; x = x.parent()) inside = gone.contains(x);
            if (!inside && e.parent() != null) byParent.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<Element, List<Element>> group : byParent.entrySet()) {
            if (group.getValue().size() < 8) {
                for (Element e : group.getValue()) e.remove();
                continue;
            }
            Element parent = group.getKey();
            List<Node> kept = new ArrayList<>();
            for (Node n : parent.childNodes()) if (!(n instanceof Element e && gone.contains(e))) kept.add(n);
            parent.empty();
            parent.appendChildren(kept);
        }
    }

    /**
     * A link that ends its paragraph and only announces the rest of the story ("Continue reading →", "Read more",
     * "(more…)", "Lire la suite"): the feed's teaser link, not the article's words.
     */
    private static void moreLinks(Element body) {
        Elements links = body.select("a[href]");
        for (int i = links.size() - 1; i >= 0; i--) { // from the last: "[link] [42 comments]" ends in two
            Element a = links.get(i);
            String t = MainText.norm(a.text());
            if (t.isEmpty() || t.length() > 80 || !(MainTextWords.MORE_LINE.matcher(t).matches()
                    || MainTextWords.LABEL.matcher(t).matches() || MainTextWords.TEASER_LINK.matcher(t).matches())) continue;
            if (!endsItsBlock(a) || !afterASentence(a)) continue;
            MainText.drop("item-more-link", t);
            a.remove();
        }
    }

    /** Whether nothing but spaces and punctuation follows an inline element to the end of its block. */
    private static boolean endsItsBlock(Element e) {
        for (Node n = e; n != null && !(n instanceof Element x && x != e && (MainText.BLOCK_TAGS.contains(x.normalName()))); n = n.parent()) {
            for (Node next = n.nextSibling(); next != null; next = next.nextSibling()) {
                String t = next instanceof TextNode tn ? tn.text() : next instanceof Element x ? x.text() : "";
                if (next instanceof Element x && MainText.BLOCK_TAGS.contains(x.normalName())) return true;
                if (MainText.WORDED.matcher(t).find()) return false;
            }
        }
        return true;
    }

    /**
     * Whether what stands before an inline element on its line (since its block began or the last line break) is
     * nothing or ends as a sentence ends: "Rail resumes on Wednesday. <a>Continue reading</a>" is a teaser's link,
     * "details are at this <a>link</a>." is a sentence's word.
     */
    private static boolean afterASentence(Element e) {
        StringBuilder before = new StringBuilder();
        outer:
        for (Node n = e; n != null && !(n instanceof Element x && x != e && MainText.BLOCK_TAGS.contains(x.normalName())); n = n.parent()) {
            for (Node prev = n.previousSibling(); prev != null; prev = prev.previousSibling()) {
                if (prev instanceof Element x && (x.normalName().equals("br") || MainText.BLOCK_TAGS.contains(x.normalName()))) break outer;
                String t = prev instanceof TextNode tn ? tn.text() : prev instanceof Element x ? x.text() : "";
                before.insert(0, t);
            }
        }
        String t = MainText.norm(before.toString());
        return t.isEmpty() || AFTER_SENTENCE.matcher(t).find();
    }

    private static final Pattern AFTER_SENTENCE = Pattern.compile("[.!?…:;)\\]»”\"’|·•-]$");

    /** A photo credit and at most a name or two after it ("Photo: AFP", "Image credit: Jane Doe/Reuters"). */
    private static boolean creditOnly(String t) {
        if (!MainText.credit(t) || t.length() > 100) return false;
        java.util.regex.Matcher m = MainTextWords.CREDIT.matcher(t);
        return m.find() && m.start() <= 20 && (MainText.headlineLike(t) || dev.calque.model.Texts.wordCount(t) <= 8);
    }

    /**
     * Where a credit that closes a caption's sentence starts ("Rescue teams wade through the street. Photo: AFP"):
     * the sentence is the caption's, the credit is not. -1 when there is none.
     */
    private static int creditTail(String t) {
        java.util.regex.Matcher m = MainTextWords.CREDIT.matcher(t);
        if (!m.find() || m.start() < 20) return -1;
        String tail = t.substring(m.start());
        String before = t.substring(0, m.start()).strip();
        return tail.length() <= 60 && MainText.headlineLike(tail) && MainText.SENTENCE_END.matcher(before).find() ? m.start() : -1;
    }

    /** The line rules of an item's body (see {@link #itemBody}). */
    private static List<MainText.Para> itemFurniture(List<MainText.Para> read) {
        List<MainText.Para> out = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            MainText.Para p = read.get(i);
            String t = p.text();
            java.util.regex.Matcher end = TEASER_END.matcher(t);
            if (end.find()) {
                MainText.drop("item-teaser-end", end.group());
                t = t.substring(0, end.start()).strip();
                p = new MainText.Para(t, p.heading(), p.linked(), p.paragraph(), p.item(), TEASER_END.matcher(p.unlinked()).replaceFirst(""));
                if (t.isEmpty()) continue;
            }
            java.util.regex.Matcher footer = MainTextWords.SYNDICATION.matcher(t);
            if (t.length() <= 600 && footer.find() && t.length() - footer.start() <= 400) {
                String kept = t.substring(0, footer.start()).strip();
                MainText.drop("item-syndication", t.substring(footer.start()));
                if (!MainText.WORDED.matcher(kept).find()) continue;
                p = new MainText.Para(kept, p.heading(), p.linked(), p.paragraph(), p.item(), kept);
                t = kept;
            }
            boolean line = t.length() <= 80 && MainTextWords.MORE_LINE.matcher(t).matches();
            String why = null;
            if (line && i + 1 < read.size() && read.get(i + 1).linked() && read.get(i + 1).text().length() <= 200) {
                MainText.drop("item-more-line", t);
                why = "item-more-line";
                p = read.get(++i);
                t = p.text();
            } else if (line && (p.linked() || i == read.size() - 1)) {
                why = "item-more-line";
            } else if (t.length() <= 60 && MainTextWords.LABEL.matcher(t).matches()) {
                why = "item-label";
            } else if (p.linked() && t.length() <= 250 && MainTextWords.MORE_LEAD.matcher(t).find()) {
                why = "item-more-link";
            } else if (t.length() < 400 && MainTextWords.EMBED.matcher(t).find()) {
                why = "item-embed";
            } else if (!p.heading() && creditOnly(t)) {
                why = "item-credit";
            } else if (t.length() <= 60 && MainTextWords.DATE_LINE.matcher(t).matches()) {
                why = "item-date";
            } else if (!p.heading() && t.length() <= 120 && (MainText.headlineLike(t) || t.endsWith(")")) && MainTextWords.BYLINE.matcher(t).matches()) {
                why = "item-byline";
            } else if (!p.heading() && p.linked() && t.length() <= 60 && button(t)) {
                // a button, a short line that is all link and opens with a notice: "Subscribe now", "Sign up here" (a short
                // notice that is no link can be an author's subheading: "Who will get email alerts and how?"; a linked
                // title can hold a notice's word: "when media becomes culture: rethinking copyright issues")
                why = "item-notice";
            }
            if (why == null) out.add(p);
            else MainText.drop(why, t);
        }
        // notices that close the item ("Subscribe to our newsletter", "© 2020 The Site"), from its end back
        while (!out.isEmpty() && out.get(out.size() - 1).text().length() < 150 && MainText.callToAction(out.get(out.size() - 1).text())) {
            MainText.drop("item-end-notice", out.remove(out.size() - 1).text());
        }
        return out;
    }

    private static boolean button(String t) {
        java.util.regex.Matcher m = MainTextWords.NOTICE.matcher(t);
        return m.find() && m.start() <= 12;
    }

    /** A teaser's closing mark after its last words: "[…]", "[...]", "[&hellip;]" (WordPress's excerpt end). */
    private static final Pattern TEASER_END = Pattern.compile("\\s*\\[\\s*(?:…|\\.\\.\\.)\\s*]\\s*$");
}
