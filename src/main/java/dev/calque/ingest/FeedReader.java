package dev.calque.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.calque.model.Article;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS, RDF and Atom feeds, read with ROME as feed readers read them: each item is one article, its
 * title a paragraph of its own, its body from {@code content:encoded} / {@code <content>} when present,
 * else the description.
 *
 * <p>Before ROME sees it the document is made readable the way feed readers make it: decoded by its
 * BOM, declaration or, undeclared, by detection (feeds in Big5 or KOI8-R that never say so); white
 * space and BOMs before {@code <?xml} dropped; a DOCTYPE removed unread, so no external DTD or entity
 * is loaded and no entity is ever expanded (a feed that uses an entity only its DOCTYPE declares is
 * refused); HTML entities turned into characters (ROME's healer); namespace prefixes the feed uses
 * without declaring them declared; an Atom {@code <feed>} that forgot its namespace given it, and a default
 * namespace on {@code <rss>} (which no RSS version has, and which hides every element from an RSS parser)
 * dropped, as feed readers do.
 */
final class FeedReader {
    private static final Pattern DOCTYPE = Pattern.compile("(?s)<!DOCTYPE(?:[^\\[>]*\\[.*?\\]\\s*>|[^>]*>)");
    private static final Pattern LATE_DECLARATION = Pattern.compile("((?:\\s*<!--.*?-->)+\\s*)<\\?xml\\s", Pattern.DOTALL);
    private static final Pattern ENTITY_DECL = Pattern.compile("<!ENTITY\\s+%?\\s*([\\w.:-]+)");
    private static final Pattern PREFIX_USE = Pattern.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
    private static final Pattern PREFIX_DECL = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)[\\s>/]");
    /** The root element's start tag: its name and attributes. */
    private static final Pattern ROOT_TAG = Pattern.compile("<(?![?!])([A-Za-z_][\\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern DEFAULT_NS = Pattern.compile("\\s+xmlns\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern ATOM_03 = Pattern.compile("\\sversion\\s*=\\s*[\"']0\\.3[\"']");
    /** Namespaces of the prefixes feeds most often use without declaring them. */
    private static final Map<String, String> KNOWN_PREFIXES = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "atom", "http://www.w3.org/2005/Atom",
            "media", "http://search.yahoo.com/mrss/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/",
            "georss", "http://www.georss.org/georss");

    private final DocumentReader html;
    private final int maxTextChars;

    FeedReader(DocumentReader html, int maxTextChars) {
        this.html = html;
        this.maxTextChars = maxTextChars;
    }

    /** Whether a document (any encoding ASCII can read, or with a BOM) opens as an RSS, RDF or Atom feed. */
    static boolean looksLikeFeed(byte[] bytes) {
        String head = head(bytes);
        if (head.startsWith("<!--")) head = head.replaceFirst("(?s)^(?:\\s*<!--.*?-->)+\\s*", "");
        Matcher root = ROOT.matcher(head.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE(?:[^\\[>]*\\[.*?\\]\\s*>|[^>]*>)", ""));
        if (!root.find()) return false;
        String name = root.group(1);
        return name.equals("rss") || name.equals("feed") || name.equals("rdf:RDF") || name.endsWith(":feed")
                || name.equals("RDF") || name.endsWith(":rss");
    }

    private static String head(byte[] bytes) {
        byte[] first = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 4096));
        Charsets.Found f = Charsets.forXml(first, null);
        String s = new String(first, f.skip(), first.length - f.skip(), f.charset().name().startsWith("UTF-16")
                ? f.charset() : StandardCharsets.ISO_8859_1);
        return s.replace("\uFEFF", "").stripLeading();
    }

    List<Article> read(byte[] bytes, String source, String group, String contentType) throws DocumentReader.Unreadable {
        Charsets.Found cs = Charsets.forXml(bytes, contentType);
        String xml = new String(bytes, cs.skip(), bytes.length - cs.skip(), cs.charset());
        xml = readable(xml);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true);
            feed = input.build(new StringReader(xml)); // a Reader, so that ROME's healer sees it
        } catch (ParsingFeedException e) {
            if (!(e.getCause() instanceof org.jdom2.JDOMException) && e.getCause() instanceof RuntimeException) {
                throw structural(xml, e);
            }
            throw new DocumentReader.Unreadable("not a readable RSS or Atom feed: the XML is not well-formed"
                    + (e.getLineNumber() > 0 ? " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")" : ""), e);
        } catch (FeedException | IllegalArgumentException e) {
            throw new DocumentReader.Unreadable("not a readable RSS or Atom feed: " + rootName(xml) + " is not an RSS, RDF or Atom document", e);
        } catch (RuntimeException e) {
            throw structural(xml, e);
        }
        List<Article> articles = new ArrayList<>();
        int index = 0;
        for (SyndEntry e : feed.getEntries()) {
            index++;
            String title = e.getTitle() == null ? "" : e.getTitle().strip().replaceAll("\\s+", " ");
            String key = e.getUri() != null && !e.getUri().isBlank() ? e.getUri()
                    : e.getLink() != null ? e.getLink() : "item-" + index;
            Map<String, String> meta = new LinkedHashMap<>();
            put(meta, "link", e.getLink());
            put(meta, "guid", e.getUri());
            put(meta, "author", e.getAuthor());
            put(meta, "date", iso(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate()));
            put(meta, "feed", feed.getTitle());
            Article a = item(source, group, index, key, e.getLink(), title, body(e), meta);
            if (a != null) articles.add(a);
        }
        if (articles.isEmpty()) throw new DocumentReader.Unreadable("the feed has no items with text");
        return articles;
    }

    /** One item as an article: the title its first paragraph; null when it has no text at all. */
    Article item(String source, String group, int index, String key, String link, String title, String body,
                 Map<String, String> meta) {
        String text = (title.isEmpty() ? "" : title + "\n\n") + body;
        if (text.isBlank()) return null;
        String itemSource = source + "#" + (link != null && !link.isBlank() ? link : key);
        return new Article(source + "#" + key, itemSource, group, title.isEmpty() ? "Item " + index : title, text.strip(),
                "application/rss+xml", meta);
    }

    /** The document as feed readers accept it (see the class comment). */
    static String readable(String xml) throws DocumentReader.Unreadable {
        int start = 0;
        while (start < xml.length() && (Character.isWhitespace(xml.charAt(start)) || xml.charAt(start) == '\uFEFF')) start++;
        xml = xml.substring(start);
        // an XML declaration after a comment ("<!-- generated --><?xml ...") is not allowed there: feed readers skip what precedes it
        Matcher late = LATE_DECLARATION.matcher(xml);
        if (late.lookingAt()) xml = xml.substring(late.end(1));
        Matcher doctype = DOCTYPE.matcher(xml);
        if (doctype.find() && doctype.start() < 4096) {
            Set<String> declared = new LinkedHashSet<>();
            Matcher d = ENTITY_DECL.matcher(doctype.group());
            while (d.find()) declared.add(d.group(1));
            xml = xml.substring(0, doctype.start()) + xml.substring(doctype.end());
            for (String name : declared) {
                if (xml.contains("&" + name + ";") || xml.contains("%" + name + ";")) {
                    throw new DocumentReader.Unreadable("the feed uses an entity (&" + name + ";) that only its DOCTYPE"
                            + " declares; Calque never loads a DOCTYPE or expands its entities");
                }
            }
        }
        return rootNamespace(declarePrefixes(xml));
    }

    /**
     * The two root-namespace slips feed readers forgive: {@code <feed>} without the Atom namespace (the RFC's
     * own example has been copied that way) gets Atom's, 0.3's when it says {@code version="0.3"}; and
     * {@code <rss xmlns="...">}, whose default namespace puts every channel element out of RSS's reach,
     * loses it (RSS 0.91 to 2.0 have no namespace).
     */
    static String rootNamespace(String xml) {
        Matcher root = ROOT_TAG.matcher(xml);
        if (!root.find(rootStart(xml))) return xml;
        String name = root.group(1);
        String attributes = root.group(2);
        Matcher ns = DEFAULT_NS.matcher(attributes);
        boolean hasDefault = ns.find();
        String fixed;
        if (name.equals("feed") && !hasDefault) {
            fixed = attributes + " xmlns=\"" + (ATOM_03.matcher(attributes).find()
                    ? "http://purl.org/atom/ns#" : "http://www.w3.org/2005/Atom") + "\"";
        } else if (name.equals("rss") && hasDefault) {
            fixed = ns.replaceFirst("");
        } else {
            return xml;
        }
        return xml.substring(0, root.start(2)) + fixed + xml.substring(root.end(2));
    }

    /** Declares, on the root element, the namespace prefixes a feed uses without declaring them. */
    static String declarePrefixes(String xml) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PREFIX_USE.matcher(xml);
        while (m.find()) used.add(m.group(1) != null ? m.group(1) : m.group(2));
        used.remove("xmlns");
        used.remove("xml");
        if (used.isEmpty()) return xml;
        Matcher decl = PREFIX_DECL.matcher(xml);
        while (decl.find()) used.remove(decl.group(1));
        if (used.isEmpty()) return xml;
        Matcher root = Pattern.compile("<(?![?!])[A-Za-z_][\\w.:-]*").matcher(xml);
        if (!root.find(rootStart(xml))) return xml;
        StringBuilder add = new StringBuilder();
        for (String prefix : used) {
            add.append(" xmlns:").append(prefix).append("=\"")
                    .append(KNOWN_PREFIXES.getOrDefault(prefix, "urn:calque:undeclared:" + prefix)).append('"');
        }
        return xml.substring(0, root.end()) + add + xml.substring(root.end());
    }

    /** A well-formed document whose elements ROME cannot follow (an {@code <rss>} without {@code <channel>}). */
    private static DocumentReader.Unreadable structural(String xml, Exception e) {
        String root = rootName(xml);
        boolean noChannel = !xml.contains("<channel") && !xml.contains(":channel");
        return new DocumentReader.Unreadable((root.equals("<rss>") || root.endsWith("RDF>")) && noChannel
                ? "not a readable RSS or Atom feed: the " + root + " document has no <channel>"
                : "not a readable RSS or Atom feed: " + root + " does not hold its items the way RSS or Atom does", e);
    }

    /** Where the root element starts: past the declaration, processing instructions, comments and DOCTYPE. */
    static int rootStart(String xml) {
        int i = 0;
        while (i < xml.length()) {
            while (i < xml.length() && (Character.isWhitespace(xml.charAt(i)) || xml.charAt(i) == '\uFEFF')) i++;
            int end;
            if (xml.startsWith("<?", i)) end = xml.indexOf("?>", i) + 2;
            else if (xml.startsWith("<!--", i)) end = xml.indexOf("-->", i) + 3;
            else if (xml.startsWith("<!", i)) end = xml.indexOf('>', i) + 1;
            else return i;
            if (end <= i) return i; // unterminated: let the parser say where
            i = end;
        }
        return i;
    }

    private static String rootName(String xml) {
        Matcher root = Pattern.compile("<(?![?!])([A-Za-z_][\\w.:-]*)").matcher(xml);
        return root.find(Math.min(rootStart(xml), xml.length())) ? "<" + root.group(1) + ">" : "the document";
    }

    private String body(SyndEntry e) {
        StringBuilder raw = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null) raw.append(c.getValue()).append('\n');
        }
        if (raw.toString().isBlank() && e.getDescription() != null && e.getDescription().getValue() != null) {
            raw.append(e.getDescription().getValue());
        }
        return body(raw.toString());
    }

    /**
     * An item's text from its HTML or plain body. A body far past the text limit is cut before it is
     * read (markup counted generously), so a 20 MB item costs no more than the limit allows.
     */
    String body(String raw) {
        if (raw.isBlank()) return "";
        long room = 4L * maxTextChars + 4096;
        if (raw.length() > room) raw = raw.substring(0, (int) room);
        if (raw.indexOf('<') < 0) {
            // plain text: keep its own paragraph breaks
            List<String> ps = new ArrayList<>();
            for (String p : raw.split("\\n[ \\t\\x0B\\f\\r]*\\n")) {
                String t = p.strip();
                if (!t.isEmpty()) ps.add(t.replaceAll("[ \\t\\x0B\\f\\r]*\\n[ \\t\\x0B\\f\\r]*", " "));
            }
            return String.join("\n\n", ps);
        }
        return html.htmlFragmentText(raw);
    }

    private static String iso(Date d) {
        return d == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.toInstant().atOffset(ZoneOffset.UTC));
    }

    static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v.strip());
    }
}
