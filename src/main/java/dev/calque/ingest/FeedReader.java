package dev.calque.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.calque.model.Article;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.InputSource;

/**
 * RSS and Atom feeds, read with ROME: each item is one article, its title a paragraph of its own,
 * its body from {@code content:encoded} / {@code <content>} when present, else the description.
 * Doctypes are refused, so no entity in a feed is ever resolved.
 */
final class FeedReader {
    private final DocumentReader html;

    FeedReader(DocumentReader html) {
        this.html = html;
    }

    static boolean looksLikeFeed(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.UTF_8);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
    }

    List<Article> read(byte[] bytes, String source, String group) throws DocumentReader.Unreadable {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            feed = input.build(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (FeedException | IllegalArgumentException e) {
            String why = DocumentReader.rootMessage(e);
            if (why.contains("DOCTYPE")) why = "the feed declares a DOCTYPE; Calque never resolves entities in feeds";
            throw new DocumentReader.Unreadable("not a readable RSS or Atom feed: " + why, e);
        }
        List<Article> articles = new ArrayList<>();
        int index = 0;
        for (SyndEntry e : feed.getEntries()) {
            index++;
            String title = e.getTitle() == null ? "" : e.getTitle().strip().replaceAll("\\s+", " ");
            String body = body(e);
            String text = (title.isEmpty() ? "" : title + "\n\n") + body;
            if (text.isBlank()) continue;
            String key = e.getUri() != null && !e.getUri().isBlank() ? e.getUri()
                    : e.getLink() != null ? e.getLink() : "item-" + index;
            Map<String, String> meta = new LinkedHashMap<>();
            put(meta, "link", e.getLink());
            put(meta, "guid", e.getUri());
            put(meta, "author", e.getAuthor());
            put(meta, "date", iso(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate()));
            put(meta, "feed", feed.getTitle());
            String itemSource = source + "#" + (e.getLink() != null && !e.getLink().isBlank() ? e.getLink() : key);
            articles.add(new Article(source + "#" + key, itemSource, group,
                    title.isEmpty() ? "Item " + index : title, text, "application/rss+xml", meta));
        }
        if (articles.isEmpty()) throw new DocumentReader.Unreadable("the feed has no items with text");
        return articles;
    }

    private String body(SyndEntry e) throws DocumentReader.Unreadable {
        StringBuilder html = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null) html.append(c.getValue()).append('\n');
        }
        if (html.toString().isBlank() && e.getDescription() != null && e.getDescription().getValue() != null) {
            html.append(e.getDescription().getValue());
        }
        String raw = html.toString();
        if (raw.isBlank()) return "";
        if (!raw.contains("<")) {
            // plain text: keep its own paragraph breaks
            return String.join("\n\n", raw.strip().split("\\s*\\n\\s*\\n\\s*"));
        }
        return this.html.htmlFragmentText(raw);
    }

    private static String iso(Date d) {
        return d == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.toInstant().atOffset(ZoneOffset.UTC));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v.strip());
    }
}
