package dev.calque.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The main text of a web page: headline, standfirst, body paragraphs, subheadings, quotes and lists,
 * without navigation, banners, share bars, comments, "related" boxes, captions and footers.
 *
 * <p>Three steps over jsoup's DOM. Page furniture is pruned by tag (nav, aside, footer, forms...),
 * by ARIA role and by the words of its class and id ("share", "related", "comments"...). The
 * container of the article is the element whose paragraphs carry the most prose, as Mozilla's
 * Readability scores it (text length and commas, discounted by link density, credited to parent and
 * grandparent), widened to sibling blocks of the same kind. Its blocks are then read in order, link
 * lists and one-line calls to action left out. When that yields little beside the page's prose, the
 * whole pruned page is read the same way; when the page keeps its article only in JSON-LD (some
 * script-rendered sites do), that {@code articleBody} is taken.
 */
final class MainText {
    /** The article: its headline when the page shows one, and its paragraphs in order. */
    record Extracted(String headline, String title, List<String> paragraphs) {
    }

    /** A paragraph as read, and whether it was a heading (a heading that ends the article heads nothing). */
    record Para(String text, boolean heading, boolean linked, boolean paragraph, boolean item, String unlinked) {
        Para(String text, boolean heading) {
            this(text, heading, false, false, false, text);
        }

        Para(String text, boolean heading, boolean linked, boolean paragraph) {
            this(text, heading, linked, paragraph, false, text);
        }

        Para(String text, boolean heading, boolean linked, boolean paragraph, boolean item) {
            this(text, heading, linked, paragraph, item, text);
        }
    }

