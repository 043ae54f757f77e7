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
    private static final Pattern LATE_DECLARATION = Pattern.compile("((?:\\s*+<!--.*?-->)++\\s*+)<\\?xml\\s", Pattern.DOTALL);
    private static final Pattern ENTITY_DECL = Pattern.compile("<!ENTITY\\s+%?\\s*([\\w.:-]+)");
    private static final Pattern PREFIX_DECL = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)[\\s>/]");
    /** The root element's start tag: its name and attributes. */
    private static final Pattern ROOT_TAG = Pattern.compile("<(?![?!])([A-Za-z_][\\w.:-]*)((?:[^>\"']|\"[^\"]*+\"|'[^']*+')*+)>");
    private static final Pattern DEFAULT_NS = Pattern.compile("\\s+xmlns\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern NS_DECL = Pattern.compile("(xmlns(?::[A-Za-z_][\\w.-]*)?\\s*=\\s*)([\"'])([^\"']*)\\2");
    private static final Pattern TITLE_START = Pattern.compile("<title(\\s[^>]*)?>");
    private static final Pattern RSS_VERSION = Pattern.compile("\\sversion\\s*=\\s*([\"'])([^\"']*)\\1");
    /** The RSS versions ROME has a parser for; any other {@code <rss>} is read as 2.0, as feed readers read it. */
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
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
        if (head.startsWith("<!--")) head = head.replaceFirst("(?s)^(?:\\s*+<!--.*?-->)++\\s*+", "");
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
        MarkupGuard.checkXml(xml);
        SyndFeed feed;
        try {
            feed = build(xml);
        } catch (ParsingFeedException e) {
            if (!(e.getCause() instanceof org.jdom2.JDOMException) && e.getCause() instanceof RuntimeException) {
                throw structural(xml, e);
            }
            feed = leniently(xml);
            if (feed == null) {
                throw new DocumentReader.Unreadable("not a readable RSS or Atom feed: the XML is not well-formed"
                        + (e.getLineNumber() > 0 ? " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")" : ""), e);
            }
        } catch (FeedException | IllegalArgumentException e) {
            String root = rootName(xml);
            if (root.endsWith("RDF>") && !xml.contains("<channel") && !xml.contains(":channel")) throw structural(xml, e);
            throw new DocumentReader.Unreadable("not a readable RSS or Atom feed: " + root + " is not an RSS, RDF or Atom document", e);
        } catch (RuntimeException e) {
            throw structural(xml, e);
        }
        List<Pending> items = new ArrayList<>();
        int index = 0;
        for (SyndEntry e : feed.getEntries()) {
            index++;
            String title = titleText(e.getTitle());
            String key = e.getUri() != null && !e.getUri().isBlank() ? e.getUri()
                    : e.getLink() != null ? e.getLink() : "item-" + index;
            Map<String, String> meta = new LinkedHashMap<>();
            put(meta, "link", e.getLink());
            put(meta, "guid", e.getUri());
            put(meta, "author", e.getAuthor());
            put(meta, "date", iso(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate()));
            put(meta, "feed", feed.getTitle());
            String raw = rawBody(e);
            noteCut(meta, raw);
            items.add(new Pending(source, group, index, key, e.getLink(), title, paragraphs(raw), meta));
        }
        return articles(items);
    }

    /** An item read, its body in paragraphs, before the feed's own furniture is known. */
    record Pending(String source, String group, int index, String key, String link, String title,
                   List<FeedFurniture.ItemParagraph> body, Map<String, String> meta) {
    }

    /** The feed's items as articles, the paragraphs that recur in most of them left out ({@link FeedFurniture}). */
    List<Article> articles(List<Pending> items) throws DocumentReader.Unreadable {
        List<FeedFurniture.Item> read = new ArrayList<>();
        for (Pending p : items) read.add(new FeedFurniture.Item(p.title(), p.body()));
        List<List<FeedFurniture.ItemParagraph>> bodies = FeedFurniture.without(read);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Pending p = items.get(i);
            List<String> texts = new ArrayList<>();
            for (FeedFurniture.ItemParagraph para : bodies.get(i)) texts.add(para.text());
            Article a = item(p.source(), p.group(), p.index(), p.key(), p.link(), p.title(), String.join("\n\n", texts), p.meta());
            if (a != null) articles.add(a);
        }
        if (articles.isEmpty()) throw new DocumentReader.Unreadable("the feed has no items with text");
        return articles;
    }

    private static SyndFeed build(String xml) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        return input.build(new StringReader(xml)); // a Reader, so that ROME's healer sees it
    }

    /** Root elements of the feed formats, with or without a prefix. */
    private static final Pattern FEED_ROOT = Pattern.compile("<((?:[A-Za-z_][\\w.-]*:)?(?:rss|feed|RDF))[\\s>/]");
    private static final Pattern HREFLESS_LINK = Pattern.compile(
            "<((?:[A-Za-z_][\\w.-]*:)?link)(?![\\w.:-])(?![^<>]*\\bhref\\s*=)[^<>]*?(?:/>|>\\s*</\\1\\s*>)");
    /** HTML's empty elements that no feed format uses with content ({@code <link>} and {@code <source>} do). */
    private static final Pattern VOID_TAG = Pattern.compile("(?i)<(br|hr|img|input|area|col|embed|wbr|track)(\\s[^<>]*?)?\\s*(?<!/)>");
    /** Elements that hold text (HTML for most feeds), where tag soup written unescaped belongs to the text. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("title", "description", "encoded", "summary", "content",
            "subtitle", "tagline", "rights", "copyright", "info");

    /**
     * A feed that is not well-formed, read as feedparser's loose parser and browsers read tag soup: what
     * comes before the root (a PHP warning) and after it (a second {@code </rss>}, a script) left out, tags
     * left open closed by their parent, stray end tags dropped, entities XML does not know taken as text,
     * and HTML written unescaped inside a text element ({@code <description>a<br>b</description>}) made
     * that element's text, as it would have been had it been escaped. Null when even so it is no feed; a
     * feed whose root is never closed is refused as cut short rather than read as far as it goes.
     * jsoup's XML parser reads it: no DOCTYPE is left (see {@link #readable}) and it expands no entity.
     */
    static SyndFeed leniently(String xml) throws DocumentReader.Unreadable {
        Matcher root = FEED_ROOT.matcher(xml);
        if (!root.find(rootStart(xml))) return null;
        if (!Pattern.compile("</" + Pattern.quote(root.group(1)) + "\\s*>").matcher(xml).find(root.end())) {
            // sloppy is forgiven, incomplete is not: a feed cut short (a download that stopped) is said to be so
            throw new DocumentReader.Unreadable("not a readable RSS or Atom feed: it ends before its <" + root.group(1)
                    + "> is closed (cut short)");
        }
        // HTML's empty elements written unclosed (<br>, <img ...>) would hold everything after them, items too
        String soup = VOID_TAG.matcher(xml.substring(root.start())).replaceAll("<$1$2/>");
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(soup, "", org.jsoup.parser.Parser.xmlParser());
        org.jsoup.nodes.Element feedRoot = doc.children().isEmpty() ? null : doc.child(0);
        if (feedRoot == null || !feedRoot.tagName().equals(root.group(1))) return null;
        for (org.jsoup.nodes.Element e : feedRoot.getAllElements()) {
            String local = e.tagName().substring(e.tagName().indexOf(':') + 1);
            if (e == feedRoot || e.children().isEmpty() || !TEXT_ELEMENTS.contains(local)) continue;
            if (e.attr("type").equalsIgnoreCase("xhtml") || e.attr("mode").equalsIgnoreCase("xml")) continue; // Atom's own markup
            if (e.parent() != null && e.parent().tagName().endsWith("channel") && !e.select("item, entry").isEmpty()) continue;
            String inner = e.html();
            e.empty();
            e.appendChild(new org.jsoup.nodes.CDataNode(inner.replace("]]>", "]]&gt;")));
        }
        doc.outputSettings().prettyPrint(false).syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml).charset(StandardCharsets.UTF_8);
        try {
            return build(feedRoot.outerHtml());
        } catch (FeedException | RuntimeException e) {
            return null;
        }
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
        return atomLinks(rootNamespace(declarePrefixes(titleMarkup(trimNamespaces(bareAmpersands(xmlCharacters(xml)))))));
    }

    /**
     * An Atom {@code <link>} without {@code href} ({@code <link rel="self"></link>}, a generator's slip) left
     * out: it links nowhere, and ROME, resolving the feed's base URI from it, refused the whole feed.
     */
    static String atomLinks(String xml) {
        if (!rootName(xml).endsWith("feed>") || !xml.contains("link")) return xml;
        return HREFLESS_LINK.matcher(xml).replaceAll("");
    }

    /** Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE, U+FFFF) left out, as feed readers drop them. */
    static String xmlCharacters(String xml) {
        int i = 0;
        while (i < xml.length() && allowed(xml.charAt(i))) i++;
        if (i == xml.length()) return xml;
        StringBuilder out = new StringBuilder(xml.length()).append(xml, 0, i);
        for (; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (allowed(c)) out.append(c);
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c < 0xFFFE : c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * An {@code &} that starts no entity or character reference ({@code ?a=1&b=2} in a link's
     * attribute, "Q&A" in a title) written as {@code &amp;}, as feedparser's loose parser and browsers read
     * it; CDATA sections, where {@code &} is a character like any other, are left alone. One pass.
     */
    static String bareAmpersands(String xml) {
        StringBuilder out = null;
        int copied = 0;
        int cdata = xml.indexOf("<![CDATA[");
        int i = xml.indexOf('&');
        while (i >= 0) {
            if (cdata >= 0 && cdata < i) {
                int end = xml.indexOf("]]>", cdata + 9);
                if (end < 0) break; // unterminated: the rest is character data
                cdata = xml.indexOf("<![CDATA[", end + 3);
                if (end > i) i = xml.indexOf('&', end + 3);
                continue;
            }
            if (!reference(xml, i)) {
                if (out == null) out = new StringBuilder(xml.length() + 64);
                out.append(xml, copied, i + 1).append("amp;");
                copied = i + 1;
            }
            i = xml.indexOf('&', i + 1);
        }
        return out == null ? xml : out.append(xml, copied, xml.length()).toString();
    }

    /** Whether the {@code &} at {@code at} starts {@code &name;}, {@code &#digits;} or {@code &#xhex;}. */
    private static boolean reference(String s, int at) {
        int i = at + 1;
        int limit = Math.min(s.length(), at + 40);
        if (i < limit && s.charAt(i) == '#') {
            i++;
            boolean hex = i < limit && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) i++;
            int digits = i;
            while (i < limit && (hex ? Character.digit(s.charAt(i), 16) >= 0 : Character.isDigit(s.charAt(i)))) i++;
            return i > digits && i < limit && s.charAt(i) == ';';
        }
        if (i >= limit || !(Character.isLetter(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) return false;
        while (i < limit && (Character.isLetterOrDigit(s.charAt(i)) || "_:.-".indexOf(s.charAt(i)) >= 0)) i++;
        return i < limit && s.charAt(i) == ';';
    }

    /**
     * Namespace URIs written with white space around them ({@code xmlns:itunes=" http://www.itunes.com/..."}):
     * the URI without it, as feed readers map them (gofeed issue 309); an RSS or Atom parser knows its
     * namespaces by exact URI only.
     */
    static String trimNamespaces(String xml) {
        if (!xml.contains("xmlns")) return xml;
        Matcher m = NS_DECL.matcher(xml);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            String uri = m.group(3);
            if (uri.strip().equals(uri)) continue;
            if (out == null) out = new StringBuilder(xml.length());
            out.append(xml, copied, m.start(3)).append(uri.strip());
            copied = m.end(3);
        }
        return out == null ? xml : out.append(xml, copied, xml.length()).toString();
    }

    /**
     * A title holding naked markup ({@code <title><p>Item Title</p></title>}): an RSS parser reads only
     * a title's own text, so it came out empty. Its content is made character data, which the title's
     * reading then treats as the HTML it is ({@link #titleText}), as feedparser does. Atom's titles are
     * left to its parsers, which keep their markup (xhtml titles, naked markup in 0.3), and so are titles
     * with a {@code type}.
     */
    static String titleMarkup(String xml) {
        if (!xml.contains("<title") || rootName(xml).endsWith("feed>")) return xml; // Atom parsers keep child markup
        Matcher m = TITLE_START.matcher(xml);
        StringBuilder out = null;
        int copied = 0;
        int cdata = xml.indexOf("<![CDATA[");
        int cdataEnd = cdata < 0 ? -1 : xml.indexOf("]]>", cdata);
        while (m.find()) {
            while (cdata >= 0 && cdataEnd >= 0 && cdataEnd < m.start()) {
                cdata = xml.indexOf("<![CDATA[", cdataEnd);
                cdataEnd = cdata < 0 ? -1 : xml.indexOf("]]>", cdata);
            }
            if (cdata >= 0 && cdata < m.start()) { // a <title> inside character data (an HTML body) is text
                if (cdataEnd < 0) break;
                continue;
            }
            int end = xml.indexOf("</title>", m.end());
            if (end < 0) break;
            String content = xml.substring(m.end(), end);
            if (m.group(1) != null && m.group(1).contains("type") || content.indexOf('<') < 0
                    || content.contains("<![CDATA[") || content.contains("]]>") || content.contains("<title")) {
                continue;
            }
            if (out == null) out = new StringBuilder(xml.length() + 64);
            out.append(xml, copied, m.end()).append("<![CDATA[").append(content).append("]]>");
            copied = end;
        }
        return out == null ? xml : out.append(xml, copied, xml.length()).toString();
    }

    /**
     * An item's title as text: one line, and, when it holds markup or entities (feeds escape HTML into titles,
     * Atom's xhtml titles come back as markup), the text that markup shows.
     */
    String titleText(String title) {
        if (title == null) return "";
        String t = title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? html.htmlFragmentText(title) : title;
        return t.strip().replaceAll("\\s+", " ");
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
        } else if (name.equals("rss")) {
            fixed = hasDefault ? ns.replaceFirst("") : attributes;
            Matcher version = RSS_VERSION.matcher(fixed);
            if (!version.find()) fixed = fixed + " version=\"2.0\"";
            else if (!RSS_VERSIONS.contains(version.group(2).strip())) {
                fixed = fixed.substring(0, version.start()) + " version=\"2.0\"" + fixed.substring(version.end());
            }
            if (fixed.equals(attributes)) return xml;
        } else {
            return xml;
        }
        return xml.substring(0, root.start(2)) + fixed + xml.substring(root.end(2));
    }

    /** Declares, on the root element, the namespace prefixes a feed uses without declaring them. */
    static String declarePrefixes(String xml) {
        Set<String> used = prefixesUsed(xml);
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

    /**
     * The prefixes of prefixed element names ({@code <dc:creator>}, {@code </dc:creator>}) and attribute
     * names ({@code  rdf:about=}), found from each colon (text has few), so a 20 MB item costs one pass.
     */
    private static Set<String> prefixesUsed(String xml) {
        Set<String> used = new LinkedHashSet<>();
        for (int colon = xml.indexOf(':'); colon >= 0; colon = xml.indexOf(':', colon + 1)) {
            int start = colon;
            while (start > 0 && nameChar(xml.charAt(start - 1))) start--;
            if (start == colon || !(Character.isLetter(xml.charAt(start)) || xml.charAt(start) == '_') || start == 0) continue;
            int after = colon + 1;
            if (after >= xml.length() || !(Character.isLetter(xml.charAt(after)) || xml.charAt(after) == '_')) continue;
            char before = xml.charAt(start - 1);
            boolean element = before == '<' || before == '/' && start >= 2 && xml.charAt(start - 2) == '<';
            if (!element && Character.isWhitespace(before)) {
                int j = after;
                while (j < xml.length() && nameChar(xml.charAt(j))) j++;
                while (j < xml.length() && Character.isWhitespace(xml.charAt(j))) j++;
                element = j < xml.length() && xml.charAt(j) == '='; // an attribute
            }
            if (element) used.add(xml.substring(start, colon));
        }
        return used;
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
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

    private static String rawBody(SyndEntry e) {
        StringBuilder raw = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null) raw.append(c.getValue()).append('\n');
        }
        if (raw.toString().isBlank() && e.getDescription() != null && e.getDescription().getValue() != null) {
            raw.append(e.getDescription().getValue());
        }
        return raw.toString();
    }

    /**
     * Metadata key of an item whose body was cut before it was read: its length, markup included, so that
     * the cut is reported with the item's real size ({@link DocumentReader#limited} takes the key out).
     */
    static final String CUT_FROM = "calque.body-chars";

    /** Marks an item whose raw body is past what {@link #body} reads. */
    void noteCut(Map<String, String> meta, String raw) {
        if (raw != null && raw.length() > room()) meta.put(CUT_FROM, Integer.toString(raw.length()));
    }

    private long room() {
        return 4L * maxTextChars + 4096;
    }

    /**
     * An item's text from its HTML or plain body. A body far past the text limit is cut before it is
     * read (markup counted generously), so a 20 MB item costs no more than the limit allows. A body
     * without markup is still HTML in RSS and Atom's html type: its entities ({@code &amp;nbsp;},
     * {@code &amp;amp;} escaped once more than needed) are the characters they name, as feed readers show them.
     * An HTML body is read without the furniture publishing systems put inside items ({@link FeedFurniture#itemBody}).
     */
    List<FeedFurniture.ItemParagraph> paragraphs(String raw) {
        if (raw.isBlank()) return List.of();
        raw = cut(raw);
        if (raw.indexOf('<') < 0) return plainParagraphs(raw.indexOf('&') >= 0 ? org.jsoup.parser.Parser.unescapeEntities(raw, false) : raw);
        return FeedFurniture.itemBody(raw);
    }

    /** A body that is plain text by its format (JSON Feed's {@code content_text}): read as it is. */
    List<FeedFurniture.ItemParagraph> plainBody(String raw) {
        return raw.isBlank() ? List.of() : plainParagraphs(cut(raw));
    }

    private static List<FeedFurniture.ItemParagraph> plainParagraphs(String raw) {
        List<String> out = new ArrayList<>();
        for (String p : plain(raw).split("\n\n")) if (!p.isBlank()) out.add(p);
        return FeedFurniture.itemText(out);
    }

    private String cut(String raw) {
        return raw.length() > room() ? raw.substring(0, (int) room()) : raw;
    }

    /** Plain text with its own paragraph breaks kept, lines inside a paragraph joined. */
    private static String plain(String raw) {
        List<String> ps = new ArrayList<>();
        for (String p : raw.split("\\n[ \\t\\x0B\\f\\r]*\\n")) {
            String t = p.strip();
            if (!t.isEmpty()) ps.add(t.replaceAll("[ \\t\\x0B\\f\\r]*\\n[ \\t\\x0B\\f\\r]*", " "));
        }
        return String.join("\n\n", ps);
    }

    private static String iso(Date d) {
        return d == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.toInstant().atOffset(ZoneOffset.UTC));
    }

    static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v.strip());
    }
}
