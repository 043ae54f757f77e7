package dev.calque.ingest.bilingual;

import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualFormat;
import dev.calque.model.BilingualSegment;
import dev.calque.model.InlineCode;
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
     * @param fallbackSrc the source language to assume when the file declares none (TSV), e.g. {@code fr}
     * @param fallbackTrg the target language to assume when the file declares none, e.g. {@code en-US}
     */
    public static BilingualFile read(BilingualSniffer.Sniffed sniffed, byte[] bytes, String fallbackSrc,
                                     String fallbackTrg) throws BilingualFileException {
        String src = sniffed.srcLang() != null ? sniffed.srcLang() : fallbackSrc;
        String trg = sniffed.trgLang() != null ? sniffed.trgLang() : fallbackTrg;
        List<BilingualSegment> segments = new ArrayList<>();
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
        if (segments.isEmpty()) {
            throw new BilingualFileException("no translated segment to check in this " + sniffed.format().label() + " file"
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " unit(s) without a target)"));
        }
        return new BilingualFile(sniffed.format(), src, trg, segments, skipped, bytes);
    }

    // ------------------------------------------------------------------ XLIFF 1.2 and TMX (Okapi filters)

    private static void readOkapi(net.sf.okapi.common.filters.IFilter filter, byte[] bytes, String src, String trg,
                                  List<BilingualSegment> out, List<String> skipped) throws BilingualFileException {
        if (src == null || trg == null) {
            throw new BilingualFileException("the file does not say which languages it holds (source-language/target-language)");
        }
        LocaleId srcLoc = LocaleId.fromString(src);
        LocaleId trgLoc = LocaleId.fromString(trg);
        int number = 0;
        try (filter; RawDocument doc = new RawDocument(new ByteArrayInputStream(bytes), "UTF-8", srcLoc, trgLoc)) {
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
                    out.add(new BilingualSegment(id, sp.text, tp.text, sp.codes, tp.codes, unitId, several ? s.getId() : null));
                }
            }
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

    private static void readXliff2(byte[] bytes, List<BilingualSegment> out, List<String> skipped) {
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
                    out.add(new BilingualSegment(id, sp.text, tp.text, sp.codes, tp.codes, unit.getId(), segId));
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

    private static void readTsv(byte[] bytes, List<BilingualSegment> out, List<String> skipped) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            int tab = line.indexOf('\t');
            String id = Integer.toString(i + 1);
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
            out.add(new BilingualSegment(id, source, target));
        }
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        if (m == null || m.isBlank()) m = t.getClass().getSimpleName();
        m = m.strip().replaceAll("\\s*\\R\\s*", " ");
        // the XML parser's own wording, said the way Calque says it: the line first, the library's notation out
        String line = "";
        java.util.regex.Matcher at = WOODSTOX_AT.matcher(m);
        if (at.find()) {
            line = "line " + at.group(1) + ": ";
            m = m.substring(0, at.start()) + m.substring(at.end());
        }
        java.util.regex.Matcher entity = UNDECLARED_ENTITY.matcher(m);
        if (entity.find()) {
            return line + "entity '" + entity.group(1) + "' is not defined (Calque reads no DTD: entities could read"
                    + " files or reach the network)";
        }
        if (m.matches("Invalid byte \\d+ of \\d+-byte UTF-8 sequence\\.?")) return line + "not valid UTF-8";
        return line + m;
    }

    private static final java.util.regex.Pattern WOODSTOX_AT =
            java.util.regex.Pattern.compile("\\s*at \\[row,col[^\\]]*\\]: \\[(\\d+),\\d+\\]");
    private static final java.util.regex.Pattern UNDECLARED_ENTITY =
            java.util.regex.Pattern.compile("Undeclared general entity \"([^\"]*)\"");
}