    private static final Set<String> DROPPED_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "video", "audio", "map", "button", "input", "select", "textarea", "option",
            "nav", "aside", "footer", "menu", "dialog", "figcaption", "link", "meta");
    private static final Set<String> DROPPED_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search", "dialog", "alertdialog", "menu", "menubar", "toolbar");
    /** Furniture words that also mark a class word they begin ("teaseronly", "relatedlinks", "sharebuttons"). */
    private static final Pattern FURNITURE_PREFIX = Pattern.compile("(?:teaser|related|share|social|sidebar|newsletter"
            + "|promo|advert|breadcrumb|comment|cookie|footer|navbar|pagination)[a-z]*");
    /** Furniture whatever its size: a popup or a comment thread can be longer than the article. */
    private static final Pattern STRONG = Pattern.compile("popup|modal|overlay|cookie|cookies|consent|comment|comments"
            + "|newsletter|disqus|gdpr|lightbox|offcanvas|buybox|cta|respond");
    /** Words of a class or id that mark the article (they win over furniture words on the same element). */
    private static final Pattern ARTICLE_WORDS = Pattern.compile("article|body|content|entry|main|post|text|story"
            + "|blog|prose|richtext|page");
    private static final Pattern PROTECTED = Pattern.compile("(?i)article-?body|post-?body|entry-?content|story-?body"
            + "|article-?content|post-?content|article-?text|story-?content|main-?content|articletext|body-?text");
    static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "dd", "dt", "td", "th", "div", "section", "article", "main", "header", "ul", "ol", "dl", "table",
            "tr", "figure", "address", "center", "form", "fieldset", "details", "summary", "body", "tbody", "thead");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote", "dd");

    private MainText() {
    }

    /**
     * Where each line the reading leaves out is told, with the rule that left it out, when a tuner asks for it
     * ({@code ExtractionHarness} with {@code -Dcalque.dropped=true}); null, and silent, otherwise.
     */
    static volatile java.util.function.BiConsumer<String, String> dropped;

    /** Tells the tuner's trace of a line left out elsewhere in ingestion (a feed's recurring paragraph). */
    static void told(String rule, String text) {
        drop(rule, text);
    }

    static void drop(String rule, String text) {
        var d = dropped;
        if (d != null && !text.isBlank()) d.accept(rule, norm(text));
    }

    static Extracted extract(Document doc) {
        String ogTitle = meta(doc, "og:title");
        String siteName = meta(doc, "og:site_name");
        String title = doc.title().strip().replaceAll("\\s+", " ");
        String ldBody = JsonLd.articleBody(doc);
        Element body = doc.body();
        if (body == null) return new Extracted(null, title, List.of());
        String standfirst = standfirstShown(body, doc);
        Element spare = body.clone();
        Element h1 = headlineElement(body, ogTitle, title, siteName);
        String headline = h1 != null ? norm(h1.text()) : null;
        List<String> paragraphs = mainParagraphs(body, h1, true);
        int got = paragraphs.stream().mapToInt(String::length).sum();
        // class and id words that prune nearly all of a page's prose have named the article itself (a wrapper
        // named "post-content use-lightbox" was pruned so): read the page again, judged by its structure only
        if (got < 500 && proseLength(spare) > Math.max(1000, 3 * got)) {
            drop("again", "=== read again by structure only");
            List<String> again = mainParagraphs(spare, headlineElement(spare, ogTitle, title, siteName), false);
            if (again.stream().mapToInt(String::length).sum() > 2 * got) paragraphs = again;
        }
        got = paragraphs.stream().mapToInt(String::length).sum();
        if (ldBody != null) {
            List<String> ld = linkedDataParagraphs(ldBody);
            if (ld.stream().mapToInt(String::length).sum() > Math.max(400, 2 * got)) paragraphs = ld;
        }
        paragraphs = dedupe(paragraphs);
        if (standfirst != null && !paragraphs.isEmpty() && !holds(paragraphs, standfirst)) {
            drop("standfirst-back", standfirst);
            paragraphs.add(0, standfirst);
        }
        if (headline != null && !headline.isEmpty()) {
            int at = -1;
            for (int i = 0; i < Math.min(paragraphs.size(), 5) && at < 0; i++) if (same(paragraphs.get(i), headline)) at = i;
            if (at >= 0) paragraphs.remove(at);
            // the headline again inside a breadcrumb or with its kicker ("Accueil à la une <headline>", "Tag der
            // Abstimmung: <headline> - wie geht es jetzt weiter?"): the same line twice, once with the page's furniture
            for (int i = 0; i < Math.min(paragraphs.size(), 3); i++) {
                if (headlineAgain(paragraphs.get(i), headline)) {
                    drop("headline-again", paragraphs.remove(i));
                    break;
                }
            }
            paragraphs.add(0, headline);
        }
        // the site's name as a line of its own near the top (a blog's <h1> above its post): the masthead, not the article
        if (siteName != null && !letters(siteName).isEmpty()) {
            for (int i = 0; i < Math.min(paragraphs.size(), 3); i++) {
                if (same(paragraphs.get(i), norm(siteName)) && !same(paragraphs.get(i), headline == null ? "" : headline)) {
                    drop("site-name", paragraphs.remove(i));
                    break;
                }
            }
        }
        String shownTitle = headline != null ? headline : cleanTitle(ogTitle != null ? ogTitle : title);
        return new Extracted(headline, shownTitle, paragraphs);
    }

    /**
     * The standfirst the page shows: a block of the page whose text is the page's own description ({@code
     * og:description}, {@code twitter:description}, {@code description}), 40 to 600 characters. Sites set it
     * apart from the article, in the header beside the headline (named "dek", "summary", "teaser", or nothing),
     * so the container misses it or the pruning takes it; it is the article's all the same.
     */
    private static String standfirstShown(Element body, Document doc) {
        Set<String> descriptions = new HashSet<>();
        for (String name : new String[] {"og:description", "twitter:description", "description"}) {
            String d = meta(doc, name);
            if (d != null && d.length() >= 40 && d.length() <= 600) descriptions.add(letters(d));
        }
        if (descriptions.isEmpty()) return null;
        for (Element e : body.select("p, div, span, h2, h3, h4, h5, h6, li, dd, blockquote")) {
            if (e.childrenSize() > 0 && !isLeafBlock(e) || furnitureByTag(e)) continue;
            String t = norm(e.text());
            if (t.length() >= 40 && t.length() <= 600 && descriptions.contains(letters(t)) && linkDensity(e) < 0.2) return t;
        }
        return null;
    }

    /**
     * In an element that its tag, role or visibility marks as furniture (an aside, a navigation, a hidden box). The
     * role "banner" is left aside: sites give it to the article's own header (The Atlantic), where a dek stands.
     */
    private static boolean furnitureByTag(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (furniture(x, false) && !"banner".equalsIgnoreCase(x.attr("role"))) return true;
        }
        return false;
    }

    /** Whether a paragraph of the text holds these words. */
    private static boolean holds(List<String> paragraphs, String text) {
        String key = letters(text);
        for (String p : paragraphs) if (letters(p).contains(key)) return true;
        return false;
    }

    /** Prunes the page, finds the article's container and reads it, or the whole pruned page when it yields little. */
    private static List<String> mainParagraphs(Element body, Element h1, boolean byName) {
        prune(body, h1, byName);
        Element root = container(body);
        List<Para> read = new ArrayList<>();
        if (root != null) {
            if (h1 != null && !isInside(h1, root)) for (String p : standfirst(h1, root)) read.add(new Para(p, false));
            read(root, read);
        }
        int prose = proseLength(body);
        int got = length(read);
        if (root == null || got < 250 && prose > 2 * got || got < 0.15 * prose) {
            List<Para> whole = new ArrayList<>();
            read(body, whole);
            if (length(whole) > got) read = whole;
        }
        if (dropped != null) outside(body, read);
        return trimEnds(read);
    }

    /** Tells the paragraphs of the pruned page that the container left out (for a tuner's trace only). */
    private static void outside(Element body, List<Para> read) {
        Set<String> got = new HashSet<>();
        for (Para p : read) got.add(letters(p.text()));
        for (Element e : body.select("p, li, h1, h2, h3, h4, h5, h6, blockquote, td, dd")) {
            if (!isLeafBlock(e)) continue;
            String t = norm(e.text());
            if (t.length() >= 25 && !got.contains(letters(t))) drop("outside", t);
        }
    }

    /**
     * The paragraphs of a JSON-LD {@code articleBody}: plain text with a paragraph a line, or, as some
     * publishing systems write it, the article's HTML, read block by block with the tags left out (piece by
     * piece, so that markup a page never meant to be parsed whole cannot swallow the rest).
     */
    private static List<String> linkedDataParagraphs(String ldBody) {
        boolean markup = MARKUP.matcher(ldBody).find();
        String text = markup ? BLOCK_END.matcher(ldBody).replaceAll("\n") : ldBody;
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\s*\\n\\s*(?:\\n\\s*)?")) {
            String t = markup ? norm(org.jsoup.Jsoup.parseBodyFragment(p).body().text()) : norm(p);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static final Pattern MARKUP = Pattern.compile("(?i)</?(?:p|div|br|h[1-6]|ul|ol|li|blockquote|pre)\\b[^>]*>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(?:p|div|h[1-6]|li|blockquote|pre|tr)>|<br\\s*/?>");

    /** The paragraphs of an HTML fragment that is all text (an item's title): nothing is judged furniture. */
    static List<String> fragment(String html) {
        List<String> texts = new ArrayList<>();
        List<Para> read = new ArrayList<>();
        read(fragmentBody(html), read, true);
        for (Para p : read) texts.add(p.text());
        return texts;
    }

    /** An HTML fragment's body, without what never shows as text (scripts, styles, embeds, controls). */
    static Element fragmentBody(String html) {
        Element body = org.jsoup.Jsoup.parseBodyFragment(html).body();
        body.select("script, style, noscript, template, iframe, object, embed, svg, button, form").remove();
        return body;
    }

    // ---- the headline ----

    /** The page's h1 (or, failing one, its first h2) whose text is the page's title or a part of it. */
    private static Element headlineElement(Element body, String ogTitle, String title, String siteName) {
        List<String> titles = new ArrayList<>();
        if (ogTitle != null) titles.add(ogTitle);
        if (!title.isEmpty()) titles.add(title);
        for (String tag : new String[] {"h1", "h2"}) {
            for (Element h : body.getElementsByTag(tag)) {
                String t = norm(h.text());
                if (t.length() < 8 || t.length() > 300) continue;
                for (String candidate : titles) if (titleMatches(t, candidate)) return h;
            }
        }
        // a short headline beside a longer site name ("Só quem se Ama... — Mensagens de Reflexão"): an h1 that is
        // one whole part of the title, the site's name left out
        for (String candidate : titles) {
            String part = headlinePart(candidate, siteName);
            if (part == null) continue;
            for (Element h : body.getElementsByTag("h1")) {
                String t = norm(h.text());
                if (t.length() >= 8 && t.length() <= 300 && letters(t).equals(part) && !homeLink(h)) return h;
            }
        }
        return null;
    }

    /**
     * The part of a title that names the page, in letters: of "Headline | Site", the part that is not the site's
     * name ({@code og:site_name}); without a site name, the first part, where most sites write the headline.
     */
    private static String headlinePart(String title, String siteName) {
        String[] parts = title.strip().split(TITLE_SEPARATOR);
        if (parts.length < 2) return null;
        String site = siteName == null ? "" : letters(siteName);
        if (site.isEmpty()) return letters(parts[0]);
        String found = null;
        for (String p : parts) {
            String l = letters(p);
            if (l.isEmpty() || l.equals(site)) continue;
            if (found != null) return null;
            found = l;
        }
        return found;
    }

    /** A heading that links to the site's home page is its logo ({@code <h1><a href="/">Site</a></h1>}), not a headline. */
    private static boolean homeLink(Element h) {
        for (Element a : h.select("a[href]")) {
            if (HOME.matcher(a.attr("href").strip()).matches()) return true;
        }
        return false;
    }

    private static final Pattern HOME = Pattern.compile("(?i)(?:https?:)?(?://[^/?#]+)?/?(?:index\\.\\w+)?(?:[?#].*)?");

    private static final String TITLE_SEPARATOR = "\\s+(?:\\||–|—|-|::|·|»)\\s+";

    /** A heading is the page's headline when the title is the heading, perhaps with the site's name around it. */
    static boolean titleMatches(String heading, String title) {
        String h = letters(heading);
        String t = letters(title);
        if (h.isEmpty() || t.isEmpty()) return false;
        if (h.equals(t)) return true;
        if (h.length() >= 15 && t.contains(h) && h.length() >= 0.4 * t.length()) return true;
        return t.length() >= 15 && h.contains(t) && t.length() >= 0.6 * h.length();
    }

    private static String cleanTitle(String t) {
        if (t == null || t.isBlank()) return null;
        String[] parts = t.strip().split(TITLE_SEPARATOR);
        String longest = parts[0];
        for (String p : parts) if (p.length() > longest.length()) longest = p;
        return norm(longest);
    }

    // ---- pruning ----

    /** Removes page furniture: by tag, role and visibility, and when {@code byName} by the words of class and id. */
    private static void prune(Element body, Element keep, boolean byName) {
        int pageProse = proseLength(body);
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            if (furniture(e, byName) && !protectedElement(e, keep, pageProse) && !inSentence(e)) doomed.add(e);
        }
        for (Element e : doomed) if (e.parent() != null) {
            if (dropped != null && e.text().length() >= 40) drop("prune:" + e.normalName() + "." + e.className() + "#" + e.id(), e.text());
            e.remove();
        }
        doomed.clear();
        for (Element e : body.getAllElements()) doomed.addAll(teaserCards(e, keep));
        for (Element e : doomed) if (e.parent() != null) {
            drop("teaser-card", e.text());
            e.remove();
        }
        for (Element e : otherArticles(body, keep)) {
            drop("other-article", e.text());
            e.remove();
        }
        body.select("header").forEach(h -> {
            if (h.getElementsByTag("h1").isEmpty() && (keep == null || !isInside(keep, h))) h.remove();
        });
    }

    private static final Pattern MEDIA_OBJECT = Pattern.compile("(?i)schema\\.org/(?:Video|Audio)Object\\b");
    /**
     * The schema.org types a page gives its own furniture in microdata, whatever its language: an ad slot, a sidebar,
     * the site's footer or navigation, a reader's comment. (The page header, WPHeader, is left to the rule for
     * headers: some hold the headline.)
     */
    private static final Pattern PAGE_FURNITURE_TYPE = Pattern.compile("(?i)schema\\.org/(?:WPAdBlock|WPSideBar|WPFooter"
            + "|SiteNavigationElement|Comment|UserComments)\\b");
    private static final Set<String> INLINE_TAGS = Set.of("a", "span", "em", "strong", "b", "i", "u", "abbr", "cite",
            "q", "mark", "small", "sup", "sub", "font", "time", "dfn", "var", "code", "kbd", "s", "del", "ins");

    /**
     * An inline element inside a paragraph's running text (a glossary link of class "popup", a
     * {@code <span class="social">} word) is part of the sentence: judged by its name it would cut words out
     * of the article. Furniture tags (buttons, scripts) and hidden elements go all the same.
     */
    static boolean inSentence(Element e) {
        if (!INLINE_TAGS.contains(e.normalName()) || e.text().isBlank()) return false;
        Element block = e.parent();
        while (block != null && INLINE_TAGS.contains(block.normalName())) block = block.parent();
        if (block == null || !block.normalName().matches("p|li|blockquote|dd|h[1-6]|td")) return false;
        if (e.hasAttr("hidden") || hiddenByStyle(e)) return false;
        String mine = norm(e.text());
        String all = norm(block.text());
        return all.length() >= mine.length() + 20;
    }

    /**
     * The other stories a page writes as {@code <article>}s of their own: when the headline stands in an
     * {@code <article>} that holds the story's prose (at least {@value #OWN_ARTICLE_PROSE} characters), an
     * {@code <article>} that neither holds it nor stands in it is another self-contained composition, which is
     * what HTML means by the element (a related post, the next story of an endless page), as long as it holds
     * less prose than the headline's own. A headline whose {@code <article>} is only a header (the body in a
     * second one) keeps the others.
     */
    private static List<Element> otherArticles(Element body, Element keep) {
        Element own = keep == null ? null : keep.closest("article");
        if (own == null) return List.of();
        int prose = proseLength(own);
        if (prose < OWN_ARTICLE_PROSE) return List.of();
        List<Element> out = new ArrayList<>();
        for (Element a : body.getElementsByTag("article")) {
            if (a == own || isInside(own, a) || isInside(a, own)) continue;
            boolean inOther = false;
            for (Element o : out) inOther |= isInside(a, o);
            if (!inOther && largestStory(a) < prose) out.add(a);
        }
        return out;
    }

    private static final int OWN_ARTICLE_PROSE = 400;

    /** The prose of an article, or for one that lists others ("You may also like" and six posts), of its largest. */
    private static int largestStory(Element article) {
        int largest = 0;
        boolean lists = false;
        for (Element inner : article.getElementsByTag("article")) {
            if (inner == article) continue;
            lists = true;
            largest = Math.max(largest, proseLength(inner));
        }
        return lists ? largest : proseLength(article);
    }

    /**
     * Teaser cards: two or more sibling boxes in a row (or most of the boxes of their parent), each a short text headed by a link to another page
     * (a heading that is a link, or that a link encloses), the shape of "more stories" and "other columns" modules
     * whatever they are called. An article's own sections are not headed by links.
     */
    private static List<Element> teaserCards(Element parent, Element keep) {
        List<Element> cards = new ArrayList<>();
        List<Element> all = new ArrayList<>();
        List<Element> run = new ArrayList<>();
        int boxes = 0;
        for (Element c : parent.children()) {
            if (c.text().isBlank()) continue;
            boxes++;
            if (teaserCard(c) && (keep == null || !isInside(keep, c))) {
                run.add(c);
                all.add(c);
                continue;
            }
            if (run.size() >= 2) cards.addAll(run);
            run.clear();
        }
        if (run.size() >= 2) cards.addAll(run);
        // or most of their box, whatever stands between them
        if (all.size() >= 2 && all.size() * 3 >= boxes * 2) cards = all;
        return cards;
    }

    private static boolean teaserCard(Element c) {
        if (!c.normalName().matches("div|li|article|section")) return false;
        String text = norm(c.text());
        if (text.length() > 600) return false;
        Element heading = c.selectFirst("h2, h3, h4, h5, h6");
        if (heading == null) return false;
        String h = norm(heading.text());
        if (h.length() < 10 || h.length() >= text.length()) return false;
        // a link around the heading (<a href><h5>...</h5></a>, HTML5's block link) links all of it
        for (Element up = heading.parent(); up != null && up != c.parent(); up = up.parent()) {
            if (up.normalName().equals("a") && linksAway(up)) return true;
        }
        int linked = 0;
        for (Element a : heading.getElementsByTag("a")) {
            if (linksAway(a)) linked += norm(a.text()).length();
        }
        return linked >= 0.6 * h.length();
    }

    /** A link to another page: not to a place in this one, not a script. */
    private static boolean linksAway(Element a) {
        String href = a.attr("href");
        return !href.isEmpty() && !href.startsWith("#") && !href.startsWith("javascript:");
    }

    static boolean furniture(Element e, boolean byName) {
        String tag = e.normalName();
        if (DROPPED_TAGS.contains(tag)) return true;
        if (tag.equals("form") && e.text().length() < 500) return true;
        if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) && e.text().length() < 200) return true;
        if (hiddenByStyle(e)) return true;
        if (DROPPED_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) return true;
        // a video or a recording described in schema.org microdata: its description and transcript are not the article's (a
        // picture's ImageObject is left alone: a slideshow page keeps its text in them)
        if (MEDIA_OBJECT.matcher(e.attr("itemtype")).find()) return true;
        if (PAGE_FURNITURE_TYPE.matcher(e.attr("itemtype")).find()) return true;
        if (tag.equals("body") || tag.equals("html") || !byName) return false;
        if (tag.equals("article") || tag.equals("main")) return strongName(e.className() + " " + e.id());
        if (tag.startsWith("h") && tag.length() == 2 && Character.isDigit(tag.charAt(1))) return false;
        // the id of an anchor (<a id="_disclaimer"/>) names the section it marks, not furniture; parsed as HTML
        // such an anchor may even hold the section's heading
        if (tag.equals("a") && !e.hasAttr("href")) return furnitureName(e.className());
        return furnitureName(e.className() + " " + e.id());
    }

    /**
     * The utility classes that hide text from the eye and leave it to screen readers (Drupal's
     * {@code element-invisible}, Bootstrap's {@code sr-only} and {@code visually-hidden}, WordPress's
     * {@code screen-reader-text}): "(link is external)" after a link, "Veröffentlicht am" before a date.
     * A reader of the page never sees it, so it is not the article's text.
     */
    private static final Pattern VISUALLY_HIDDEN = Pattern.compile("(?i)element-invisible|visually-?hidden|sr-only"
            + "|screen-?reader-(?:text|only)|u-hidden-visually|a11y-hidden");

    /** Hidden by its style or by a screen-reader-only class: no reader sees it. */
    private static boolean hiddenByStyle(Element e) {
        String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        return style.contains("display:none") || style.contains("visibility:hidden") || visuallyHidden(e);
    }

    private static boolean visuallyHidden(Element e) {
        if (!e.hasAttr("class")) return false;
        for (String token : e.className().split("\\s+")) if (VISUALLY_HIDDEN.matcher(token).matches()) return true;
        return false;
    }

    /** Class and id words: furniture words that no article word on the same token outweighs. */
    static boolean furnitureName(String classAndId) {
        if (classAndId.isBlank()) return false;
        for (String token : classAndId.split("\\s+")) {
            if (token.isEmpty() || stateFlag(token)) continue;
            boolean bad = false;
            boolean good = false;
            String[] parts = token.split("[-_:.]+|(?<=[a-z])(?=[0-9A-Z])");
            for (int i = 0; i < parts.length; i++) parts[i] = parts[i].toLowerCase(Locale.ROOT);
            for (String part : parts) {
                if (MainTextWords.CLASS_WORD.matcher(part).matches() || FURNITURE_PREFIX.matcher(part).matches()) bad = true;
                if (ARTICLE_WORDS.matcher(part).matches()) good = true;
            }
            // "comment-body" is a comment, "article-meta" is furniture, "post-content" is the article
            if (bad && (!good || badWins(parts))) return true;
        }
        return false;
    }

    /** Class and id words that mark furniture whatever the element holds. */
    static boolean strongName(String classAndId) {
        for (String token : classAndId.split("\\s+")) {
            if (stateFlag(token)) continue;
            for (String part : token.split("[-_:.]+|(?<=[a-z])(?=[0-9A-Z])")) {
                if (STRONG.matcher(part.toLowerCase(Locale.ROOT)).matches()) return true;
            }
        }
        return false;
    }

    /**
     * A class that says what an element has or does, not what it is ({@code use-lightbox}, {@code has-comments},
     * {@code no-sidebar}, {@code is-sticky}): the article's own wrapper often carries such flags.
     */
    static boolean stateFlag(String token) {
        return STATE_FLAG.matcher(token).lookingAt();
    }

    private static final Pattern STATE_FLAG = Pattern.compile("(?i)(?:has|use|uses|with|without|is|no|enable|enabled|allow|can)[-_]");

    /** In a mixed token the last word usually names the thing: "article-tags" is tags, "sidebar-content" a sidebar. */
    private static boolean badWins(String[] parts) {
        for (String p : parts) {
            if (p.equals("comment") || p.equals("comments") || p.equals("sidebar") || p.equals("related")
                    || p.equals("share") || p.equals("social") || p.equals("footer") || p.equals("nav")
                    || p.equals("cookie") || p.equals("newsletter") || p.equals("promo") || p.equals("ad")
                    || p.equals("ads") || p.equals("disqus") || p.equals("outbrain") || p.equals("taboola")) {
                return true;
            }
        }
        String last = parts[parts.length - 1];
        return MainTextWords.CLASS_WORD.matcher(last).matches();
    }

    /** Never prune what holds the headline or most of the page's prose (a wrapper named "has-sidebar"). */
    static boolean protectedElement(Element e, Element headline, int pageProse) {
        String tag = e.normalName();
        if (DROPPED_TAGS.contains(tag) && !tag.equals("figcaption")) return false;
        if (headline != null && isInside(headline, e) && !DROPPED_TAGS.contains(tag)) return true;
        if (strongName(e.className() + " " + e.id())) return false;
        if (PROTECTED.matcher(e.className() + " " + e.id()).find() && !furnitureName(lastToken(e))) return true;
        if (pageProse <= 0) return false;
        int mine = proseLength(e);
        if (mine > 0.4 * pageProse) return true;
        // a wrapper named for its place ("above-footer") around the article's own container
        if (mine > 0.25 * pageProse) {
            for (Element inner : e.getAllElements()) {
                if (inner != e && (inner.normalName().equals("article") || PROTECTED.matcher(inner.className() + " " + inner.id()).find())
                        && proseLength(inner) > 0.2 * pageProse) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String lastToken(Element e) {
        return e.className() + " " + e.id();
    }

    // ---- the container ----

    private static Element container(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            boolean scored = SCORED.contains(e.normalName()) || isTextDiv(e);
            if (!scored) continue;
            String text = ownBlockText(e);
            if (text.length() < 25) continue;
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            Element ancestor = e.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor.normalName().equals("html")) break;
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        Map<Element, Double> finals = new HashMap<>();
        for (Map.Entry<Element, Double> s : scores.entrySet()) {
            Element e = s.getKey();
            double score = (s.getValue() + tagWeight(e) + classWeight(e)) * (1 - linkDensity(e));
            finals.put(e, score);
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        if (best == null) return null;
        // a container that is an only child, or whose parent holds the same prose, stands for its parent;
        // one whose prose siblings all join it (a document in sections) stands for its parent too
        while (true) {
            while (best.parent() != null && best.parent() != body && !best.parent().normalName().equals("html")) {
                Element parent = best.parent();
                int mine = proseLength(best);
                int theirs = proseLength(parent);
                if (parent.children().size() == 1 || theirs <= mine * 1.15 + 20 && linkDensity(parent) < 0.35) {
                    best = parent;
                } else {
                    break;
                }
            }
            Element widened = widen(best, finals, bestScore);
            if (widened != best.parent() || widened == body) return widened;
            best = widened;
        }
    }

    /** Siblings of the container that carry prose of their own join it (articles split over several blocks). */
    private static Element widen(Element best, Map<Element, Double> finals, double bestScore) {
        Element parent = best.parent();
        if (parent == null || best.normalName().equals("body")) return best;
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> joined = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                joined.add(sibling);
                continue;
            }
            double s = finals.getOrDefault(sibling, 0.0);
            if (!best.className().isEmpty() && sibling.className().equals(best.className())) s += bestScore * 0.2;
            String text = norm(sibling.text());
            double density = linkDensity(sibling);
            boolean prose = sibling.normalName().equals("p") && (text.length() > 80 && density < 0.25
                    || text.length() > 0 && density == 0 && text.matches(".*[.!?。！？][\"”’]?$"));
            // a document split in sections of one kind (DocBook's div.section, a wiki's chapters): each is part of it
            boolean sameKind = !best.className().isEmpty() && sibling.className().equals(best.className())
                    && sibling.normalName().equals(best.normalName()) && density < 0.25 && proseLength(sibling) >= 80;
            if (s >= threshold || prose || sameKind) joined.add(sibling);
        }
        if (joined.size() == 1) return best;
        boolean all = true;
        for (Element sibling : parent.children()) if (!joined.contains(sibling) && proseLength(sibling) > 0) all = false;
        if (all && parent.normalName().matches("div|section|article|main")) return parent;
        Element wrapper = new Element("div");
        for (Element e : joined) wrapper.appendChild(e.clone());
        return wrapper;
    }

    private static double tagWeight(Element e) {
        return switch (e.normalName()) {
            case "article", "main" -> 10;
            case "div", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "dd", "dt", "li", "form", "address" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    private static double classWeight(Element e) {
        double w = 0;
        for (String name : new String[] {e.className(), e.id()}) {
            if (name.isBlank()) continue;
            if (furnitureName(name)) w -= 25;
            else if (Pattern.compile("(?i)article|body|content|entry|main|post|text|story|blog").matcher(name).find()) w += 25;
        }
        return w;
    }

    // ---- reading blocks ----

    /** Appends the paragraphs of an element: each block its own paragraph, link lists and calls to action left out. */
    static void read(Element root, List<Para> out) {
        read(root, out, false);
    }

    static void read(Element root, List<Para> out, boolean fragment) {
        StringBuilder inline = new StringBuilder();
        int[] linkChars = {0};
        for (Node child : root.childNodes()) {
            if (child instanceof TextNode t) {
                inline.append(t.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    inline.append(" \u0000 ");
                } else if (BLOCK_TAGS.contains(tag) || isBlockish(e)) {
                    flush(inline, out, fragment, linkChars);
                    block(e, out, fragment);
                } else if (!tag.equals("a") && holdsBlocks(e)) {
                    // a span or a font around the article's paragraphs (taz, LA Weekly): read its blocks, not one line
                    flush(inline, out, fragment, linkChars);
                    read(e, out, fragment);
                } else {
                    String t = e.text().isEmpty() ? "" : inlineText(e);
                    if (realLink(e)) t = LINK_OPEN + t + LINK_CLOSE;
                    // a bold run standing alone between line breaks is a subheading ("<b>Guestrooms</b><br>")
                    if (tag.equals("b") || tag.equals("strong")) t = BOLD + t + BOLD;
                    inline.append(t);
                    int chars = unmarked(t).strip().length();
                    linkChars[0] += tag.equals("a") && e.hasAttr("href") ? chars : (int) (chars * linkDensity(e));
                }
            }
        }
        flush(inline, out, fragment, linkChars);
    }

    private static void block(Element e, List<Para> out, boolean fragment) {
        String tag = e.normalName();
        boolean leaf = isLeafBlock(e);
        if (!leaf) {
            if (tag.equals("ul") || tag.equals("ol")) {
                if (linkList(e)) {
                    drop("link-list", e.text());
                    return;
                }
            }
            if (tag.equals("table") && linkDensity(e) > 0.5) {
                drop("link-table", e.text());
                return;
            }
            read(e, out, fragment);
            return;
        }
        String marked = markedBlockText(e);
        String text = unmarked(marked);
        if (text.isEmpty()) return;
        if (!fragment && !keepBlock(e, text)) {
            drop("link-block", text);
            return;
        }
        boolean heading = tag.matches("h[1-6]");
        boolean linked = linkDensity(e) > 0.5;
        String[] lines = marked.split("\\s*\u0000\\s*");
        for (String p : lines) {
            // a block of lines between <br>s: each line is a link or not by its own words ("También: <a>...</a>")
            boolean lineLinked = lines.length > 1 ? linkedLine(p) : linked;
            String own = norm(unmarked(withoutLinks(p)));
            p = unmarked(p);
            if (!p.isBlank()) out.add(new Para(norm(p), heading, lineLinked, tag.equals("p"), tag.equals("li"), own));
        }
    }

    /** A list of links (related stories, tags, menus) is furniture; a list of sentences is content. */
    private static boolean linkList(Element list) {
        Elements items = list.children();
        if (items.isEmpty()) return false;
        double density = linkDensity(list);
        return density > 0.6 || density > 0.35 && averageLength(items) < 60;
    }

    private static double averageLength(Elements items) {
        int total = 0;
        for (Element i : items) total += norm(i.text()).length();
        return total / (double) items.size();
    }

    private static boolean keepBlock(Element e, String text) {
        String tag = e.normalName();
        double density = linkDensity(e);
        boolean heading = tag.matches("h[1-6]");
        if (density > 0.5 && !(tag.equals("p") && text.length() > 150 && density < 0.8) && !linkedSentence(e, text)) return false;
        if (heading) return text.length() <= 300;
        if (text.length() < 25 && density > 0.2) return false;
        return true;
    }

    /**
     * A sentence most of whose words are a link to another story, inside the article: "The 99-year-old husband
     * of the Queen has <a>spent three weeks in hospital and has undergone a heart procedure</a>." The words
     * outside the link carry the sentence on (four or more) and it ends as sentences end; a teaser ("Read
     * <a>...</a>", "Lire : <a>...</a>") or a notice does not.
     */
    private static boolean linkedSentence(Element e, String text) {
        String t = norm(text);
        if (t.length() < 60 || !SENTENCE_END.matcher(t).find() || callToAction(t) || MainTextWords.MORE_LEAD.matcher(t).find()) return false;
        StringBuilder own = new StringBuilder();
        unlinkedText(e, own);
        return norm(own.toString()).split("[\\s\\p{Punct}–—]+").length >= 4;
    }

    private static void unlinkedText(Node n, StringBuilder sb) {
        for (Node c : n.childNodes()) {
            if (c instanceof TextNode t) sb.append(t.getWholeText()).append(' ');
            else if (c instanceof Element x && !(x.normalName().equals("a") && x.hasAttr("href"))) unlinkedText(x, sb);
        }
    }

    /** A block none of whose children is itself a block: read as one paragraph. */
    private static boolean isLeafBlock(Element e) {
        String tag = e.normalName();
        if (tag.matches("h[1-6]") || tag.equals("pre")) return true;
        for (Element c : e.getAllElements()) {
            if (c == e) continue;
            if (BLOCK_TAGS.contains(c.normalName()) && !c.normalName().equals("section") || isBlockish(c)) return false;
        }
        return true;
    }

    /**
     * An inline element that holds paragraphs ({@code <span class="body"><p>...</p><p>...</p></span>}): read inline,
     * the whole article became one line. A link around blocks (a teaser card) is left to be judged as a link.
     */
    private static boolean holdsBlocks(Element e) {
        // two blocks at least: a bold run left open over one paragraph by tag soup ("Thousands <b>lost</i> power.<p>Rain")
        // is still read inline, as a browser shows its first words on the line they continue
        int blocks = 0;
        for (Element c : e.getAllElements()) {
            if (c != e && c.normalName().matches("p|div|h[1-6]|ul|ol|li|table|blockquote|pre|section|article|dl") && ++blocks == 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlockish(Element e) {
        String style = e.attr("style");
        return !style.isEmpty() && style.replace(" ", "").contains("display:block") && e.normalName().equals("span");
    }

    private static String blockText(Element e) {
        return unmarked(markedBlockText(e));
    }

    /** A block's text with its lines apart and the words of its links between {@link #LINK_OPEN} and {@link #LINK_CLOSE}. */
    private static String markedBlockText(Element e) {
        if (e.normalName().equals("pre")) return e.wholeText().strip();
        StringBuilder sb = new StringBuilder();
        Element runIn = runInHead(e);
        for (Node c : e.childNodes()) {
            appendNode(c, sb);
            if (c == runIn) sb.append(" \u0000 ");
        }
        return sb.toString().strip();
    }

    /**
     * A bold run that opens a paragraph or list item and ends with a full stop, the rest of the block going on after
     * it ("<li><strong>A secure connection.</strong> HTTPS guarantees...</li>"): a run-in heading, which is a line of
     * its own, not a verbless sentence of the paragraph. At most eight words, and at least three words after it.
     */
    private static Element runInHead(Element block) {
        String tag = block.normalName();
        if (!tag.equals("p") && !tag.equals("li")) return null;
        for (Node c : block.childNodes()) {
            if (c instanceof TextNode t && t.isBlank()) continue;
            if (!(c instanceof Element b) || !(b.normalName().equals("strong") || b.normalName().equals("b"))
                    || !b.getElementsByTag("a").isEmpty()) return null;
            String lead = norm(b.text());
            if (!lead.endsWith(".") || lead.endsWith("..") || lead.split(" ").length > 8) return null;
            String all = norm(block.text());
            if (!all.startsWith(lead) || all.substring(lead.length()).strip().split("\\s+").length < 3) return null;
            return b;
        }
        return null;
    }

    private static void appendInline(Node n, StringBuilder sb) {
        for (Node c : n.childNodes()) appendNode(c, sb);
    }

    private static void appendNode(Node c, StringBuilder sb) {
        if (c instanceof TextNode t) sb.append(t.getWholeText());
        else if (c instanceof Element e) {
            if (e.normalName().equals("br")) sb.append(" \u0000 ");
            else if (realLink(e)) {
                sb.append(LINK_OPEN);
                appendInline(e, sb);
                sb.append(LINK_CLOSE);
            } else appendInline(e, sb);
        }
    }

    private static final char LINK_OPEN = '\u0002';
    private static final char LINK_CLOSE = '\u0003';

    private static boolean realLink(Element e) {
        if (!e.normalName().equals("a")) return false;
        String href = e.attr("href").strip();
        return !href.isEmpty() && !href.startsWith("#") && !href.startsWith("javascript:");
    }

    /** A marked line without the words of its links. */
    private static String withoutLinks(String marked) {
        if (marked.indexOf(LINK_OPEN) < 0) return marked;
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == LINK_OPEN) depth++;
            else if (c == LINK_CLOSE) depth = Math.max(0, depth - 1);
            else if (depth == 0) sb.append(c);
        }
        return sb.toString();
    }

    private static String unmarked(String s) {
        return s.indexOf(LINK_OPEN) < 0 && s.indexOf(LINK_CLOSE) < 0 ? s : s.replace(String.valueOf(LINK_OPEN), "").replace(String.valueOf(LINK_CLOSE), "");
    }

    /** A line more than half of whose characters (spaces aside) are the words of links. */
    private static boolean linkedLine(String marked) {
        int depth = 0, inLink = 0, all = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == LINK_OPEN) depth++;
            else if (c == LINK_CLOSE) depth = Math.max(0, depth - 1);
            else if (!Character.isWhitespace(c) && c != BOLD) {
                all++;
                if (depth > 0) inLink++;
            }
        }
        return all > 0 && inLink > 0.5 * all;
    }

    /** An inline element's text, its links marked (a line of them is judged by {@link #linkedLine}). */
    private static String inlineText(Element e) {
        StringBuilder sb = new StringBuilder();
        appendInline(e, sb);
        return sb.toString();
    }

    private static void flush(StringBuilder inline, List<Para> out, boolean fragment, int[] linkChars) {
        String marked = inline.toString();
        String s = unmarked(marked);
        inline.setLength(0);
        boolean linked = linkChars[0] > 0.5 * s.strip().length();
        linkChars[0] = 0;
        String[] lines = marked.split("\\s*+\u0000\\s*+(?:\u0000\\s*+)*+");
        for (String p : lines) {
            boolean lineLinked = lines.length > 1 ? linkedLine(p) : linked;
            String own = norm(unmarked(withoutLinks(p)));
            p = unmarked(p);
            String bare = p.strip();
            boolean subheading = bare.length() > 2 && bare.charAt(0) == BOLD && bare.charAt(bare.length() - 1) == BOLD
                    && bare.indexOf(BOLD, 1) == bare.length() - 1;
            String t = norm(p);
            // a bold sentence is a sentence set in bold (a lead, a page all in <b>), not a subheading
            if (subheading && t.length() >= 3 && t.length() <= 120 && !BOLD_SENTENCE.matcher(t).matches()) out.add(new Para(t, true, lineLinked, false, false, own));
            else if (t.length() >= 20 || !t.isEmpty() && (fragment || t.matches(".*[.!?:。！？：]$"))) out.add(new Para(t, false, lineLinked, false, false, own));
            else drop("short-inline", t);
        }
    }

    /** Blocks between the headline and the article's container that read as a standfirst. */
    private static List<String> standfirst(Element h1, Element root) {
        List<String> found = new ArrayList<>();
        Element e = h1.nextElementSibling();
        for (int i = 0; e != null && i < 4; i++, e = e.nextElementSibling()) {
            if (isInside(root, e) || !e.getElementsByTag("p").isEmpty() && e.getElementsByTag("p").size() > 3) break;
            String text = norm(e.text());
            if (text.length() >= 40 && text.length() <= 600 && linkDensity(e) < 0.2 && commas(text) + text.split(" ").length > 8) {
                found.add(text);
            }
        }
        return found;
    }

    // ---- measures ----

    /** Text of paragraphs long enough to be prose, links not counted. */
    static int proseLength(Element e) {
        int n = 0;
        for (Element p : e.getAllElements()) {
            if (!SCORED.contains(p.normalName()) && !isTextDiv(p)) continue;
            String t = ownBlockText(p);
            if (t.length() >= 25) n += (int) (t.length() * (1 - linkDensity(p)));
        }
        return n;
    }

    /** A div or section holding text directly (sites that separate paragraphs with br only). */
    private static boolean isTextDiv(Element e) {
        String tag = e.normalName();
        if (!tag.equals("div") && !tag.equals("section") && !tag.equals("span") && !tag.equals("font")) return false;
        int direct = 0;
        for (TextNode t : e.textNodes()) direct += t.text().strip().length();
        return direct >= 25;
    }

    private static String ownBlockText(Element e) {
        if (isTextDiv(e) && !SCORED.contains(e.normalName())) {
            StringBuilder sb = new StringBuilder();
            for (Node c : e.childNodes()) {
                if (c instanceof TextNode t) sb.append(t.text());
                else if (c instanceof Element x && !BLOCK_TAGS.contains(x.normalName())) sb.append(x.text());
            }
            return norm(sb.toString());
        }
        return norm(e.text());
    }

    static double linkDensity(Element e) {
        String text = e.text();
        if (text.isEmpty()) return 0;
        int links = 0;
        for (Element a : e.getElementsByTag("a")) {
            if (!a.hasAttr("href")) continue; // an anchor (<a id>, <a name>) is no link
            String href = a.attr("href");
            double weight = href.startsWith("#") ? 0.3 : 1;
            links += (int) (a.text().length() * weight);
        }
        return Math.min(1, links / (double) text.length());
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '،' || c == '，' || c == '、') n++;
        }
        return n;
    }

    private static int length(List<Para> ps) {
        int n = 0;
        for (Para p : ps) n += p.text().length();
        return n;
    }

    /** Drops headings that end the text and short calls to action at either end of it. */
    private static List<String> trimEnds(List<Para> read) {
        List<Para> ps = otherStories(titleRun(tailBox(read)));
        trimTail(ps);
        // a call to action just before the last paragraphs ("Subscribe..." then a footer note)
        for (int i = ps.size() - 1; i >= Math.max(0, ps.size() - 3); i--) {
            if (callToAction(ps.get(i).text())) drop("end-notice", ps.remove(i).text());
        }
        // before the first paragraph: section names, dates, "By ..." lines (the headline is put back in front later)
        int first = !ps.isEmpty() && ps.get(0).heading() ? 1 : 0;
        while (ps.size() > first + 3 && (callToAction(ps.get(first).text()) || !ps.get(first).heading()
                && headlineLike(ps.get(first).text()) && ps.get(first).text().length() <= 80)) {
            drop("start-trim", ps.remove(first).text());
        }
        // between a standfirst and the first paragraph of prose: "Browse Issues", "Back to the front page",
        // "Photo : YONHAP News", "4 min"; a kicker in capitals ("EXCLUSIVE", "ANALYSE") is the article's own
        int prose = first;
        while (prose < ps.size() && prose < first + 10 && (ps.get(prose).text().length() < 150 || headlineLike(ps.get(prose).text()))) prose++;
        if (prose < first + 10 && prose < ps.size() - 3) {
            for (int i = prose - 1; i > first; i--) {
                Para p = ps.get(i);
                if (!p.heading() && p.text().length() <= 50 && headlineLike(p.text()) && !KICKER.matcher(p.text()).matches()) drop("lead-zone", ps.remove(i).text());
            }
        }
        List<String> out = new ArrayList<>();
        for (Para p : ps) {
            if (!looksLikeCode(p.text())) out.add(p.text());
            else drop("code", p.text());
        }
        return out;
    }

    /**
     * Trims the end of the text: headings that head nothing, calls to action, a line that announces what was
     * left out (it ends in a colon) and, after the last paragraph, links and short lines that are no paragraph
     * of their own (other stories' titles). A sentence ending in a colon that announces the list after it stops
     * it ("I know it's a lot of graphs, so I'll summarize them:" then the findings as list items): that list is
     * the article's and stays. Before, each trimmed line exposed the next, and such an ending was eaten
     * back to its last long paragraph.
     */
    private static void trimTail(List<Para> ps) {
        List<Para> items = new ArrayList<>(); // trimmed as short lines without a sentence's end, and no links
        List<Para> trimmed = new ArrayList<>();
        while (!ps.isEmpty()) {
            Para last = ps.get(ps.size() - 1);
            String t = last.text();
            if (!items.isEmpty() && announcesList(last) && items.stream().allMatch(Para::item)) {
                ps.addAll(items);
                trimmed.removeAll(items);
                break;
            }
            if (last.heading() || callToAction(t) || t.endsWith(":")) {
                items.clear();
            } else if (ps.size() > 3 && (last.linked() || !last.paragraph())
                    && (headlineLike(t) || t.length() <= 300 && TRUNCATED.matcher(t).find())) {
                if (last.linked() || !headlineLike(t)) items.clear();
                else items.add(0, last);
            } else {
                break;
            }
            trimmed.add(ps.remove(ps.size() - 1));
        }
        for (Para p : trimmed) drop("end-trim", p.text());
    }

    /** A sentence (five words or more, no link, no notice) that ends in a colon: it announces the lines after it. */
    private static boolean announcesList(Para p) {
        String t = p.text();
        return !p.heading() && !p.linked() && t.endsWith(":") && t.split("\\s+").length >= 5 && !callToAction(t)
                && !MainTextWords.MORE_LINE.matcher(t).matches() && !MainTextWords.LABEL.matcher(t).matches();
    }

    static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？][\"”’»)]?$");

    /**
     * Leaves out links to other stories wherever they stand: a line that announces them ("Lire aussi :",
     * "Mehr zum Thema") with the link that follows it, a link that opens with such words, and a heading
     * of that kind past the middle of the text with everything after it (a "Related stories" section), and
     * the stand-ins of embeds that a consent banner blocked, lines that are only a time or a date, and
     * short notices that are no paragraph ({@code <div>Foto: EFE</div>}, a newsletter box) wherever they stand.
     * The announcement alone, not a link, stays: in a translation it is what the furniture rule flags.
     */
    private static List<Para> otherStories(List<Para> read) {
        int total = length(read);
        List<Para> out = new ArrayList<>();
        int before = 0;
        for (int i = 0; i < read.size(); i++) {
            Para p = read.get(i);
            String t = p.text();
            boolean line = t.length() <= 80 && MainTextWords.MORE_LINE.matcher(t).matches();
            if (line && shortLink(read, i + 1)) {
                // the announcement and the links it announces: one (an inset) or a run of them (a list of picks)
                drop("more-line", t);
                while (shortLink(read, i + 1)) drop("more-line", read.get(++i).text());
            } else if (t.length() <= 400 && BRACKETED.matcher(t).matches()
                    && (MainTextWords.MORE_LEAD.matcher(t).find() || MainTextWords.NOTICE.matcher(t).find())) {
                // an inset in brackets: "(Le puede interesar: <another story>)", "[... im kostenlosen Newsletter ...]"
                drop("inset", t);
            } else if (!WORDED.matcher(t).find()) {
                // a rule drawn in characters ("- - - -", "*****", "|"): no word of the article
            } else if (t.length() <= 60 && MainTextWords.LABEL.matcher(t).matches()) {
                // a control or label of the page; a credit's label alone ("Foto:") takes the name after it
                drop("label", t);
                if (credit(t) && i + 1 < read.size() && nameLine(read.get(i + 1))) drop("label", read.get(++i).text());
            } else if (line && p.heading() && before > 0 && before >= total - before - t.length()) {
                if (dropped != null) for (Para rest : read.subList(i, read.size())) drop("more-section", rest.text());
                break;
            } else {
                String why = p.linked() && t.length() <= 250 && MainTextWords.MORE_LEAD.matcher(t).find() ? "more-link"
                        : t.length() < 400 && MainTextWords.EMBED.matcher(t).find() ? "embed"
                        : TIMESTAMP.matcher(t).matches() ? "timestamp"
                        : t.length() <= 60 && MainTextWords.DATE_LINE.matcher(t).matches() ? "date"
                        : !p.heading() && t.length() <= 120 && (headlineLike(t) || t.endsWith(")"))
                                && MainTextWords.BYLINE.matcher(t).matches() ? "byline"
                        : !p.paragraph() && !p.heading() && t.length() < 150 && callToAction(t) ? "notice" : null;
                if (why == null) out.add(p);
                else drop(why, t);
            }
            before += t.length();
        }
        return out;
    }

    /** Whether paragraph {@code i} is there and is a link of at most 200 characters (another story's title). */
    private static boolean shortLink(List<Para> read, int i) {
        return i < read.size() && read.get(i).linked() && read.get(i).text().length() <= 200;
    }

    /**
     * Cuts a box of page furniture that closes the text, from a notice or an announcement of other stories in
     * its last lines (at most a fifth of the text, 1,200 characters, no long paragraph after it) when another
     * such line follows it or only titles do (links, lines without a sentence's end): "Do you want to be
     * informed...? Sign up here" then "Other recent stories" and their teasers; "Je m'abonne", "Le sommaire
     * détaillé". Trimming the last line alone left the lines after it. A photo credit counts only when it is
     * the text's one credit: credits that recur are a gallery's, and its next slide follows them.
     */
    private static List<Para> tailBox(List<Para> ps) {
        int total = length(ps);
        int after = 0;
        int cut = -1;
        int triggers = 0;
        boolean onlyTitles = true; // every line after the candidate is a link or has no sentence's end
        int credits = 0;
        for (Para p : ps) if (credit(p.text())) credits++;
        for (int i = ps.size() - 1; i > 2; i--) {
            Para p = ps.get(i);
            String t = p.text();
            if (t.length() < 250 && MainTextWords.BOX_NOTICE.matcher(t).find() || t.length() <= 80 && MainTextWords.MORE_LINE.matcher(t).matches()
                    || credits == 1 && credit(t)) {
                if (i < ps.size() - 1 && (triggers > 0 || onlyTitles)) cut = i;
                triggers++;
            } else if (t.length() > 200 && !p.linked()) {
                break;
            }
            onlyTitles &= p.linked() || headlineLike(t);
            after += t.length();
            if (after > Math.min(1200, 0.2 * total)) break;
        }
        if (cut < 0) return ps;
        if (dropped != null) for (Para p : ps.subList(cut, ps.size())) drop("tail-box", p.text());
        return new ArrayList<>(ps.subList(0, cut));
    }

    private static final Pattern KICKER = Pattern.compile("\\p{Lu}{2,}(?:[ -]\\p{Lu}{2,})?");
    private static final Pattern BRACKETED = Pattern.compile("(?s)\\s*(?:\\(.*\\)|\\[.*])\\s*");
    static final Pattern WORDED = Pattern.compile("[\\p{L}\\p{N}]");

    /** A short line that can be a name (a photographer's, after "Foto:"): no heading, no sentence, at most five words. */
    private static boolean nameLine(Para p) {
        String t = p.text();
        return !p.heading() && t.length() <= 50 && headlineLike(t) && t.split("\\s+").length <= 5;
    }

    /**
     * Cuts a run of short titles that closes the text after its last paragraph of prose: the headings of side
     * boxes whose lists were left out ("Politico Blogs", "POLITICO Policy", "Pollitico"), section and app
     * names ("The Hive", "Read Business Insider On The Go", "Download"). At least four lines of at most 80
     * characters, half of them links or headings that head nothing (another heading follows them), 1,000
     * characters in all; short lines under headings (a box of pros and cons, a song's verses, a table's
     * cells, a list of ingredients) are the article and stay.
     */
    private static List<Para> titleRun(List<Para> ps) {
        int start = ps.size();
        int marked = 0;
        int chars = 0;
        while (start > 1) {
            Para p = ps.get(start - 1);
            String t = p.text();
            if (t.length() > 80 || !(p.heading() || p.linked() || headlineLike(t) || !p.paragraph())) break;
            chars += t.length();
            boolean orphan = p.heading() && (start == ps.size() || ps.get(start).heading()); // heads nothing
            if (orphan || p.linked()) marked++;
            start--;
        }
        int run = ps.size() - start;
        if (run < 4 || 2 * marked < run || chars > 1000) return ps;
        Para before = ps.get(start - 1);
        if (before.text().length() < 100 || headlineLike(before.text())) return ps;
        if (dropped != null) for (Para p : ps.subList(start, ps.size())) drop("title-run", p.text());
        return new ArrayList<>(ps.subList(0, start));
    }

    /** A photo or video credit ("Image credit: ...", "Video: Now Playing"), which repeats in a gallery. */
    static boolean credit(String text) {
        return text.length() < 250 && MainTextWords.CREDIT.matcher(text).find();
    }

    /** A teaser's excerpt, cut off in the middle of a sentence by the site ("... ont atteint 12140 tonnes depuis…"). */
    private static final Pattern TRUNCATED = Pattern.compile("\\p{L}\\s?(?:…|\\.\\.\\.|\\[…]|\\[\\.\\.\\.])$");

    /** A line that is only a time or a date in figures ("12:00 a. m.", "28.04.2020 21:38 Uhr"): a teaser's stamp. */
    private static final Pattern TIMESTAMP = Pattern.compile("(?iu)(?=.*\\d[:./-]\\d)(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})?"
            + "[\\s,]*(?:\\d{1,2}[:.h]\\d{2}\\s*(?:[ap]\\.?\\s?m\\.?|uhr|h|hs\\.?)?)?");

    /** Script or style text that a page's broken markup left in the body ({@code <script/>}). */
    private static boolean looksLikeCode(String text) {
        int marks = 0;
        for (int i = 0; i < text.length(); i++) if ("{}[];=<>\\".indexOf(text.charAt(i)) >= 0) marks++;
        return text.length() > 40 && marks > text.length() * 0.05
                && (text.contains("function") || text.contains("var ") || text.contains("=>") || text.contains("{\""));
    }

    /**
     * A short line without a sentence's end: before the article's first paragraph, a section name, date
     * or byline; after its last, when it is a link or no paragraph of its own, the title of another story. (A
     * short last paragraph stays: "source site" left by a translation is what Calque's furniture rule is for.)
     */
    static boolean headlineLike(String text) {
        text = INVISIBLE_END.matcher(text).replaceAll("");
        return text.length() <= 120 && !text.matches("(?s).*[.!?…:;)。！？：；」』\"”»’'\\]]$");
    }

    /** A short line that holds the whole headline (four words or more) and at most eight words besides. */
    private static boolean headlineAgain(String text, String headline) {
        int words = dev.calque.model.Texts.wordCount(headline);
        if (words < 4 || text.length() > 250 || text.length() <= headline.length()) return false;
        return letters(text).contains(letters(headline)) && dev.calque.model.Texts.wordCount(text) - words <= 8;
    }

    static boolean callToAction(String text) {
        return text.length() < 250 && MainTextWords.NOTICE.matcher(text).find();
    }

    private static List<String> dedupe(List<String> ps) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String p : ps) {
            String key = letters(p);
            if (key.length() > 30 && !seen.add(key)) {
                drop("duplicate", p);
                continue;
            }
            out.add(p);
        }
        return out;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element x = e; x != null; x = x.parent()) if (x == ancestor) return true;
        return false;
    }

    private static String meta(Document doc, String property) {
        Element m = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        if (m == null) return null;
        String c = m.attr("content").strip();
        return c.isEmpty() ? null : c;
    }

    private static boolean same(String a, String b) {
        return letters(a).equals(letters(b));
    }

    static String letters(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase(Locale.ROOT);
    }

    static String norm(String s) {
        return s.replace('\u00A0', ' ').replace("\u0001", "").replaceAll("[\\s\u0000]+", " ").strip();
    }

    /**
     * Invisible characters at a line's end (a zero-width space, U+2063 after a recipe step's full stop, a byte-order
     * mark, a soft hyphen): none is seen, but after a full stop one hid the sentence's end. They stay in the text.
     */
    private static final Pattern INVISIBLE_END = Pattern.compile("[\u00AD\u200B\u2060-\u2064\uFEFF]+$");

    /** Marks the ends of a bold run in a line of inline text, until the line is read. */
    private static final char BOLD = '\u0001';
    /** Five words or more ending with a full stop: prose, though set in bold. */
    private static final Pattern BOLD_SENTENCE = Pattern.compile("(?:\\S+\\s+){4,}\\S*\\p{L}[\"”’)]?\\.[\"”’]?");
}
