package dev.calque.ingest;

import dev.calque.model.BilingualFile;
import dev.calque.ingest.bilingual.BilingualSniffer;
import dev.calque.ingest.bilingual.BilingualReader;
import dev.calque.model.Article;
import dev.calque.model.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns the bytes of one document into articles: plain text as it is (so offsets refer to the file),
 * feeds item by item, HTML pages through main-content extraction, everything else Tika reads with
 * its paragraphs kept. Thread-safe: Tika's parsers are.
 */
public final class DocumentReader {
    private static final Set<String> PLAIN = Set.of("text/plain", "text/x-rst", "text/csv");
    private static final Set<String> MARKDOWN = Set.of("text/x-web-markdown", "text/markdown", "text/x-markdown");
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Set<String> FEEDS = Set.of("application/rss+xml", "application/atom+xml");
    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-tar", "application/gzip",
            "application/x-gzip", "application/x-bzip2", "application/x-xz", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/vnd.rar", "application/java-archive", "application/x-gtar");

    /** Tika's parsers take seconds to load: only when a document needs one, not for plain text. */
    private static final class Tika {
        static final AutoDetectParser PARSER = TikaParsers.create();
    }

    /** Detection alone loads far less than the parsers. */
    private static final class Detection {
        static final org.apache.tika.detect.Detector DETECTOR = new org.apache.tika.detect.DefaultDetector();
    }
    private final IngestLimits limits;
    private final FeedReader feeds;
    private final JsonFeedReader jsonFeeds;

    public DocumentReader(IngestLimits limits) {
        this.limits = limits;
        this.feeds = new FeedReader(this, limits.maxTextChars());
        this.jsonFeeds = new JsonFeedReader(feeds);
    }

