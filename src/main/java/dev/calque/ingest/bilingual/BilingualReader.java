package dev.calque.ingest.bilingual;

import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualFormat;
import dev.calque.model.BilingualSegment;
import dev.calque.model.InlineCode;
import dev.calque.model.Texts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ISegments;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.Segment;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.tmx.TmxFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.xliff2.core.CTag;
import net.sf.okapi.lib.xliff2.core.CanReorder;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.Tag;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;

/**
 * Reads bilingual files with the Okapi Framework: XLIFF 1.2 through Okapi's XLIFF filter, XLIFF 2.0/2.1
 * through its XLIFF 2 library, TMX through its TMX filter; tab-separated bitext directly. Okapi's XML
 * readers are built with DTD support off, so no DTD and no external entity is ever fetched
 * ({@code BilingualFilesTest} checks it with a file entity and a loopback URL).
 */
public final class BilingualReader {
    private BilingualReader() {
    }

    /**
     * Reads the whole file (a rule's example, a glossary's test): no limit on its text.
     *
     * @param fallbackSrc the source language to assume when the file declares none (TSV), e.g. {@code fr}
     * @param fallbackTrg the target language to assume when the file declares none, e.g. {@code en-US}
     */
    public static BilingualFile read(BilingualSniffer.Sniffed sniffed, byte[] bytes, String fallbackSrc,
                                     String fallbackTrg) throws BilingualFileException {
        return read(sniffed, bytes, fallbackSrc, fallbackTrg, Integer.MAX_VALUE).file();
    }

    /** A file as read, and where its reading stopped at the text limit (null when it was read to its end). */
    public record Read(BilingualFile file, Cut cut) {
    }

    /**
     * @param segmentId the segment whose target took the text past the limit
     * @param charsRead the length of the text with that segment whole (what the file holds at least)
     */
    public record Cut(String segmentId, long charsRead) {
    }

