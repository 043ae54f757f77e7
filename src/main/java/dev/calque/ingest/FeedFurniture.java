package dev.calque.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The furniture of one feed: a paragraph that recurs in most of its items, compared once each item's own
 * words are out of it (its title, the words of its links, numbers and month names). "The post X appeared first
 * on Y" differs only by X; a podcast's "Support the show", a site's standing disclaimer or sign-off do not differ
 * at all. A page has one article and cannot show this; a feed gives many items of one site, so it can.
 *
 * <p>Thresholds (measured, see docs/extraction.md, "Round nine"): the paragraph is in at least {@link #MIN_ITEMS}
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
    record Item(String title, List<MainText.ItemParagraph> body) {
    }

    /**
     * The items' bodies without the paragraphs that recur in most of the feed's items (see the class comment).
     * Each paragraph left out is told to the tuner's trace.
     */
    static List<List<MainText.ItemParagraph>> without(List<Item> items) {
        List<List<String>> keys = new ArrayList<>();
        Map<String, Integer> itemsWith = new HashMap<>();
        int withBody = 0;
        for (Item item : items) {
            List<String> mine = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (MainText.ItemParagraph p : item.body()) {
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
        List<List<MainText.ItemParagraph>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<MainText.ItemParagraph> body = items.get(i).body();
            List<MainText.ItemParagraph> kept = new ArrayList<>();
            List<MainText.ItemParagraph> gone = new ArrayList<>();
            for (int j = 0; j < body.size(); j++) {
                String k = keys.get(i).get(j);
                int n = k == null ? 0 : itemsWith.get(k);
                if (n >= MIN_ITEMS && 2 * n > withBody) gone.add(body.get(j));
                else kept.add(body.get(j));
            }
            if (kept.isEmpty() && !gone.isEmpty()) {
                for (MainText.ItemParagraph p : gone) MainText.told("kept:recurring-alone", p.text());
                out.add(body); // all the item says is the feed's recurring paragraph: kept, never emptied
                continue;
            }
            for (MainText.ItemParagraph p : gone) MainText.told("feed-recurring", p.text());
            out.add(kept);
        }
        return out;
    }

    /** What is compared: the words outside links, without the item's title, numbers and months; null when too little is left. */
    static String key(MainText.ItemParagraph p, String title) {
        String k = MainText.letters(MainTextWords.MONTH.matcher(p.unlinked()).replaceAll(" "));
        String t = title == null ? "" : MainText.letters(title);
        if (t.length() >= 8) k = k.replace(t, "");
        k = NUMBERS.matcher(k).replaceAll("");
        return k.length() >= MIN_LETTERS ? k : null;
    }
}
