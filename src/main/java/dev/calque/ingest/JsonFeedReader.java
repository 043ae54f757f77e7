package dev.calque.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org): each item is one article, as with RSS. The body is
 * {@code content_html} when present, else {@code content_text}, else {@code summary}.
 */
final class JsonFeedReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeedReader feeds;

    JsonFeedReader(FeedReader feeds) {
        this.feeds = feeds;
    }

    /**
     * A JSON object that names a jsonfeed.org version near its start, or, with its version missing or
     * written otherwise ({@code "version": "1.1"}), one with an {@code "items"} list and JSON Feed's
     * item bodies ({@code content_html}, {@code content_text}) in its first megabyte, as feed readers
     * that read JSON Feed by its shape take it (gofeed).
     */
    static boolean looksLikeJsonFeed(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF ? 3 : 0;
        String head = new String(bytes, from, Math.min(bytes.length - from, 4096), StandardCharsets.UTF_8).stripLeading();
        if (!head.startsWith("{")) return false;
        if (head.contains("jsonfeed.org/version/")) return true;
        String start = new String(bytes, from, Math.min(bytes.length - from, 1 << 20), StandardCharsets.ISO_8859_1);
        return start.contains("\"items\"") && (start.contains("\"content_html\"") || start.contains("\"content_text\""));
    }

    List<Article> read(byte[] bytes, String source, String group) throws DocumentReader.Unreadable {
        JsonNode feed;
        try {
            int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF ? 3 : 0;
            feed = JSON.readTree(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // nesting, number or string past Jackson's limits: said as the other readers say depth
            throw new DocumentReader.Unreadable("not a readable JSON Feed: " + (e.getMessage().contains("nesting depth")
                    ? "nested more than " + JSON.getFactory().streamReadConstraints().getMaxNestingDepth()
                    + " levels deep, which no feed is" : "a value past the reader's limits"), e);
        } catch (IOException e) {
            throw new DocumentReader.Unreadable("not a readable JSON Feed: the JSON is malformed"
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : ""), e);
        }
        JsonNode items = feed.get("items");
        if (!feed.isObject() || items == null || !items.isArray()) {
            throw new DocumentReader.Unreadable("not a readable JSON Feed: it has no \"items\" list");
        }
        String feedTitle = text(feed, "title");
        List<FeedReader.Pending> pending = new ArrayList<>();
        int index = 0;
        for (JsonNode item : items) {
            index++;
            if (!item.isObject()) continue;
            String title = text(item, "title");
            title = title == null ? "" : title.strip().replaceAll("\\s+", " ");
            Map<String, String> meta = new LinkedHashMap<>();
            String html = text(item, "content_html");
            String plain = html == null ? text(item, "content_text") : null;
            String summary = text(item, "summary");
            feeds.noteCut(meta, html != null ? html : plain != null ? plain : summary);
            List<FeedFurniture.ItemParagraph> body = html != null ? feeds.paragraphs(html) : plain != null ? feeds.plainBody(plain)
                    : summary == null ? List.of() : feeds.paragraphs(summary);
            String id = text(item, "id");
            String url = text(item, "url");
            String key = id != null ? id : url != null ? url : "item-" + index;
            FeedReader.put(meta, "link", url);
            FeedReader.put(meta, "guid", id);
            FeedReader.put(meta, "author", author(item));
            FeedReader.put(meta, "date", text(item, "date_published") != null ? text(item, "date_published") : text(item, "date_modified"));
            FeedReader.put(meta, "feed", feedTitle);
            pending.add(new FeedReader.Pending(source, group, index, key, url, title, body, meta));
        }
        return feeds.articles(pending);
    }

    private static String author(JsonNode item) {
        JsonNode authors = item.get("authors"); // 1.1
        if (authors != null && authors.isArray() && !authors.isEmpty()) return text(authors.get(0), "name");
        JsonNode author = item.get("author"); // 1.0
        return author != null ? text(author, "name") : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
