package dev.calque.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Finds the pages of a PDF whose text cannot be read because their content is damaged: a compressed
 * content stream that does not decompress (corrupt or cut short), or a content reference to an object the
 * file does not have. PDFBox reads such a page as blank and says so only in its log, so without this
 * check a damaged page would vanish from the text without a word.
 */
final class PdfPages {
    /**
     * The pages of a document, which of them (1-based) are damaged, and which hold content that inflates
     * past {@link #MAX_INFLATED} (a compression bomb: PDFBox may then give no text for the page at all).
     */
    record Damage(int pages, List<Integer> damaged, List<Integer> bombs) {
        static final Damage NONE = new Damage(0, List.of());

        Damage(int pages, List<Integer> damaged) {
            this(pages, damaged, List.of());
        }
    }

    private enum Content { READABLE, DAMAGED, BOMB }

    /** Decompressed bytes of one content stream past which it is not judged (a bomb is Tika's limit to meet). */
    private static final long MAX_INFLATED = 64L << 20;

    private PdfPages() {
    }

    /** Never throws: a document PDFBox cannot open at all is Tika's to report. */
    static Damage of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Integer> damaged = new ArrayList<>();
            List<Integer> bombs = new ArrayList<>();
            int n = 0;
            for (PDPage page : doc.getPages()) {
                n++;
                Content c = content(page);
                if (c == Content.DAMAGED) damaged.add(n);
                if (c == Content.BOMB) bombs.add(n);
            }
            return new Damage(n, List.copyOf(damaged), List.copyOf(bombs));
        } catch (IOException | RuntimeException e) {
            return Damage.NONE;
        }
    }

    private static Content content(PDPage page) {
        COSBase contents = page.getCOSObject().getItem(COSName.CONTENTS);
        List<COSBase> parts = new ArrayList<>();
        if (contents instanceof COSObject ref) {
            if (ref.getObject() == null || ref.getObject() instanceof COSNull) return Content.DAMAGED; // points at nothing
            contents = ref.getObject();
        }
        if (contents instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) parts.add(array.getObject(i));
        } else if (contents != null) {
            parts.add(contents);
        }
        long inflated = 0;
        for (COSBase part : parts) {
            if (!(part instanceof COSStream stream)) return Content.DAMAGED;
            long got = inflated(stream, MAX_INFLATED - inflated + 1);
            if (got < 0) return Content.DAMAGED;
            inflated += got;
            if (inflated > MAX_INFLATED) return Content.BOMB;
        }
        return Content.READABLE;
    }

    /**
     * Bytes a content stream compressed with Flate inflates to, read no further than {@code cap} (past it, more
     * than {@code cap}); -1 when a stream compressed with Flate alone (nearly all of them) stops short of its end
     * (damaged); 0 for other filters, and for a Flate chain ({@code [/FlateDecode /FlateDecode]}) that does not
     * inflate. One pass judges both damage and a compression bomb.
     */
    private static long inflated(COSStream stream, long cap) {
        List<COSName> filters = filters(stream);
        if (filters.isEmpty() || !filters.stream().allMatch(COSName.FLATE_DECODE::equals)) return 0; // not judged
        if (filters.size() > 1) {
            try (InputStream raw = stream.createRawInputStream()) {
                InputStream in = raw;
                for (int i = 0; i < filters.size(); i++) in = new java.util.zip.InflaterInputStream(in);
                byte[] buf = new byte[8192];
                long total = 0;
                for (int got; total < cap && (got = in.read(buf)) > 0; ) total += got;
                return total;
            } catch (IOException e) {
                return 0;
            }
        }
        Inflater inflater = new Inflater();
        try (InputStream raw = stream.createRawInputStream()) {
            inflater.setInput(raw.readAllBytes());
            byte[] out = new byte[8192];
            long total = 0;
            while (!inflater.finished()) {
                int got = inflater.inflate(out);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) return -1; // cut short
                total += got;
                if (total > cap) return total; // far past any page's text: not judged further
            }
            return total;
        } catch (DataFormatException | IOException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }

    private static List<COSName> filters(COSStream stream) {
        COSBase f = stream.getFilters();
        List<COSName> names = new ArrayList<>();
        if (f instanceof COSName name) names.add(name);
        else if (f instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) names.add(name);
            }
        }
        return names;
    }

    /** "page 2 of 3 is", "pages 2 and 5 of 9 are": for the one-line reason. */
    static String describe(Damage d) {
        return describe(d.damaged(), d.pages());
    }

    /** The one-line reason for a PDF whose only text is behind a compression bomb. */
    static String describeBombs(Damage d) {
        return "compression bomb: the content of " + describe(d.bombs(), d.pages()).replaceFirst(" (is|are)$", "")
                + " inflates to more than " + (MAX_INFLATED >> 20) + " MB; not read";
    }

    private static String describe(List<Integer> p, int pages) {
        String list;
        if (p.size() == 1) list = "page " + p.get(0);
        else {
            List<String> s = p.stream().limit(10).map(String::valueOf).toList();
            list = "pages " + String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1)
                    + (p.size() > 10 ? " (and " + (p.size() - 10) + " more)" : "");
        }
        return list + " of " + pages + (p.size() == 1 ? " is" : " are");
    }
}
