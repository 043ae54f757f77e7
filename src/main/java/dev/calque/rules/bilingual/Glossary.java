package dev.calque.rules.bilingual;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A terminology list given with {@code --glossary}: for each source term, the target terms a translation
 * must use and those it must not. Read from TBX (any version: {@code termEntry}/{@code conceptEntry},
 * {@code langSet}, {@code term}, administrative status) or from CSV/TSV
 * ({@code source, required[|required...], forbidden[|forbidden...], note}). Data, like rule tables.
 */
public final class Glossary {
    public static final Glossary EMPTY = new Glossary(List.of(), "none");

    /** One concept: what the original says, what the translation must say, what it must not. */
    public record Entry(List<String> sources, List<String> required, List<String> forbidden, String note, int line) {
        public Entry {
            sources = List.copyOf(sources);
            required = List.copyOf(required);
            forbidden = List.copyOf(forbidden);
        }
    }

    /** A glossary that cannot be read: the file, the line where there is one, and why. */
    public static final class GlossaryException extends IllegalArgumentException {
        public GlossaryException(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;
    private final String name;

    private Glossary(List<Entry> entries, String name) {
        this.entries = List.copyOf(entries);
        this.name = name;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The largest glossary read. */
    static final long MAX_BYTES = 32L << 20;

    public String name() {
        return name;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * @param srcLang the original's language (picks the TBX language sets), e.g. {@code fr}
     * @param trgLang the translation's language, e.g. {@code en-US}
     */
    public static Glossary read(Path file, String srcLang, String trgLang) {
        byte[] bytes;
        try {
            // read whole and looked up term by term: 34 MB of rows took a 1 GB heap to its end
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new GlossaryException(file + ": the glossary is larger than " + (MAX_BYTES >> 20) + " MB; not read");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GlossaryException(file + ": cannot read the glossary: " + e.getMessage());
        }
        // a TBX or table saved as UTF-16 (a Windows tool) opens with its byte-order mark
        dev.calque.untrusted.UnicodeText.Encoding enc;
        try {
            enc = dev.calque.untrusted.UnicodeText.of(bytes, Math.min(bytes.length, 4096));
        } catch (java.io.CharConversionException e) {
            throw new GlossaryException(file + ": " + e.getMessage() + "; save the file as UTF-8");
        }
        String text = new String(bytes, enc.skip(), bytes.length - enc.skip(), enc.charset());
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String head = text.stripLeading();
        List<Entry> entries = head.startsWith("<") ? tbx(file, bytes, srcLang, trgLang)
                : table(file.toString(), text, file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
        if (entries.isEmpty()) throw new GlossaryException(file + ": the glossary has no entries");
        return new Glossary(entries, file.toString());
    }

    /** A glossary of one TSV row, as rule examples write it. */
    public static Glossary ofRow(String row) {
        return new Glossary(table("example", row, false), "example");
    }

    // ------------------------------------------------------------------ CSV / TSV

    private static List<Entry> table(String where, String text, boolean csv) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            List<String> cells = csv ? csvCells(line) : List.of(line.split("\t", -1));
            if (!csv && cells.size() == 1 && line.contains(",")) cells = csvCells(line); // a CSV named .txt/.tsv
            String first = cells.get(0).strip().toLowerCase(Locale.ROOT);
            if (out.isEmpty() && (first.equals("source") || first.equals("source term") || first.equals("term"))) continue;
            List<String> sources = terms(cells.get(0));
            List<String> required = cells.size() > 1 ? terms(cells.get(1)) : List.of();
            List<String> forbidden = cells.size() > 2 ? terms(cells.get(2)) : List.of();
            String note = cells.size() > 3 ? cells.get(3).strip() : "";
            if (sources.isEmpty()) throw new GlossaryException(where + ":" + (i + 1) + ": no source term");
            if (required.isEmpty() && forbidden.isEmpty()) {
                throw new GlossaryException(where + ":" + (i + 1) + ": neither a required nor a forbidden target term"
                        + " (columns: source, required, forbidden, note)");
            }
            out.add(new Entry(sources, required, forbidden, note, i + 1));
        }
        return out;
    }

    private static List<String> terms(String cell) {
        List<String> out = new ArrayList<>();
        for (String t : cell.split("[|;]")) if (!t.isBlank()) out.add(t.strip());
        return out;
    }

    /** One CSV line (RFC 4180 quoting; a quoted cell does not span lines here). */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // ------------------------------------------------------------------ TBX


    private static List<Entry> tbx(Path file, byte[] bytes, String srcLang, String trgLang) {
        Document doc;
        try {
            doc = dev.calque.untrusted.UntrustedXml.domBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new GlossaryException(file + ": not a readable TBX file: " + dev.calque.untrusted.UntrustedXml.plain(e));
        } catch (IOException e) {
            throw new GlossaryException(file + ": cannot read the glossary: " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>();
        String src = primary(srcLang);
        String trg = primary(trgLang);
        List<Element> concepts = elements(doc.getDocumentElement(), "termEntry");
        concepts.addAll(elements(doc.getDocumentElement(), "conceptEntry"));
        for (Element concept : concepts) {
            List<String> sources = new ArrayList<>();
            List<String> required = new ArrayList<>();
            List<String> forbidden = new ArrayList<>();
            for (Element langSet : elements(concept, "langSet")) {
                String lang = primary(langSet.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
                if (lang.isEmpty()) lang = primary(langSet.getAttribute("xml:lang"));
                boolean isSrc = lang.equals(src);
                boolean isTrg = lang.equals(trg);
                if (!isSrc && !isTrg) continue;
                for (Element term : elements(langSet, "term")) {
                    String t = term.getTextContent().strip().replaceAll("\\s+", " ");
                    if (t.isEmpty()) continue;
                    boolean deprecated = deprecated(term);
                    if (isSrc && !deprecated) sources.add(t);
                    if (isTrg) (deprecated ? forbidden : required).add(t);
                }
            }
            if (!sources.isEmpty() && (!required.isEmpty() || !forbidden.isEmpty())) {
                out.add(new Entry(sources, required, forbidden, note(concept), 0));
            }
        }
        return out;
    }

    /** Deprecated or superseded, by a {@code termNote type="administrativeStatus"} beside the term. */
    private static boolean deprecated(Element term) {
        Node holder = term.getParentNode();
        if (holder instanceof Element h) {
            for (Element note : elements(h, "termNote")) {
                String type = note.getAttribute("type");
                String value = note.getTextContent().strip().toLowerCase(Locale.ROOT);
                if ((type.equals("administrativeStatus") || type.equals("normativeAuthorization"))
                        && (value.startsWith("deprecated") || value.startsWith("superseded"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String note(Element concept) {
        for (String name : new String[] {"descrip", "note"}) {
            List<Element> found = elements(concept, name);
            if (!found.isEmpty()) return found.get(0).getTextContent().strip().replaceAll("\\s+", " ");
        }
        return "";
    }

    private static List<Element> elements(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
        return out;
    }

    private static String primary(String lang) {
        if (lang == null) return "";
        int dash = lang.indexOf('-') >= 0 ? lang.indexOf('-') : lang.indexOf('_');
        return (dash > 0 ? lang.substring(0, dash) : lang).toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ matching

    /**
     * Where a term occurs in a text, as whole words, ignoring case, allowing a plural ending on its last
     * word ({@code engagement} finds {@code engagements}). Returns {start, end} pairs.
     */
    public static List<int[]> occurrences(String term, String text) {
        List<int[]> out = new ArrayList<>();
        text = text.replace('\u2019', '\''); // same length: offsets hold
        String[] words = term.replace('\u2019', '\'').strip().split("\\s+");
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) re.append("[\\s\\u00A0]+");
            re.append(Pattern.quote(words[i]));
        }
        re.append("(?:s|es|x)?(?![\\p{L}\\p{N}])");
        Matcher m = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }

    public static boolean contains(String text, String term) {
        return !occurrences(term, text).isEmpty();
    }
}
