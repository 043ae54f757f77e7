package dev.calque.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a Markdown article as its page shows it: a static site's post (Jekyll, Hugo, Eleventy) or a
 * CMS export. Its front matter is metadata, not text: the {@code title} it holds is the headline, written first
 * unless the body opens with it, and {@code author} and {@code date} go to the article's metadata. The body is read
 * by CommonMark (GitHub's tables too), then as HTML is: paragraphs, headings, list items and quotes each a
 * paragraph, link and emphasis marks gone with the link's address, images, code blocks and raw HTML comments left
 * out, the furniture a publishing system puts in a body ({@link FeedFurniture#itemBody}) too. Template tags
 * ({@code {% include %}}, Hugo's {@code {{< tweet >}}}, kramdown's {@code {:toc}}) are markup of the site's
 * generator, not prose, and go before the Markdown is read. Nothing the text names is opened.
 */
final class MarkdownText {
    private MarkdownText() {
    }

    /**
     * The headline (the front matter's title, or null), the paragraphs in order, the front matter's metadata, and the
     * file's text as it was given (what positions in the file are counted in).
     */
    record Read(String title, List<String> paragraphs, Map<String, String> metadata, String file) {
    }

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    /** YAML front matter (Jekyll, Hugo, Eleventy): a first line of {@code ---}, closed by {@code ---} or {@code ...}. */
    private static final Pattern YAML_FRONT = Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)",
            Pattern.DOTALL);
    /** TOML front matter (Hugo): between lines of {@code +++}. */
    private static final Pattern TOML_FRONT = Pattern.compile("\\A\\+\\+\\+[ \\t]*\\n(.*?\\n)?\\+\\+\\+[ \\t]*(?:\\n|\\z)",
            Pattern.DOTALL);
    /** Front matter is a few lines of settings: a first {@code ---} with no closing one this far is a rule, not settings. */
    private static final int MAX_FRONT = 65_536;
    private static final Pattern TOML_KEY = Pattern.compile("(?m)^(title|author|date)[ \\t]*=[ \\t]*(?:\"((?:[^\"\\\\\\n]|\\\\.){0,2000})\"|'([^'\\n]{0,2000})'|([^\\s\"'#\\[{][^\\n#]{0,200}))");

    /**
     * Liquid tags and output ({@code {% ... %}}, {@code {{ ... }}}), Hugo shortcodes ({@code {{< ... >}}},
     * {@code {{% ... %}}}) and kramdown attribute lists ({@code {: .class}}, {@code {:toc}}): bounded, one line.
     */
    private static final Pattern TEMPLATE = Pattern.compile("\\{%-?[^\\n]{0,2000}?-?%\\}|\\{\\{[^\\n]{0,2000}?\\}\\}|\\{:[^}\\n]{0,2000}\\}");

    /**
     * A quote nested deeper than any article quotes: CommonMark stops nesting at its own depth and leaves the rest of
     * the markers in the text, where a run of 100,000 of them made one "word" LanguageTool spent seconds on. The
     * markers past the sixteenth are dropped, so the quote's words are read as a quote's, however deep.
     */
    private static final Pattern DEEP_QUOTE = Pattern.compile("(?m)^((?:[ \\t]{0,3}>){16})(?:[ \\t]{0,3}>)++");

    static Read read(String markdown) throws DocumentReader.Unreadable {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> meta = new LinkedHashMap<>();
        String head = text.substring(0, Math.min(text.length(), MAX_FRONT));
        Matcher yaml = YAML_FRONT.matcher(head);
        Matcher toml = TOML_FRONT.matcher(head);
        if (yaml.lookingAt()) {
            frontYaml(yaml.group(1), meta);
            text = text.substring(yaml.end());
        } else if (toml.lookingAt()) {
            frontToml(toml.group(1), meta);
            text = text.substring(toml.end());
        }
        String title = meta.remove("title");
        text = TEMPLATE.matcher(text).replaceAll("");
        text = DEEP_QUOTE.matcher(text).replaceAll("$1");
        String html;
        try {
            Node doc = PARSER.parse(text);
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(FencedCodeBlock code) {
                    code.unlink();
                }

                @Override
                public void visit(IndentedCodeBlock code) {
                    code.unlink();
                }
            });
            html = RENDERER.render(doc);
        } catch (StackOverflowError deep) {
            throw new DocumentReader.Unreadable("cannot read this Markdown article: nested too deeply to read");
        }
        MarkupGuard.checkHtml(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> paragraphs = new ArrayList<>();
        for (FeedFurniture.ItemParagraph p : FeedFurniture.itemBody(html)) paragraphs.add(p.text());
        if (title != null && (paragraphs.isEmpty() || !DocumentReader.sameText(paragraphs.get(0), title))) {
            paragraphs.add(0, title);
        }
        return new Read(title, paragraphs, meta, markdown);
    }

    private static final ObjectMapper YAML = new ObjectMapper(dev.calque.untrusted.UntrustedYaml.factory());

    /** The front matter's title, author and date when it is YAML the hardened reader accepts; nothing otherwise. */
    private static void frontYaml(String block, Map<String, String> meta) {
        if (block == null || block.isBlank()) return;
        JsonNode root;
        try {
            root = YAML.readTree(block);
        } catch (java.io.IOException | RuntimeException notYaml) {
            return; // settings a site generator reads its own way: their text is still not the article's
        }
        if (root == null || !root.isObject()) return;
        for (String key : new String[] {"title", "author", "date"}) {
            JsonNode v = root.get(key);
            String s = v == null ? null : v.isValueNode() ? v.asText()
                    : v.isArray() && v.size() > 0 && v.get(0).isValueNode() ? v.get(0).asText() : null;
            if (s != null && !s.isBlank()) meta.put(key, s.strip().replaceAll("\\s+", " "));
        }
    }

    private static void frontToml(String block, Map<String, String> meta) {
        if (block == null) return;
        Matcher m = TOML_KEY.matcher(block);
        while (m.find()) {
            // a basic string, a literal string, or a bare value (TOML's dates and times)
            String v = m.group(2) != null ? unescapeToml(m.group(2)) : m.group(3) != null ? m.group(3) : m.group(4);
            if (!v.isBlank()) meta.putIfAbsent(m.group(1), v.strip());
        }
    }

    private static String unescapeToml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append(' ');
                case 't' -> out.append(' ');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
