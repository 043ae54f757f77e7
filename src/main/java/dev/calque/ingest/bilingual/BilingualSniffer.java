package dev.calque.ingest.bilingual;

import dev.calque.model.BilingualFormat;
import static dev.calque.model.BilingualFormat.TMX;
import static dev.calque.model.BilingualFormat.TSV;
import static dev.calque.model.BilingualFormat.XLIFF_1;
import static dev.calque.model.BilingualFormat.XLIFF_2;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Recognizes the bilingual formats by content: the root element, or tab-separated lines. */
public final class BilingualSniffer {
    private BilingualSniffer() {
    }

    /** What a first look at a file found: the format and the languages the file declares (null when absent). */
    public record Sniffed(BilingualFormat format, String srcLang, String trgLang, XMLStreamException damage) {
        public Sniffed(BilingualFormat format, String srcLang, String trgLang) {
            this(format, srcLang, trgLang, null);
        }
    }

    /** Reads prologs and roots only; never a DTD, never an external entity. */
    static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return f;
    }

    /**
     * The bilingual format of a file, or null when it is none: an {@code <xliff>} or {@code <tmx>} root,
     * or (for a {@code .tsv}, {@code .tab} or {@code .txt} file) lines that each hold one tab between two texts.
     */
    public static Sniffed sniff(byte[] bytes, String name) {
        java.nio.charset.Charset charset = xmlCharset(bytes);
        int from = charset == StandardCharsets.UTF_8 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String head = new String(bytes, from, Math.min(bytes.length - from, 8192), charset);
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("<xliff") || lower.contains("<tmx")) {
            // streamed from the bytes: the languages are near the top, and a large file is never decoded whole here
            int bom = from > 0 ? from : charset != StandardCharsets.UTF_8 && (bytes[0] & 0xff) >= 0xFE ? 2 : 0;
            return sniffXml(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes, bom, bytes.length - bom), charset));
        }
        if (isBitext(bytes, name)) return new Sniffed(TSV, null, null);
        return null;
    }

    /**
     * UTF-16 (by its byte order mark or by the {@code <?xml} it starts with) or else UTF-8. The first look
     * decodes leniently, so that a byte that is not UTF-8 deep in the file (or a UTF-16 file) still
     * makes it a bilingual file, whose reader then says what is wrong, instead of another kind of data.
     */
    static java.nio.charset.Charset xmlCharset(byte[] b) {
        if (b.length >= 2) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 0xFF && b1 == 0xFE || b0 == '<' && b1 == 0) return StandardCharsets.UTF_16LE;
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == '<') return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    private static Sniffed sniffXml(java.io.Reader text) {
        XMLStreamReader r = null;
        BilingualFormat format = null;
        String src = null;
        String trg = null;
        try {
            r = hardenedFactory().createXMLStreamReader(text);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                String local = r.getLocalName();
                if (format == null) {
                    if (local.equals("xliff")) {
                        String version = r.getAttributeValue("", "version");
                        boolean two = "urn:oasis:names:tc:xliff:document:2.0".equals(r.getNamespaceURI())
                                || version != null && version.startsWith("2");
                        format = two ? XLIFF_2 : XLIFF_1;
                        if (two) return new Sniffed(format, r.getAttributeValue("", "srcLang"),
                                r.getAttributeValue("", "trgLang"));
                    } else if (local.equals("tmx")) {
                        format = TMX;
                    } else {
                        return null; // another XML vocabulary that merely mentions xliff
                    }
                } else if (format == XLIFF_1 && local.equals("file")) {
                    return new Sniffed(format, r.getAttributeValue("", "source-language"),
                            r.getAttributeValue("", "target-language"));
                } else if (format == TMX && local.equals("header")) {
                    src = r.getAttributeValue("", "srclang");
                    if ("*all*".equalsIgnoreCase(src)) src = null;
                } else if (format == TMX && local.equals("tuv")) {
                    String lang = r.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
                    if (lang == null) lang = r.getAttributeValue("", "lang"); // TMX 1.1
                    if (lang == null) continue;
                    if (src == null) {
                        src = lang;
                    } else if (!lang.equalsIgnoreCase(src)) {
                        trg = lang;
                        break;
                    }
                }
            }
            return format == null ? null : new Sniffed(format, src, trg);
        } catch (XMLStreamException e) {
            // past the root, the file is an XLIFF or a TMX file that is damaged: its reader says what is wrong
            // (a TMX file whose first segment is damaged was taken for XML data of no known kind)
            if (format != null) return new Sniffed(format, src, trg, e);
            return null; // not well-formed at the start: left to the general reader, which says why
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    /** LanguageTool's bitext mode: {@code source<TAB>target} on every non-blank line. */
    private static boolean isBitext(byte[] bytes, String name) {
        if (name == null) return false;
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[?#].*", "");
        if (!(n.endsWith(".tsv") || n.endsWith(".tab") || n.endsWith(".txt"))) return false;
        String text = new String(bytes, 0, Math.min(bytes.length, 65536), StandardCharsets.UTF_8);
        if (bytes.length > 65536 && text.lastIndexOf('\n') > 0) text = text.substring(0, text.lastIndexOf('\n'));
        else if (bytes.length > 65536) return longFirstLine(bytes); // a first segment of more than 64 KB
        int lines = 0;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) continue;
            int tab = line.indexOf('\t');
            if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) return false;
            if (!hasLetter(line.substring(0, tab)) || !hasLetter(line.substring(tab + 1))) return false;
            lines++;
        }
        return lines > 0;
    }

    /** A first line longer than the first look: one tab in it, and letters on both sides of it. */
    private static boolean longFirstLine(byte[] b) {
        int tab = -1;
        for (int i = 0; i < b.length && b[i] != '\n' && b[i] != '\r'; i++) {
            if (b[i] != '\t') continue;
            if (tab >= 0) return false;
            tab = i;
        }
        if (tab < 0) return false;
        String before = new String(b, Math.max(0, tab - 4096), Math.min(tab, 4096), StandardCharsets.UTF_8);
        String after = new String(b, tab + 1, Math.min(b.length - tab - 1, 4096), StandardCharsets.UTF_8);
        return hasLetter(before) && hasLetter(after.lines().findFirst().orElse(""));
    }

    private static boolean hasLetter(String s) {
        return s.codePoints().anyMatch(Character::isLetter);
    }
}