    /**
     * Reads segments until the text (the targets joined by {@link BilingualFile#SEPARATOR}) passes
     * {@code maxTextChars}, and no further: the readers are pulled event by event, so neither time nor
     * memory grows with what lies after the limit. The segment that passes it is cut on both sides
     * ({@link Kept#add}).
     */
    public static Read read(BilingualSniffer.Sniffed sniffed, byte[] bytes, String fallbackSrc, String fallbackTrg,
                            int maxTextChars) throws BilingualFileException {
        if (sniffed.damage() != null) {
            throw new BilingualFileException("cannot read this " + sniffed.format().label() + " file: " + reason(sniffed.damage()),
                    sniffed.damage());
        }
        if (sniffed.format() != BilingualFormat.TSV) {
            // Woodstox refuses it in its own words; Okapi's XLIFF 1.2 filter decodes it as UTF-8 into U+FFFD
            String declared = declaredOverUtf16(bytes);
            if (declared != null) {
                throw new BilingualFileException("cannot read this " + sniffed.format().label() + " file: line 1: "
                        + undeclaredUtf16(declared));
            }
        }
        String src = sniffed.srcLang() != null ? sniffed.srcLang() : fallbackSrc;
        String trg = sniffed.trgLang() != null ? sniffed.trgLang() : fallbackTrg;
        Kept segments = new Kept(maxTextChars);
        List<String> skipped = new ArrayList<>();
        try {
            switch (sniffed.format()) {
                case XLIFF_1 -> readOkapi(new XLIFFFilter(), bytes, src, trg, segments, skipped);
                case TMX -> readOkapi(new TmxFilter(), bytes, src, trg, segments, skipped);
                case XLIFF_2 -> readXliff2(bytes, segments, skipped);
                case TSV -> readTsv(bytes, segments, skipped);
            }
        } catch (RuntimeException e) {
            throw new BilingualFileException("cannot read this " + sniffed.format().label() + " file: " + reason(e), e);
        }
        if (segments.list.isEmpty()) {
            throw new BilingualFileException("no translated segment to check in this " + sniffed.format().label() + " file"
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " unit(s) without a target)"));
        }
        return new Read(new BilingualFile(sniffed.format(), src, trg, segments.list, skipped, bytes), segments.cut);
    }

    /** The segments kept so far, and the cut once the text is full. */
    private static final class Kept {
        private final int max;
        private final List<BilingualSegment> list = new ArrayList<>();
        private long length;
        private Cut cut;

        Kept(int max) {
            this.max = max;
        }

        /**
         * Adds a segment; false once the text is full and reading must stop. The segment that passes the
         * limit keeps its target up to the one cut ({@link Texts#cutEnd}, as every other reader's text is
         * cut) and the same share of its source, so that the original beside it says what the kept part
         * says (a single 5 MB segment is checked in part, on both sides). A cut segment keeps no inline
         * codes: which of them pair across the cut cannot be told, and a half would read as codes lost.
         */
        boolean add(BilingualSegment s) {
            int separator = list.isEmpty() ? 0 : BilingualFile.SEPARATOR.length();
            long after = length + separator + s.target().length();
            if (after <= max) {
                list.add(s);
                length = after;
                return true;
            }
            cut = new Cut(s.id(), after);
            long room = max - length - separator;
            if (room <= 0) return false;
            String t = s.target();
            int end = Texts.cutEnd(t, (int) room);
            String target = t.substring(0, end).strip();
            if (target.isEmpty()) return false;
            String o = s.source();
            int share = (int) Math.min(o.length(), Math.round((double) o.length() * end / t.length()));
            String source = o.substring(0, Texts.cutEnd(o, share)).strip();
            list.add(new BilingualSegment(s.id(), source, target, List.of(), List.of(), s.unitId(), s.segmentId()));
            length += separator + target.length();
            return false;
        }
    }

    // ------------------------------------------------------------------ XLIFF 1.2 and TMX (Okapi filters)

    private static void readOkapi(net.sf.okapi.common.filters.IFilter filter, byte[] bytes, String src, String trg,
                                  Kept out, List<String> skipped) throws BilingualFileException {
        if (src == null || trg == null) {
            throw new BilingualFileException("the file does not say which languages it holds (source-language/target-language)");
        }
        LocaleId srcLoc = LocaleId.fromString(src);
        LocaleId trgLoc = LocaleId.fromString(trg);
        int number = 0;
        try (filter; RawDocument doc = new InMemory(bytes, srcLoc, trgLoc)) {
            filter.open(doc);
            while (filter.hasNext()) {
                Event e = filter.next();
                if (!e.isTextUnit()) continue;
                ITextUnit tu = e.getTextUnit();
                number++;
                // XLIFF: the trans-unit's id (Okapi's name is its resname); TMX: the tuid, kept as the name
                String unitId = filter instanceof TmxFilter ? tu.getName() : tu.getId();
                if (unitId == null || unitId.isBlank()) unitId = Integer.toString(number);
                TextContainer target = tu.getTarget(trgLoc);
                if (target == null || target.isEmpty()) {
                    skipped.add(unitId);
                    continue;
                }
                ISegments sources = tu.getSourceSegments();
                ISegments targets = tu.getTargetSegments(trgLoc);
                boolean several = sources.count() > 1;
                for (Segment s : sources) {
                    Segment t = targets.get(s.getId());
                    if (t == null || t.getContent().isEmpty()) continue;
                    Plain sp = plain(s.getContent());
                    Plain tp = plain(t.getContent());
                    if (tp.text.isBlank()) continue;
                    String id = several ? unitId + "#" + s.getId() : unitId;
                    if (!out.add(new BilingualSegment(id, sp.text, tp.text, sp.codes, tp.codes, unitId, several ? s.getId() : null))) {
                        return; // the text is full: the rest of the file is not read
                    }
                }
            }
        }
    }

    /**
     * The file for Okapi's filters, read from the bytes each time a filter asks for its stream. Okapi's own
     * document over a stream copied the whole input into a temporary file ({@code ~okapi-…overflow} in
     * {@code java.io.tmpdir}, 86 MB for an 87 MB XLIFF) to read it twice: the user's file on disk, left
     * there if the run is killed, and written whole however soon the reading stops.
     */
    private static final class InMemory extends RawDocument {
        private final byte[] bytes;

        InMemory(byte[] bytes, LocaleId src, LocaleId trg) {
            this.bytes = bytes;
            setEncoding("UTF-8");
            setSourceLocale(src);
            setTargetLocales(new ArrayList<>(List.of(trg)));
        }

        @Override
        public java.io.InputStream getStream() {
            return new ByteArrayInputStream(bytes);
        }
    }

    private record Plain(String text, List<InlineCode> codes) {
    }

    /** An Okapi fragment's text without its codes, and the codes with the places they held. */
    private static Plain plain(TextFragment f) {
        String coded = f.getCodedText();
        StringBuilder text = new StringBuilder();
        List<InlineCode> codes = new ArrayList<>();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < coded.length()) {
                Code code = f.getCode(coded.charAt(++i));
                // annotation markers (an XLIFF 1.2 <mrk>, such as Calque's own ITS marks) are not codes
                if (Code.TYPE_ANNOTATION_ONLY.equals(code.getType())) continue;
                InlineCode.Kind kind = switch (code.getTagType()) {
                    case OPENING -> InlineCode.Kind.OPENING;
                    case CLOSING -> InlineCode.Kind.CLOSING;
                    default -> InlineCode.Kind.STANDALONE;
                };
                String id = code.getOriginalId() != null && !code.getOriginalId().isBlank()
                        ? code.getOriginalId() : Integer.toString(code.getId());
                // the native code (<sup>1</sup>) when the file has it, else the element that stands for it (<g id="1">)
                String display = code.getData();
                if ((display == null || display.isBlank()) && code.hasOuterData()) display = code.getOuterData();
                if (display == null || display.isBlank()) display = code.getDisplayText();
                codes.add(new InlineCode(id, kind, display, text.length(), true));
            } else {
                text.append(c);
            }
        }
        return new Plain(normalizeBreaks(text.toString()), codes);
    }

    /** A blank line inside a segment would read as a paragraph break of the article: keep it to one. */
    private static String normalizeBreaks(String s) {
        return s.contains("\n") ? s.replaceAll("\\n\\s*\\n", "\n") : s;
    }

    // ------------------------------------------------------------------ XLIFF 2 (Okapi's XLIFF 2 library)

    private static void readXliff2(byte[] bytes, Kept out, List<String> skipped) {
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MINIMAL)) {
            reader.open(new ByteArrayInputStream(bytes));
            while (reader.hasNext()) {
                net.sf.okapi.lib.xliff2.reader.Event e = reader.next();
                if (!e.isUnit()) continue;
                Unit unit = e.getUnit();
                List<net.sf.okapi.lib.xliff2.core.Segment> segs = new ArrayList<>();
                for (net.sf.okapi.lib.xliff2.core.Segment s : unit.getSegments()) segs.add(s);
                boolean several = segs.size() > 1;
                boolean any = false;
                for (int i = 0; i < segs.size(); i++) {
                    net.sf.okapi.lib.xliff2.core.Segment s = segs.get(i);
                    if (!s.hasTarget() || s.getTarget().isEmpty()) continue;
                    Plain sp = plain(s.getSource());
                    Plain tp = plain(s.getTarget());
                    if (tp.text.isBlank()) continue;
                    String segId = s.getId() != null ? s.getId() : several ? Integer.toString(i + 1) : null;
                    String id = segId == null ? unit.getId() : unit.getId() + "#" + segId;
                    if (!out.add(new BilingualSegment(id, sp.text, tp.text, sp.codes, tp.codes, unit.getId(), segId))) {
                        return; // the text is full: the rest of the file is not read
                    }
                    any = true;
                }
                if (!any) skipped.add(unit.getId());
            }
        }
    }

    private static Plain plain(Fragment f) {
        String coded = f.getCodedText();
        StringBuilder text = new StringBuilder();
        List<InlineCode> codes = new ArrayList<>();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (Fragment.isChar1(c) && i + 1 < coded.length()) {
                Tag tag = f.getTag(coded, i);
                i++;
                if (!(tag instanceof CTag code)) continue; // annotation markers (<mrk>) are not codes
                InlineCode.Kind kind = switch (code.getTagType()) {
                    case OPENING -> InlineCode.Kind.OPENING;
                    case CLOSING -> InlineCode.Kind.CLOSING;
                    default -> InlineCode.Kind.STANDALONE;
                };
                String display = code.getDisp() != null ? code.getDisp()
                        : code.getEquiv() != null && !code.getEquiv().isEmpty() ? code.getEquiv()
                        : code.getData() != null ? code.getData() : null;
                boolean reorderable = code.getCanReorder() == null || code.getCanReorder() == CanReorder.YES;
                codes.add(new InlineCode(code.getId(), kind, display, text.length(), reorderable));
            } else {
                text.append(c);
            }
        }
        return new Plain(normalizeBreaks(text.toString()), codes);
    }

    // ------------------------------------------------------------------ tab-separated bitext

    /** Line by line as {@code \R} splits lines (a line's number is its id): the file is never held whole as text. */
    private static void readTsv(byte[] bytes, Kept out, List<String> skipped) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        Lines lines = new Lines(new java.io.InputStreamReader(new ByteArrayInputStream(bytes, from, bytes.length - from),
                StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            number++;
            if (line.isBlank()) continue;
            int tab = line.indexOf('\t');
            String id = Integer.toString(number);
            if (tab < 0) {
                skipped.add(id);
                continue;
            }
            String source = line.substring(0, tab).strip();
            String target = line.substring(tab + 1).strip();
            if (target.isEmpty()) {
                skipped.add(id);
                continue;
            }
            if (!out.add(new BilingualSegment(id, source, target))) return;
        }
    }

    /** The lines of a text read from a stream, split where {@code \R} splits ({@code \r\n}, {@code \n}, {@code \r}, VT, FF, NEL, U+2028, U+2029). */
    private static final class Lines {
        private final java.io.Reader in;
        private final char[] buffer = new char[1 << 16];
        private int at;
        private int end;
        private boolean done;

        Lines(java.io.Reader in) {
            this.in = in;
        }

        /** The next line, or null after the last (a text ending in a line break ends with an empty line, as {@code split(.., -1)} gives). */
        String next() {
            if (done) return null;
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = read();
                if (c < 0) {
                    done = true;
                    return line.toString();
                }
                if (c == '\r') {
                    if (peek() == '\n') read();
                    return line.toString();
                }
                if (c == '\n' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029) return line.toString();
                line.append((char) c);
            }
        }

        private int read() {
            int c = peek();
            if (c >= 0) at++;
            return c;
        }

        private int peek() {
            if (at == end) {
                try {
                    end = Math.max(0, in.read(buffer));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e); // a byte array cannot fail to read
                }
                at = 0;
                if (end == 0) return -1;
            }
            return buffer[at];
        }
    }

    /**
     * The reason a user reads for a file a parser refused: the line, then what is wrong in Calque's words.
     * Woodstox's and Okapi's own wording ("Unexpected close tag </tuv>; expected </seg>.", "Error in <file>
     * id='f1', <unit> id='p1': Reading error.") goes to the log, which {@code --verbose} shows.
     */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        if (m == null || m.isBlank()) m = t.getClass().getSimpleName();
        m = m.strip().replaceAll("\\s*\\R\\s*", " ");
        // the XML parser's own wording, said the way Calque says it: the line first, the library's notation out
        String line = "";
        java.util.regex.Matcher at = WOODSTOX_AT.matcher(m);
        if (at.find()) {
            line = "line " + at.group(1);
            m = m.substring(0, at.start()) + m.substring(at.end());
        }
        java.util.regex.Matcher unit = OKAPI_CONTEXT.matcher(m);
        if (unit.lookingAt()) {
            if (unit.group(1) != null) line = line.isEmpty() ? "unit " + unit.group(1) : line + " (unit " + unit.group(1) + ")";
            String element = unit.group(2);
            m = m.substring(unit.end()).strip();
            // the element Okapi refused, when its message is about that element rather than the parser's
            if (element != null && !m.startsWith("Unexpected") && !m.startsWith("Illegal") && !m.startsWith("Invalid UTF")) {
                line = (line.isEmpty() ? "" : line + ", ") + "at <" + (element.length() > 40 ? element.substring(0, 39) + "…" : element) + ">";
            }
        }
        if (!line.isEmpty()) line += ": ";
        // a name or value the file repeats into the message (a prefix of 5 MB) is shortened, not quoted whole
        m = LONG_RUN.matcher(m).replaceAll("$1…");
        java.util.regex.Matcher entity = UNDECLARED_ENTITY.matcher(m);
        if (entity.find()) {
            return line + "entity '" + entity.group(1) + "' is not defined (Calque reads no DTD: entities could read"
                    + " files or reach the network)";
        }
        if (m.matches("Invalid byte \\d+ of \\d+-byte UTF-8 sequence\\.?")) return line + "not valid UTF-8";
        for (String[] plain : PLAIN) {
            java.util.regex.Matcher x = java.util.regex.Pattern.compile(plain[0]).matcher(m);
            if (x.matches()) return line + x.replaceFirst(plain[1]);
        }
        return line + m;
    }

    static String undeclaredUtf16(String declared) {
        return "the file is in UTF-16 without a byte-order mark, but declares the encoding '" + declared
                + "' (save it as UTF-8, or as UTF-16 with its mark)";
    }

    /**
     * The encoding an XML declaration names when the file is UTF-16 without a byte-order mark ({@code <} and a
     * zero byte) and the name is not UTF-16's, else null: XML 1.0 (appendix F) reads such a file by its zero
     * bytes, and a declaration of UTF-8 over them is an error, not a guess to make.
     */
    static String declaredOverUtf16(byte[] b) {
        if (b.length < 4 || !(b[0] == '<' && b[1] == 0 || b[0] == 0 && b[1] == '<')) return null;
        String head = new String(b, 0, Math.min(b.length, 400) & ~1, b[0] == '<' ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']")
                .matcher(head);
        return m.find() && !m.group(1).toUpperCase(java.util.Locale.ROOT).startsWith("UTF-16") ? m.group(1) : null;
    }

    /** Woodstox's messages (and the limits Calque sets on it), each as what is wrong with the file. */
    private static final String[][] PLAIN = {
            {"Unexpected EOF; was expecting a close tag for element <([^>\\s]{1,80})>.*",
                    "the file ends before <$1> is closed (cut short?)"},
            {"Unexpected EOF in prolog.*", "the file ends before its first element (cut short?)"},
            {"(?:Cannot open the XLIFF stream\\. )?Declared encoding '([^']{1,40})' uses 1 bytes per character; but physical"
                    + " encoding appeared to use 2.*",
                    undeclaredUtf16("$1")},
            {"Unexpected (?:EOF|end of input block).*", "the file ends in the middle of a tag or a value (cut short?)"},
            {"Unexpected close tag </([^>\\s]{1,80})>; expected </([^>\\s]{1,80})>\\.?",
                    "<$2> is not closed where </$1> closes the element around it"},
            {"Unexpected character '.' \\(code [^)]{1,20}\\) in content after '<' \\(malformed start element\\?\\)\\.?",
                    "a '<' that opens no element (a '<' in the text must be written &lt;)"},
            {"Unexpected character '.' \\(code [^)]{1,20}\\) \\(missing name\\?\\)\\.?",
                    "an '&' that starts no entity (an '&' in the text must be written &amp;)"},
            {"Illegal character \\(NULL, unicode 0\\).*", "a NUL character (code 0) that XML does not allow in a document"},
            {"Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    "a control character (code $1) that XML does not allow in a document"},
            {"Duplicate attribute '([^']{1,80})'\\.?", "the attribute '$1' is given twice in one element"},
            {"Undeclared namespace prefix \"([^\"]{1,80})\".*", "the prefix '$1:' is used without declaring its namespace"},
            {"Illegal to have multiple roots.*", "an element after the end of the document's root element"},
            {"Unexpected character '.' \\(code [^)]{1,20}\\) in epilog.*", "text after the end of the document's root element"},
            {"Unexpected character '.' \\(code [^)]{1,20}\\) in start tag Expected a quote.*", "an attribute value without quotes"},
            {"Invalid UTF-8 start byte (0x[0-9a-fA-F]{1,2}).*", "not valid UTF-8 (byte $1)"},
            {"Invalid UTF-8 middle byte.*", "not valid UTF-8 (a character whose bytes are broken off)"},
            {"Maximum Element Depth limit \\((\\d+)\\) Exceeded.*", "elements nested more than $1 deep"},
            {"Maximum attribute size limit \\((\\d+)\\) exceeded.*", "an attribute longer than $1 characters"},
            {"Unexpected character \\(CTRL-CHAR, code (\\d+)\\).*", "a control character (code $1) that XML does not allow in a document"},
            {"Unexpected character '(.)' \\(code (\\d+)[^)]{0,20}\\).*", "a character XML does not allow here ('$1', code $2)"},
    };

    private static final java.util.regex.Pattern LONG_RUN = java.util.regex.Pattern.compile("([^'\"<>\\s]{39})[^'\"<>\\s]{2,}");
    private static final java.util.regex.Pattern WOODSTOX_AT =
            java.util.regex.Pattern.compile("\\s*at \\[row,col[^\\]]*\\]: \\[(\\d+),\\d+(?:,[^\\]]{0,200})?\\]");
    /** Okapi's XLIFF 2 reader names the file and unit before the parser's message. */
    private static final java.util.regex.Pattern OKAPI_CONTEXT =
            java.util.regex.Pattern.compile("(?:Error in <file> id='[^']{0,80}'(?:, <unit> id='([^']{0,80})')?"
                    + "(?: Last element read: '(?:\\{[^}]{0,200}\\})?([^']*)')?: )?(?:Reading error\\.)?");
    private static final java.util.regex.Pattern UNDECLARED_ENTITY =
            java.util.regex.Pattern.compile("Undeclared general entity \"([^\"]*)\"");
}
