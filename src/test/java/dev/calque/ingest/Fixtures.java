package dev.calque.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Builds the seed article in other formats, the way newsroom tools would store it. */
public final class Fixtures {
    public static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    public static final Path SEED_HTML = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.html");

    /** The list of the findings the seed must give, one a line (see the file's header). */
    public static final Path SEED_EXPECTED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.expected.tsv");

    private Fixtures() {
    }

    /** One finding the seed must give: the rule, its severity, the passage, text around it that locates it, why. */
    public record ExpectedFinding(String rule, String severity, String passage, String context, String why) {
        /** Where the passage starts in the seed's text. */
        public int start(String text) {
            int c = text.indexOf(context);
            if (c < 0) throw new IllegalStateException("context “" + context + "” not in the seed");
            int start = text.indexOf(passage, c);
            if (start < 0 || start >= c + context.length()) {
                throw new IllegalStateException("“" + passage + "” not in its context “" + context + "”");
            }
            return start;
        }
    }

    /** Every finding the seed must give, and nothing else, from {@link #SEED_EXPECTED}. */
    public static List<ExpectedFinding> seedFindings() {
        try {
            List<ExpectedFinding> out = new ArrayList<>();
            for (String line : Files.readAllLines(SEED_EXPECTED, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split("\t");
                if (c.length != 5) throw new IllegalStateException(SEED_EXPECTED + ": 5 columns expected: " + line);
                out.add(new ExpectedFinding(c[0], c[1], c[2], c[3], c[4]));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many of the seed's expected findings have this severity. */
    public static long seedFindings(String severity) {
        return seedFindings().stream().filter(f -> f.severity().equals(severity)).count();
    }

    public static List<String> seedParagraphs() throws IOException {
        List<String> out = new ArrayList<>();
        for (String p : Files.readString(SEED, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
            if (!p.isBlank()) out.add(p.strip());
        }
        return out;
    }

    public static Path docx(Path dir) throws IOException {
        Path f = dir.resolve("seed.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            for (String p : seedParagraphs()) doc.createParagraph().createRun().setText(p);
            doc.write(out);
        }
        return f;
    }

    /** A PDF whose paragraphs are hard-wrapped at about 80 characters, as PDFs are. */
    public static Path pdf(Path dir) throws IOException {
        Path f = dir.resolve("seed.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            float y = 800;
            for (String p : seedParagraphs()) {
                for (String line : wrap(p, 80)) {
                    if (y < 60) {
                        cs.close();
                        page = new PDPage(PDRectangle.A4);
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                        y = 800;
                    }
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(50, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 13;
                }
                y -= 14; // paragraph gap
            }
            cs.close();
            doc.save(f.toFile());
        }
        return f;
    }

    static List<String> wrap(String p, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : p.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(w);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    public static Path rtf(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n");
        for (String p : seedParagraphs()) {
            StringBuilder esc = new StringBuilder();
            for (char c : p.toCharArray()) {
                if (c > 127) esc.append("\\u").append((int) c).append('?');
                else if (c == '\\' || c == '{' || c == '}') esc.append('\\').append(c);
                else esc.append(c);
            }
            sb.append("{\\pard ").append(esc).append("\\par}\n");
        }
        sb.append("}");
        Path f = dir.resolve("seed.rtf");
        Files.writeString(f, sb.toString(), StandardCharsets.US_ASCII);
        return f;
    }

    public static Path eml(Path dir) throws IOException {
        List<String> ps = seedParagraphs();
        String body = String.join("\r\n\r\n", ps.subList(1, ps.size()));
        String mail = "From: desk@example.org\r\nTo: editors@example.org\r\nSubject: " + ps.get(0)
                + "\r\nDate: Fri, 31 Dec 2021 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
        Path f = dir.resolve("seed.eml");
        Files.writeString(f, mail, StandardCharsets.UTF_8);
        return f;
    }

    /** A minimal OpenDocument text file, one {@code text:p} per paragraph. */
    public static Path odt(Path dir) throws IOException {
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>");
        for (String p : seedParagraphs()) {
            content.append("<text:p>").append(p.replace("&", "&amp;").replace("<", "&lt;")).append("</text:p>");
        }
        content.append("</office:text></office:body></office:document-content>");
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
                + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        java.util.Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        parts.put("content.xml", content.toString().getBytes(StandardCharsets.UTF_8));
        parts.put("META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("seed.odt");
        Files.write(f, zip(parts, "application/vnd.oasis.opendocument.text"));
        return f;
    }

    /** The seed article as Markdown: headline as a heading, file offsets still point into the file. */
    public static Path markdown(Path dir) throws IOException {
        List<String> ps = seedParagraphs();
        StringBuilder sb = new StringBuilder("# ").append(ps.get(0)).append("\n\n");
        for (String p : ps.subList(1, ps.size())) sb.append(p).append("\n\n");
        Path f = dir.resolve("seed.md");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    /** A zip of parts, with an uncompressed first {@code mimetype} entry when one is given (ODF, EPUB). */
    public static byte[] zip(java.util.Map<String, byte[]> parts, String mimetype) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            if (mimetype != null) {
                byte[] b = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry e = new ZipEntry("mimetype");
                e.setMethod(ZipEntry.STORED);
                e.setSize(b.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(b);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(b);
                z.closeEntry();
            }
            for (java.util.Map.Entry<String, byte[]> part : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(part.getKey()));
                z.write(part.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
