package dev.calque.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Generates the hostile inputs that are too large or too binary to commit. */
public final class HostileFiles {
    private HostileFiles() {
    }

    public static Path truncatedPdf(Path dir) throws IOException {
        byte[] pdf = Files.readAllBytes(Fixtures.pdf(Files.createDirectories(dir.resolve("gen"))));
        return Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
    }

    public static Path encryptedPdf(Path dir) throws IOException {
        Path src = Fixtures.pdf(Files.createDirectories(dir.resolve("gen2")));
        Path f = dir.resolve("encrypted.pdf");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(src.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(f.toFile());
        }
        return f;
    }

    /**
     * A three-page PDF (one sentence a page) whose listed pages have a damaged content stream: its compressed
     * bytes overwritten in the middle, as a bad sector or a cut transfer leaves them. Saved without object
     * streams, so each content stream can be found in the bytes by its object number.
     */
    public static Path damagedPagesPdf(Path dir, String name, int... damaged) throws IOException {
        Path f = dir.resolve(name);
        java.util.List<Integer> objects = new java.util.ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 3; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("On page " + p + " the minister told reporters on Monday that the budget would pass.");
                    cs.endText();
                }
            }
            doc.save(f.toFile(), org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(f.toFile())) {
            for (int p : damaged) {
                org.apache.pdfbox.cos.COSObject ref = (org.apache.pdfbox.cos.COSObject) doc.getPage(p - 1).getCOSObject()
                        .getItem(org.apache.pdfbox.cos.COSName.CONTENTS);
                objects.add((int) ref.getObjectNumber());
            }
        }
        byte[] b = Files.readAllBytes(f);
        String latin1 = new String(b, StandardCharsets.ISO_8859_1);
        for (int object : objects) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)(?<![0-9])" + object + " 0 obj\\s*<<(.*?)>>\\s*stream\\r?\\n")
                    .matcher(latin1);
            if (!m.find()) throw new IOException("content stream " + object + " not found");
            int length = Integer.parseInt(m.group(1).replaceAll("(?s).*/Length (\\d+).*", "$1"));
            for (int i = m.end() + length / 3; i < m.end() + length / 3 + 20; i++) b[i] ^= 0x5a;
        }
        return Files.write(f, b);
    }

    /** A "scanned" page: an image and no text layer. */
    public static Path scannedPdf(Path dir) throws IOException {
        Path f = dir.resolve("scanned.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) for (int y = 0; y < 100; y++) img.setRGB(x, y, (x * y) % 2 == 0 ? 0xffffff : 0x202020);
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(x, 50, 500, 400, 200);
            }
            doc.save(f.toFile());
        }
        return f;
    }

    /** A DOCX of a few hundred kilobytes whose document.xml inflates to 300 MB. */
    public static Path docxZipBomb(Path dir) throws IOException {
        Path f = dir.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) zip.write(spaces);
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return f;
    }

    /** A zip inside a zip inside a zip, forty levels deep. */
    public static Path nestedZip(Path dir) throws IOException {
        byte[] inner = "Vladimir Poutine said so.".getBytes(StandardCharsets.UTF_8);
        String name = "story.txt";
        for (int level = 0; level < 40; level++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(inner);
                zip.closeEntry();
            }
            inner = bytes.toByteArray();
            name = "level" + level + ".zip";
        }
        return Files.write(dir.resolve("nested.zip"), inner);
    }

    /** A plain-text file of {@code mb} megabytes of ordinary sentences. */
    public static Path bigText(Path dir, int mb) throws IOException {
        Path f = dir.resolve("big.txt");
        byte[] line = "The talks in Geneva resumed on Monday after a long pause in the negotiations.\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            long target = (long) mb << 20;
            for (long n = 0; n < target; n += line.length) out.write(line);
        }
        return f;
    }

    /** One "sentence" of {@code mb} megabytes: words, no punctuation, no line break. */
    public static Path endlessSentence(Path dir, int mb) throws IOException {
        Path f = dir.resolve("endless.txt");
        byte[] words = "the minister said that talks would resume in geneva next week while officials ".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            long target = (long) mb << 20;
            for (long n = 0; n < target; n += words.length) out.write(words);
        }
        return f;
    }

    /** A page of {@code mb} megabytes of {@code <div>}s, each inside the last. */
    public static Path nestedDivPage(Path dir, int mb) throws IOException {
        Path f = dir.resolve("nested-divs.html");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write("<html><head><title>Nested</title></head><body>".getBytes(StandardCharsets.UTF_8));
            byte[] div = "<div>".getBytes(StandardCharsets.UTF_8);
            for (long n = 0, target = (long) mb << 20; n < target; n += div.length) out.write(div);
            out.write("Vladimir Poutine said so.</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    /** A DOCX whose document.xml declares a file entity and a URL entity and uses both. */
    public static Path docxWithEntities(Path dir, String fileUri, String url) throws IOException {
        Path f = dir.resolve("entities.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            docxParts(zip);
            entry(zip, "word/document.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY f SYSTEM \""
                    + fileUri + "\"><!ENTITY u SYSTEM \"" + url + "\">]>\n"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + "<w:p><w:r><w:t>Vladimir Poutine said so. &f; &u;</w:t></w:r></w:p></w:body></w:document>");
        }
        return f;
    }

    /** An SVG that pulls a parameter-entity DTD from a URL, which would send a file's contents out. */
    public static Path svgWithParameterEntities(Path dir, String fileUri, String dtdUrl) throws IOException {
        return Files.writeString(dir.resolve("entities.svg"), "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n"
                + "<!ENTITY % file SYSTEM \"" + fileUri + "\">\n<!ENTITY % dtd SYSTEM \"" + dtdUrl + "\">\n%dtd;]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Vladimir Poutine said so. &send;</text></svg>");
    }

    /** A small, valid DOCX that embeds a zip of a few hundred kilobytes inflating to 300 MB. */
    public static Path docxEmbeddingZipBomb(Path dir) throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream inner = new ZipOutputStream(bomb)) {
            inner.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) inner.write(zeros);
            inner.closeEntry();
        }
        Path f = dir.resolve("embedded-bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            docxParts(zip);
            entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                    + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Vladimir Poutine said so.</w:t></w:r></w:p>"
                    + "</w:body></w:document>");
            zip.putNextEntry(new ZipEntry("word/embeddings/package.zip"));
            zip.write(bomb.toByteArray());
            zip.closeEntry();
        }
        return f;
    }

    private static void docxParts(ZipOutputStream zip) throws IOException {
        entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ---- PDFs crafted for PDFBox (round five), written byte by byte so that nothing repairs them

    /** One sentence in Helvetica: the text a crafted PDF carries when it is read. */
    static final String PDF_SENTENCE = "The minister told reporters on Monday that the budget would pass.";

    private static final String HELVETICA = "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>";

    private static String textContent() {
        return "BT /F1 12 Tf 72 700 Td (" + PDF_SENTENCE + ") Tj ET\n";
    }

    private static String stream(String dict, byte[] data) {
        return "<< " + dict + " /Length " + data.length + " >>\nstream\n" + new String(data, StandardCharsets.ISO_8859_1)
                + "\nendstream";
    }

    /**
     * A PDF of the given objects (object {@code i + 1} is {@code objects[i]}), with a correct
     * cross-reference table unless {@code trailer} says otherwise.
     *
     * @param trailer extra trailer entries, with {@code %XREF%} standing for the table's own offset
     */
    static byte[] rawPdf(String trailer, String... objects) {
        StringBuilder b = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = b.length();
            b.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) b.append(String.format("%010d 00000 n \n", o));
        b.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R ")
                .append(trailer.replace("%XREF%", String.valueOf(xref))).append(" >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A one-page PDF whose cross-reference table names itself as the previous one ({@code /Prev}). */
    public static Path pdfXrefPrevLoop(Path dir) throws IOException {
        return Files.write(dir.resolve("xref-prev-loop.pdf"), rawPdf("/Prev %XREF%",
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + HELVETICA + " /Contents 4 0 R >>",
                stream("", textContent().getBytes(StandardCharsets.ISO_8859_1))));
    }

    /**
     * A PDF whose cross-reference table points nowhere useful ({@code startxref} at the wrong place, so
     * PDFBox falls back to scanning) and whose objects refer in a circle: the content's {@code /Length}
     * is an object that is a reference to itself, and the page tree's second node lists its parent as
     * its kid.
     */
    public static Path pdfReferenceLoops(Path dir) throws IOException {
        byte[] ok = rawPdf("",
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + HELVETICA + " /Contents 4 0 R >>",
                stream("", textContent().getBytes(StandardCharsets.ISO_8859_1)),
                "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 5 0 R] /Count 2 >>",
                "6 0 R");
        String s = new String(ok, StandardCharsets.ISO_8859_1).replace("/Contents 4 0 R", "/Contents 4 0 R /Annots 6 0 R");
        s = s.replaceFirst("startxref\n\\d+", "startxref\n9");
        return Files.write(dir.resolve("reference-loops.pdf"), s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A page tree whose only page is a {@code /Pages} node listing its own parent, the root, as its kid. */
    public static Path pdfPageTreeLoop(Path dir) throws IOException {
        return Files.write(dir.resolve("page-tree-loop.pdf"), rawPdf("",
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + HELVETICA + " /Contents 5 0 R >>",
                stream("", textContent().getBytes(StandardCharsets.ISO_8859_1))));
    }

    /**
     * Two pages whose content stream is a sentence then a gigabyte of spaces: compressed once (a file of
     * a megabyte) and compressed twice ({@code /Filter [/FlateDecode /FlateDecode]}, a few kilobytes).
     */
    public static java.util.List<Path> pdfFlateBombs(Path dir) throws IOException {
        java.util.zip.Deflater d = new java.util.zip.Deflater(9);
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(once, d, 1 << 16)) {
            z.write(textContent().getBytes(StandardCharsets.ISO_8859_1));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 1024; i++) z.write(spaces);
        }
        d.end();
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(twice)) {
            z.write(once.toByteArray());
        }
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (String filter : new String[] {"/FlateDecode", "[/FlateDecode /FlateDecode]"}) {
            byte[] data = filter.startsWith("[") ? twice.toByteArray() : once.toByteArray();
            out.add(Files.write(dir.resolve(filter.startsWith("[") ? "flate-bomb-twice.pdf" : "flate-bomb.pdf"), rawPdf("",
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + HELVETICA + " /Contents 4 0 R >>",
                    stream("/Filter " + filter, data))));
        }
        return out;
    }

    /** {@code pages} empty pages after one page with a sentence. */
    public static Path pdfManyPages(Path dir, int pages) throws IOException {
        String[] objects = new String[pages + 4];
        objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
        StringBuilder kids = new StringBuilder("3 0 R");
        for (int i = 0; i < pages; i++) kids.append(' ').append(i + 5).append(" 0 R");
        objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + (pages + 1) + " >>";
        objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + HELVETICA + " /Contents 4 0 R >>";
        objects[3] = stream("", textContent().getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < pages; i++) objects[i + 4] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";
        return Files.write(dir.resolve("many-pages.pdf"), rawPdf("", objects));
    }

    /**
     * A PDF that asks to run JavaScript when opened (fetching {@code url}), launches a program, links to
     * {@code url}, and carries an embedded shell script named {@code ../../evil.sh}: a reader must run,
     * fetch and write nothing.
     */
    public static Path pdfActiveContent(Path dir, String url) throws IOException {
        byte[] script = "#!/bin/sh\ntouch /tmp/calque-pwned\n".getBytes(StandardCharsets.ISO_8859_1);
        return Files.write(dir.resolve("active-content.pdf"), rawPdf("",
                "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /EmbeddedFiles << /Names [(evil.sh) 6 0 R] >>"
                        + " /JavaScript << /Names [(open) 5 0 R] >> >> /AA << /WC 8 0 R >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + HELVETICA
                        + " /Contents 4 0 R /Annots [9 0 R] >>",
                stream("", textContent().getBytes(StandardCharsets.ISO_8859_1)),
                "<< /Type /Action /S /JavaScript /JS (app.launchURL\\(\"" + url + "/js\"\\); this.exportDataObject\\({cName: \"evil.sh\", nLaunch: 2}\\);) >>",
                "<< /Type /Filespec /F (../../evil.sh) /UF (../../evil.sh) /EF << /F 7 0 R >> >>",
                stream("/Type /EmbeddedFile /Subtype /application#2Fx-sh", script),
                "<< /Type /Action /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) >> >>",
                "<< /Type /Annot /Subtype /Link /Rect [72 690 400 712] /A << /S /URI /URI (" + url + "/uri) >> >>"));
    }

    /**
     * A one-page PDF carrying {@code attached} as an embedded text file (the document's EmbeddedFiles and a
     * file-attachment annotation on the page): text that is not the page's.
     */
    public static Path pdfWithAttachedText(Path dir, String attached) throws IOException {
        byte[] text = attached.getBytes(StandardCharsets.ISO_8859_1);
        return Files.write(dir.resolve("attachment.pdf"), rawPdf("",
                "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(notes.txt) 5 0 R] >> >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + HELVETICA
                        + " /Contents 4 0 R /Annots [7 0 R] >>",
                stream("", textContent().getBytes(StandardCharsets.ISO_8859_1)),
                "<< /Type /Filespec /F (notes.txt) /UF (notes.txt) /EF << /F 6 0 R >> >>",
                stream("/Type /EmbeddedFile /Subtype /text#2Fplain", text),
                "<< /Type /Annot /Subtype /FileAttachment /Rect [72 600 90 620] /FS 5 0 R >>"));
    }

    /** The seed PDF encrypted with an owner password and an empty user password: anyone may open it. */
    public static Path pdfEmptyUserPassword(Path dir) throws IOException {
        Path src = Fixtures.pdf(Files.createDirectories(dir.resolve("gen3")));
        Path f = dir.resolve("empty-user-password.pdf");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(src.toFile())) {
            AccessPermission perms = new AccessPermission();
            perms.setCanExtractContent(false); // what a publisher sets; readers still open it
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", perms);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(f.toFile());
        }
        return f;
    }
}