    /** Thrown when a document cannot be read; the message is the reason a user sees. */
    public static class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason);
        }

        public Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * A data file (JSON, XML, YAML that is not a feed or a document): refused when named, skipped with
     * a note when found in a folder beside the articles (a {@code manifest.json}).
     */
    public static final class NotADocument extends Unreadable {
        public NotADocument(String reason) {
            super(reason);
        }
    }

    private static final Set<String> DATA = Set.of("application/json", "application/xml", "text/xml", "application/ld+json",
            "text/x-yaml", "application/x-yaml", "application/yaml", "text/yaml", "application/x-plist");

    private static boolean isData(String type) {
        if (DATA.contains(type)) return true;
        return (type.endsWith("+xml") || type.endsWith("+json")) && !HTML.contains(type) && !FEEDS.contains(type);
    }

    /**
     * @param bytes    the document
     * @param name     file name or URL path (helps detection; content decides)
     * @param source   how the user named it
     * @param group    the command-line input it belongs to
     * @param typeHint a Content-Type from a server, or null
     */
    public List<Article> read(byte[] bytes, String name, String source, String group, String typeHint)
            throws Unreadable {
        bytes = fromUtf32(bytes);
        String refused = refusedByContent(bytes);
        if (refused != null) throw new Unreadable(refused);
        BilingualSniffer.Sniffed bilingual = BilingualSniffer.sniff(bytes, name);
        if (bilingual != null) return List.of(bilingual(bilingual, bytes, name, source, group));
        if (JsonFeedReader.looksLikeJsonFeed(bytes)) return jsonFeeds.read(bytes, source, group);
        if (FeedReader.looksLikeFeed(bytes)) return feeds.read(bytes, source, group, typeHint);
        String type = detect(bytes, name, typeHint);
        if (type.equals("application/octet-stream")) {
            throw new Unreadable("unknown format: not text or a document type Calque can read");
        }
        boolean textual = type.startsWith("text/") || HTML.contains(type) || FEEDS.contains(type) || isData(type);
        if (textual && binaryBytes(bytes)) throw new Unreadable("binary data, not text (control bytes in its content)");
        if (ARCHIVES.contains(type)) {
            throw new Unreadable("an archive (" + type + "), not an article: unpack it and check the files inside");
        }
        if (FEEDS.contains(type)) return feeds.read(bytes, source, group, typeHint);
        if (isData(type)) {
            throw new NotADocument((type.contains("json") ? "JSON" : type.contains("yaml") ? "YAML" : "XML")
                    + " data (" + type + "), not an article, a document or a feed");
        }
        if (MARKDOWN.contains(type)) return List.of(markdown(bytes, name, source, group, type));
        if (PLAIN.contains(type) || type.startsWith("text/plain")) {
            String text = decodedText(bytes);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            if (Texts.blank(text)) throw new Unreadable("no text to check (the file holds only white space, byte-order marks or control characters)");
            if (Texts.letterless(text)) throw new Unreadable("no text to check (not one letter: only symbols, digits or punctuation)");
            text = Texts.lineBreaks(text);
            return List.of(new Article(source, source, group, Texts.titleOf(text, baseName(name)), text, type, Map.of()));
        }
        if (HTML.contains(type)) {
            MarkupGuard.checkHtml(bytes);
            return List.of(html(bytes, name, source, group, type, typeHint));
        }
        if (ZipGuard.looksLikeZip(bytes)) ZipGuard.check(bytes);
        return List.of(generic(bytes, name, source, group, type));
    }

    /** A text file's characters, refused when they hold control bytes (binary data named as text). */
    private static String decodedText(byte[] bytes) throws Unreadable {
        String text = decode(bytes);
        if (binary(text)) throw new Unreadable("binary data, not text (control bytes in its content)");
        return text;
    }

    /** A Markdown article: its front matter's title first, its body as its page shows it ({@link MarkdownText}). */
    private Article markdown(byte[] bytes, String name, String source, String group, String type) throws Unreadable {
        MarkdownText.Read md = MarkdownText.read(decodedText(bytes));
        String text = Texts.lineBreaks(String.join("\n\n", md.paragraphs()));
        requireText(text, "Markdown article", () -> " (only settings, code or markup)");
        String title = md.title() != null ? cleanTitle(md.title()) : Texts.titleOf(text, baseName(name));
        return new Article(source, source, group, title, text, type, new LinkedHashMap<>(md.metadata()), null,
                dev.calque.model.FilePositions.align(text, md.file()));
    }

    /**
     * A bilingual file (XLIFF, TMX, tab-separated bitext): the article is its target segments joined by
     * a blank line, and keeps the segments (docs/bilingual-files.md).
     */
    private Article bilingual(BilingualSniffer.Sniffed sniffed, byte[] bytes, String name, String source, String group)
            throws Unreadable {
        BilingualReader.Read read;
        try {
            read = BilingualReader.read(sniffed, bytes, null, null, limits.maxTextChars());
        } catch (dev.calque.ingest.bilingual.BilingualFileException e) {
            throw new Unreadable(e.getMessage(), e);
        }
        BilingualFile file = read.file();
        String text = file.text();
        Map<String, String> meta = new LinkedHashMap<>();
        if (read.cut() != null) meta.put(SEGMENTS_CUT, read.cut().charsRead() + " " + read.cut().segmentId());
        put(meta, "srcLang", file.srcLang());
        put(meta, "trgLang", file.trgLang());
        put(meta, "format", file.format().label());
        return new Article(source, source, group, Texts.titleOf(text, baseName(name)), text,
                file.format().mediaType(), meta, file);
    }

    /**
     * Metadata key of a bilingual file whose reading stopped where its text passed the limit: the characters
     * of text read by then and the id of the segment that passed it ({@link #limited} takes the key out).
     */
    static final String SEGMENTS_CUT = "calque.segments-cut";

    /**
     * Why a document is refused by its first bytes alone (at most 64 KB are looked at), before any
     * detector or rule loads: empty, or junk that is neither text nor a document type Calque reads,
     * under any name. Null when the content has to be read to decide.
     */
    public static String refusedByContent(byte[] head) {
        if (head.length == 0) return "empty file";
        if (Charsets.utf32Bom(head) != null) return null; // its ASCII is three zero bytes a character: read decoded (fromUtf32)
        try { // a UTF-16 mark over UTF-8 bytes (a tool that added one): decoded by the mark, every character would be wrong
            dev.calque.untrusted.UnicodeText.of(head, Math.min(head.length, dev.calque.untrusted.UnicodeText.HEAD));
        } catch (java.io.CharConversionException wrongMark) {
            return wrongMark.getMessage();
        }
        if (!documentMagic(head) && binaryBytes(head)) return "binary data, not text (control bytes in its content)";
        return null;
    }

    /** The signatures of the binary documents and archives Tika reads or Calque explains (PDF, zip, OLE, gzip...). */
    private static boolean documentMagic(byte[] b) {
        return starts(b, "%PDF") || starts(b, "PK\u0003\u0004") || starts(b, "\u00D0\u00CF\u0011\u00E0")
                || starts(b, "\u001F\u008B") || starts(b, "BZh") || starts(b, "\u00FD7zXZ") || starts(b, "7z\u00BC\u00AF")
                || starts(b, "Rar!") || b.length > 262 && new String(b, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
    }

    private static boolean starts(byte[] b, String latin1) {
        if (b.length < latin1.length()) return false;
        for (int i = 0; i < latin1.length(); i++) if ((b[i] & 0xff) != latin1.charAt(i)) return false;
        return true;
    }

    /**
     * Bytes that no text encoding produces: C0 control codes other than tab, line and page breaks and
     * escape in more than 1% of the first 64 KB (UTF-16, whose ASCII half is zero bytes, excepted).
     * Random or compressed data has about 10%; text in any 8-bit or multi-byte legacy encoding, none.
     */
    static boolean binaryBytes(byte[] b) {
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) return false;
        if (Charsets.utf16WithoutBom(b) != null) return false;
        int n = Math.min(b.length, 65536);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) bad++;
        }
        return bad > Math.max(4, n / 100);
    }

    /**
     * Text that is not text: control characters other than tab, line and page breaks, or undecodable
     * bytes, in more than a few places of the first 64 K characters. Prose has none.
     */
    static boolean binary(String text) {
        int n = Math.min(text.length(), 65536);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B || c == 0x7F || c == 0xFFFD) bad++;
        }
        return bad > Math.max(4, n / 200);
    }

    private String detect(byte[] bytes, String name, String typeHint) {
        String plain = typeHint == null ? plainTextByName(bytes, name) : null;
        if (plain != null) return plain;
        Metadata md = new Metadata();
        if (name != null) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        if (typeHint != null) md.set(Metadata.CONTENT_TYPE, typeHint);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            MediaType t = Detection.DETECTOR.detect(in, md);
            return t.getBaseType().toString().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    /**
     * A {@code .txt} or {@code .md} file that opens as prose is what its name says, as Tika would find;
     * saying so without Tika spares an editor's quick check the loading of Tika's detectors (they bring
     * the office-format libraries; about 0.7 s of processor time). Anything else, or anything that opens
     * like markup, a PDF, a mail message or binary data, goes to Tika's detection.
     */
    static String plainTextByName(byte[] b, String name) {
        if (name == null) return null;
        String n = name.toLowerCase(Locale.ROOT);
        String type = n.endsWith(".txt") ? "text/plain"
                : n.endsWith(".md") || n.endsWith(".markdown") ? "text/x-web-markdown" : null;
        if (type == null) return null;
        for (int i = 0, end = Math.min(b.length, 8192); i < end; i++) {
            if (b[i] == 0) return null; // binary, or UTF-16 without a byte-order mark
        }
        int from = hasUtf8Bom(b) ? 3 : 0;
        String head = new String(b, from, Math.min(b.length - from, 512), StandardCharsets.ISO_8859_1).stripLeading();
        for (String other : new String[] {"<", "{\\rtf", "%PDF", "%!", "PK", "From "}) {
            if (head.startsWith(other)) return null;
        }
        // "Received: ...", "MIME-Version: 1.0": mail headers, for Tika to recognize
        if (head.lines().findFirst().orElse("").matches("[A-Za-z][A-Za-z0-9-]*: .*")) return null;
        return type;
    }

    /**
     * The one cut to {@code --max-text-chars}, applied to every article whatever read it (files, pages,
     * feed items, standard input): at the last white space before the limit when there is one close by.
     * Returns the article itself when it is within the limit.
     */
    public Article limited(Article a) {
        int max = limits.maxTextChars();
        String text = a.text();
        // a feed item's body, or a bilingual file's segments, cut while they were read
        if (a.metadata().containsKey(FeedReader.CUT_FROM) || a.metadata().containsKey(SEGMENTS_CUT)) {
            Map<String, String> meta = new LinkedHashMap<>(a.metadata());
            meta.remove(FeedReader.CUT_FROM);
            meta.remove(SEGMENTS_CUT);
            a = a.withMetadata(meta);
            if (text.length() <= max) {
                truncations.add(new Truncation(a.source(), -1));
                return a;
            }
        }
        if (text.length() <= max) return a;
        int end = Texts.cutEnd(text, max);
        truncations.add(new Truncation(a.source(), text.length()));
        return a.cutTo(text.substring(0, end).stripTrailing());
    }

    /** Sources whose text was cut to the size limit (reported by the run), with their length before the cut. */
    private final java.util.Queue<Truncation> truncations = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record Truncation(String source, int fullLength) {}

    /**
     * Whether the text of {@code source} was cut to the size limit, asked once per article: 0 when it was not,
     * else its length before the cut, or -1 when it was cut while it was read (a feed item, a bilingual file)
     * and that length is not known.
     */
    public int cutFrom(String source) {
        for (Truncation t : truncations) {
            if (t.source().equals(source) && truncations.remove(t)) return t.fullLength();
        }
        return 0;
    }

    /**
     * A UTF-32 document as UTF-8 with its byte-order mark, so that every later look (the kind of file, the
     * markup, the charset) reads it as it reads any other text; other bytes as they are.
     */
    static byte[] fromUtf32(byte[] b) {
        Charset cs = Charsets.utf32Bom(b);
        if (cs == null) return b;
        String text = new String(b, 4, b.length - 4, cs);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, out, 3, utf8.length);
        return out;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    /** Decodes text: a BOM wins, then strict UTF-8, then ICU's guess (Windows-1252, Latin-1...). */
    static String decode(byte[] b) {
        Charsets.Found marked = Charsets.bomOrUtf16(b);
        if (marked != null) return new String(b, marked.skip(), b.length - marked.skip(), marked.charset());
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            // Mostly UTF-8 with a few broken bytes: keep UTF-8, broken bytes become U+FFFD
            String lenient = new String(b, StandardCharsets.UTF_8);
            long broken = lenient.chars().filter(c -> c == 0xFFFD).count();
            long multibyte = lenient.chars().filter(c -> c > 0x7F && c != 0xFFFD).count();
            if (multibyte > 0 && broken <= 2 * multibyte + lenient.length() / 100) return lenient;
            CharsetDetector det = new CharsetDetector();
            det.setText(b);
            CharsetMatch m = det.detect();
            Charset cs = StandardCharsets.ISO_8859_1;
            if (m != null) {
                try {
                    cs = Charset.forName(m.getName());
                    if (cs.equals(StandardCharsets.ISO_8859_1)) cs = Charset.forName("windows-1252");
                } catch (IllegalArgumentException unknown) {
                    cs = Charset.forName("windows-1252");
                }
            }
            return new String(b, cs);
        }
    }

    private Article html(byte[] bytes, String name, String source, String group, String type, String typeHint)
            throws Unreadable {
        Metadata md = metadata(name, type);
        record Page(org.jsoup.nodes.Document doc, MainText.Extracted main) {
        }
        Page page = timed(() -> {
            org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(Charsets.decodeHtml(bytes, typeHint), "");
            return new Page(d, MainText.extract(d));
        }, md);
        org.jsoup.nodes.Document doc = page.doc();
        MainText.Extracted main = page.main();
        put(md, TikaCoreProperties.CREATOR, metaContent(doc, "author", "article:author"));
        put(md, TikaCoreProperties.CREATED, metaContent(doc, "article:published_time", "date"));
        // a page whose story its scripts put in (a single-page app, a "loading..." shell) holds no text to read;
        // the DOM is searched for a script only then, not on every page
        return assemble(new ArrayList<>(main.paragraphs()), main.title(), name, source, group, type, md,
                () -> doc.selectFirst("script") == null ? ""
                        : " (it has scripts: its article may be put in by JavaScript, which Calque does not run;"
                        + " check the text a browser shows, or the site's feed)");
    }

    private static String metaContent(org.jsoup.nodes.Document doc, String... names) {
        for (String n : names) {
            org.jsoup.nodes.Element m = doc.selectFirst("meta[name=" + n + "], meta[property=" + n + "]");
            if (m != null && !m.attr("content").isBlank()) return m.attr("content");
        }
        return null;
    }

    private static void put(Metadata md, org.apache.tika.metadata.Property p, String v) {
        if (v != null && !v.isBlank()) md.set(p, v.strip());
    }

    private Article generic(byte[] bytes, String name, String source, String group, String type) throws Unreadable {
        ParagraphHandler handler = new ParagraphHandler(limits.maxTextChars() + 1L); // the cut itself is limited()
        Metadata md = metadata(name, type);
        ParseContext ctx = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractBookmarksText(false);
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(false); // sticky notes and comments, a reviewer's, as a printed page has none
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR); // no program is ever started (docs/security.md)
        ctx.set(PDFParserConfig.class, pdf);
        // a Word document as it prints: tracked deletions and moved-from text out (they are no longer the text),
        // running headers and footers out (a page's furniture: title, page numbers, "Confidential"); the event-based
        // reader is the one that honours the first two. Comments are taken off after (WordComments).
        org.apache.tika.parser.microsoft.OfficeParserConfig office = new org.apache.tika.parser.microsoft.OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setIncludeDeletedContent(false);
        office.setIncludeMoveFromContent(false);
        office.setIncludeHeadersAndFooters(false);
        ctx.set(org.apache.tika.parser.microsoft.OfficeParserConfig.class, office);
        // an e-mail's attachments are what was sent; in every other document an embedded object is not its text
        if (!type.startsWith("message/")) {
            ctx.set(org.apache.tika.parser.Parser.class, Tika.PARSER);
            ctx.set(EmbeddedDocumentExtractor.class, new OwnTextOnly(ctx));
        }
        parse(asPrinted(bytes, type), handler, md, ctx);
        PdfPages.Damage damage = type.equals("application/pdf") ? timed(() -> PdfPages.of(bytes), md) : PdfPages.Damage.NONE;
        List<String> paragraphs = new ArrayList<>(handler.paragraphs());
        if (type.equals(DOCX)) paragraphs = new ArrayList<>(WordComments.withoutComments(paragraphs, WordComments.paragraphs(bytes)));
        String title = cleanTitle(md.get(TikaCoreProperties.TITLE));
        if (title == null || title.isEmpty()) {
            String subject = md.get(TikaCoreProperties.SUBJECT);
            title = subject != null && type.startsWith("message/") ? subject : null;
        }
        if (type.startsWith("message/") && title != null && (paragraphs.isEmpty() || !sameText(paragraphs.get(0), title))) {
            paragraphs.add(0, title);
        }
        if (paragraphs.isEmpty() && !damage.bombs().isEmpty()) throw new Unreadable(PdfPages.describeBombs(damage));
        if (!damage.damaged().isEmpty()) {
            if (paragraphs.isEmpty()) {
                throw new Unreadable(PdfPages.describe(damage) + " damaged (content that cannot be decoded): no text to check");
            }
            // the reader says it once per document (Inputs), the other pages are checked
            md.set(DAMAGED_PAGES, damage.damaged().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
            md.set(PAGES, String.valueOf(damage.pages()));
        }
        return assemble(paragraphs, title, name, source, group, type, md,
                () -> type.equals("application/pdf") ? " (a scanned PDF without a text layer?)" : "");
    }

    /**
     * A document's embedded objects and files are not its text: a PDF's attachments (its EmbeddedFiles,
     * file-attachment annotations; round eight), a spreadsheet or chart embedded in a DOCX or an ODT, a file
     * packaged in an RTF (round nine). An editor sees a box or an icon to open, not the story's paragraphs;
     * Tika would append their text to the document's and Calque check it as the article's. The one embedded part
     * that is the document's own text is an OOXML "alternative format chunk" ({@code w:altChunk}: HTML or RTF
     * that Word renders in the body, as HTML-to-DOCX converters write whole documents): that is read.
     */
    private static final class OwnTextOnly implements EmbeddedDocumentExtractor {
        private final org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor parsing;

        OwnTextOnly(ParseContext ctx) {
            this.parsing = new org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor(ctx);
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return TikaCoreProperties.EmbeddedResourceType.ALTERNATE_FORMAT_CHUNK.toString()
                    .equals(metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE)) && parsing.shouldParseEmbedded(metadata);
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws org.xml.sax.SAXException, IOException {
            parsing.parseEmbedded(stream, handler, metadata, outputHtml);
        }
    }

    /** The document as it prints, for the formats whose bytes Calque rewrites before Tika reads them: ODF and RTF. */
    private static byte[] asPrinted(byte[] bytes, String type) {
        if (type.startsWith("application/vnd.oasis.opendocument.")) return asPrinted(bytes);
        return type.equals("application/rtf") ? RtfAsPrinted.printed(bytes) : bytes;
    }

    /** What ODF keeps that does not print: deleted text, comments ({@code content.xml}); headers, footers ({@code styles.xml}). */
    private static final List<String> ODF_NOT_PRINTED = List.of("text:tracked-changes", "office:annotation");
    private static final List<String> ODF_RUNNING = List.of("style:header", "style:footer", "style:header-left",
            "style:footer-left", "style:header-first", "style:footer-first");

    /**
     * The XML without every {@code <name ...>...</name>} (not nested in itself, as ODF's are not), in one pass: an
     * element left open stops the removal there, so a damaged part costs no more than its length.
     */
    static String withoutElements(String xml, String name) {
        StringBuilder out = null;
        int from = 0;
        String close = "</" + name + ">";
        for (int open = xml.indexOf("<" + name, from); open >= 0; open = xml.indexOf("<" + name, from)) {
            int after = open + name.length() + 1;
            char c = after < xml.length() ? xml.charAt(after) : '>';
            if (c != '>' && c != '/' && !Character.isWhitespace(c)) { // a longer name: <style:header-left> for <style:header>
                if (out == null) out = new StringBuilder(xml.length());
                out.append(xml, from, after);
                from = after;
                continue;
            }
            int tagEnd = xml.indexOf('>', after);
            if (tagEnd < 0) break;
            int end = xml.charAt(tagEnd - 1) == '/' ? tagEnd + 1 : xml.indexOf(close, tagEnd);
            if (end < 0) break;
            if (xml.charAt(tagEnd - 1) != '/') end += close.length();
            if (out == null) out = new StringBuilder(xml.length());
            out.append(xml, from, open);
            from = end;
        }
        if (out == null) return xml;
        return out.append(xml, from, xml.length()).toString();
    }

    /**
     * An OpenDocument file as it prints: without its embedded objects ({@code Object 1/content.xml} and the rest of
     * each such folder: a chart's table, an embedded spreadsheet or text frame; Tika reads every {@code content.xml}
     * of the zip as the document's own text, see {@link OwnTextOnly}), without the text its tracked changes deleted
     * (kept at the top of the body, where Tika read it as the first paragraph and the title), its comments
     * ({@code office:annotation}, an editor's notes) and its running headers and footers (in {@code styles.xml}).
     * The file as it is when none of these is there, or when it cannot be rewritten (its damage is then Tika's to name).
     */
    static byte[] asPrinted(byte[] odf) {
        java.util.Set<String> objects = new java.util.HashSet<>();
        java.util.List<java.util.Map.Entry<String, byte[]>> parts = new ArrayList<>();
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(odf))) {
            for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.endsWith("/content.xml")) objects.add(name.substring(0, name.length() - "content.xml".length()));
                parts.add(java.util.Map.entry(name, z.readAllBytes())); // sizes already bounded by ZipGuard
            }
        } catch (IOException | IllegalArgumentException e) {
            return odf;
        }
        boolean changed = !objects.isEmpty();
        for (int i = 0; i < parts.size(); i++) {
            String name = parts.get(i).getKey();
            List<String> notPrinted = name.equals("content.xml") ? ODF_NOT_PRINTED : name.equals("styles.xml") ? ODF_RUNNING : null;
            if (notPrinted == null) continue;
            String xml = new String(parts.get(i).getValue(), StandardCharsets.UTF_8);
            String printed = xml;
            for (String element : notPrinted) printed = withoutElements(printed, element);
            if (printed.length() != xml.length()) {
                parts.set(i, java.util.Map.entry(name, printed.getBytes(StandardCharsets.UTF_8)));
                changed = true;
            }
        }
        if (!changed) return odf;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(odf.length);
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.Map.Entry<String, byte[]> part : parts) {
                String name = part.getKey();
                if (objects.stream().anyMatch(name::startsWith)) continue;
                java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(name);
                if (name.equals("mimetype")) {
                    // stored, first: how ODF readers recognise the file
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(part.getValue());
                    e.setMethod(java.util.zip.ZipEntry.STORED);
                    e.setSize(part.getValue().length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(part.getValue());
                z.closeEntry();
            }
        } catch (IOException | IllegalArgumentException e) {
            return odf;
        }
        return out.toByteArray();
    }

    /** Article metadata: the damaged pages of a PDF (comma-separated, 1-based) and its page count. */
    public static final String DAMAGED_PAGES = "damaged-pages";
    public static final String PAGES = "pages";

    /**
     * The one-line reason for a document some of whose pages could not be read, or null: "page 2 of 3 is
     * damaged (...): its text is missing; the other pages were checked".
     */
    public static String damagedPages(Article a) {
        String damaged = a.metadata().get(DAMAGED_PAGES);
        if (damaged == null) return null;
        List<Integer> pages = java.util.Arrays.stream(damaged.split(",")).map(Integer::valueOf).toList();
        PdfPages.Damage d = new PdfPages.Damage(Integer.parseInt(a.metadata().getOrDefault(PAGES, "0")), pages);
        if (pages.size() >= d.pages()) {
            // every page is damaged, yet some text came out: PDFBox read what it could of them
            return PdfPages.describe(d) + " damaged (content that cannot be decoded): part of the text may be missing;"
                    + " what could be read was checked";
        }
        return PdfPages.describe(d) + " damaged (content that cannot be decoded): "
                + (pages.size() == 1 ? "its text is" : "their text is") + " missing; the other pages were checked";
    }

    /** @param emptyHint what to add to the reason when no text came out (why it may be so), or ""; asked only then */
    private Article assemble(List<String> paragraphs, String title, String name, String source, String group,
                             String type, Metadata md, Supplier<String> emptyHint) throws Unreadable {
        String text = Texts.lineBreaks(String.join("\n\n", paragraphs));
        requireText(text, describe(type), emptyHint);
        if (title == null || title.isBlank()) title = Texts.titleOf(text, baseName(name));
        Map<String, String> meta = new LinkedHashMap<>();
        put(meta, "author", md.get(TikaCoreProperties.CREATOR));
        put(meta, "date", md.get(TikaCoreProperties.CREATED));
        put(meta, DAMAGED_PAGES, md.get(DAMAGED_PAGES));
        put(meta, PAGES, md.get(DAMAGED_PAGES) == null ? null : md.get(PAGES));
        return new Article(source, source, group, title, text, type, meta);
    }

    /** Refuses a document that gave no text, or no letter; {@code emptyHint} says why it may be empty, asked only then. */
    private static void requireText(String text, String what, Supplier<String> emptyHint) throws Unreadable {
        if (Texts.blank(text)) throw new Unreadable("no text to check in this " + what + emptyHint.get());
        if (Texts.letterless(text)) {
            throw new Unreadable("no text to check in this " + what + " (not one letter: only symbols, digits or punctuation)");
        }
    }

    /** Text of an HTML fragment (a feed item's body), paragraphs kept. */
    String htmlFragmentText(String html) {
        return String.join("\n\n", MainText.fragment(html));
    }

    /** Parsers run on their own threads so that a document that sends one into a loop cannot stall the run. */
    private static final java.util.concurrent.ExecutorService PARSERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "calque-parser");
        t.setDaemon(true);
        return t;
    });

    private void parse(byte[] bytes, org.xml.sax.ContentHandler handler, Metadata md, ParseContext ctx) throws Unreadable {
        // a zip cut before its directory (a DOCX, ODT or EPUB half copied): parsers read what streams in and
        // would check part of the text as if it were all, or say only that a part is missing
        if (zipCutShort(bytes)) throw new Unreadable("cannot read this " + describe(md.get(Metadata.CONTENT_TYPE)) + ": " + ZIP_DAMAGE);
        timed(() -> {
            try (TikaInputStream in = TikaInputStream.get(bytes)) {
                Tika.PARSER.parse(in, handler, md, ctx);
            }
            return null;
        }, md);
    }

    /** A zip file (DOCX, ODT, EPUB...) without the end-of-directory record every complete zip ends with. */
    static boolean zipCutShort(byte[] b) {
        if (b.length < 4 || b[0] != 'P' || b[1] != 'K' || b[2] != 3 || b[3] != 4) return false;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) return false;
        }
        return true;
    }

    private static final String ZIP_DAMAGE = "its zip container is cut short or corrupt";
    private static final String UNKNOWN_DAMAGE = "its content is damaged or in a form Calque cannot read";

    /** Runs one document's reading on a parser thread, within the time limit for extracting a document. */
    private <T> T timed(java.util.concurrent.Callable<T> reading, Metadata md) throws Unreadable {
        java.util.concurrent.Future<T> job = PARSERS.submit(reading);
        try {
            return job.get(limits.parseTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            job.cancel(true);
            throw new Unreadable("reading it took longer than " + limits.parseTimeout().toSeconds() + " s; skipped");
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted");
        } catch (java.util.concurrent.ExecutionException wrapped) {
            Throwable e = wrapped.getCause();
            if (e instanceof EncryptedDocumentException) {
                throw new Unreadable("encrypted document: cannot read its text without the password", e);
            }
            if (e instanceof TikaException) {
                throw new Unreadable("cannot read this " + describe(md.get(Metadata.CONTENT_TYPE)) + ": "
                        + damage(e, md.get(Metadata.CONTENT_TYPE)), e);
            }
            if (e instanceof OutOfMemoryError) throw new Unreadable("too large to read in the memory available");
            // a parser that recurses per element (XMLBeans under POI) on 100,000 nested elements
            if (e instanceof StackOverflowError) {
                throw new Unreadable("cannot read this " + describe(md.get(Metadata.CONTENT_TYPE)) + ": nested too deeply to read", e);
            }
            throw new Unreadable("cannot read it: " + damage(e), e);
        }
    }

    private static Metadata metadata(String name, String type) {
        Metadata md = new Metadata();
        if (name != null) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        md.set(Metadata.CONTENT_TYPE, type);
        return md;
    }

    /**
     * What is wrong with a document a library could not read, in words: its zip container, an XML part
     * inside it, or its end missing. The library's own message (Xerces', POI's, PDFBox's) goes to the
     * log, which {@code --verbose} shows, never into the reason.
     */
    static String damage(Throwable e) {
        return damage(e, null);
    }

    /**
     * As {@link #damage(Throwable)}, for a document of this type: a file that is XML itself (a TMX or XLIFF file
     * the bilingual reader could not place, an SVG) is not well-formed, it holds no "XML part".
     */
    static String damage(Throwable e, String type) {
        String t0 = type == null ? "" : type.replaceAll(";.*", "");
        boolean xml = t0.endsWith("/xml") || t0.endsWith("+xml") || t0.equals("application/x-tmx")
                || t0.equals("application/x-xliff");
        if (xml) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.xml.sax.SAXParseException sax) {
                    String plain = dev.calque.untrusted.UntrustedXml.plain(sax);
                    return "not well-formed XML" + (plain.equals(sax.getMessage()) ? " (cut short or damaged)" : ": " + plain);
                }
                if (t instanceof javax.xml.stream.XMLStreamException) return "not well-formed XML (cut short or damaged)";
            }
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) chain.add(t);
        for (Throwable t : chain) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof java.util.zip.ZipException || t.getClass().getName().contains(".archivers.zip.")
                    || m.contains("record signature") || m.contains("END header") || m.contains("LOC header")
                    || m.contains("Truncated ZIP")) {
                return ZIP_DAMAGE;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof org.xml.sax.SAXParseException || t instanceof javax.xml.stream.XMLStreamException) {
                return "an XML part inside it is cut short or not well-formed";
            }
        }
        for (Throwable t : chain) {
            if (t instanceof java.io.EOFException || String.valueOf(t.getMessage()).contains("Unexpected end")) {
                return "the file is cut short";
            }
        }
        return UNKNOWN_DAMAGE;
    }

    private static String describe(String type) {
        if (type == null) return "document";
        return switch (type.replaceAll(";.*", "")) {
            case "application/pdf" -> "PDF";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX file";
            case "application/vnd.oasis.opendocument.text" -> "ODT file";
            case "application/rtf" -> "RTF file";
            case "application/epub+zip" -> "EPUB file";
            case "application/x-tmx" -> "TMX file";
            case "application/x-xliff+xml", "application/xliff+xml" -> "XLIFF file";
            case "message/rfc822" -> "e-mail";
            case "text/html" -> "HTML page";
            // the type may come from the file itself (an ODF's mimetype entry): quoted only when it is a type
            default -> type.replaceAll(";.*", "").matches("[a-z0-9][\\w.+-]{0,80}/[\\w.+-]{1,80}")
                    ? type.replaceAll(";.*", "") + " document" : "document";
        };
    }

    private static String cleanTitle(String t) {
        if (t == null) return null;
        t = t.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    /** The same words, whatever the punctuation, spacing and case (a headline written twice). */
    static boolean sameText(String a, String b) {
        return a.replaceAll("\\W+", "").equalsIgnoreCase(b.replaceAll("\\W+", ""));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v.strip());
    }

    static String baseName(String name) {
        if (name == null) return "untitled";
        String n = name.replaceAll("[?#].*", "");
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = slash >= 0 ? n.substring(slash + 1) : n;
        return n.isEmpty() ? name : n;
    }
}
