package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.CliRun;
import dev.calque.ingest.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects embedded in an office document are not the article (round nine): a spreadsheet pasted into a Word
 * file, a chart's data in an ODT, a file packaged into an RTF are shown by the editor as a box to open, and their
 * cells are not the story an editor signs off. Before, Tika appended their text to the document's, and Calque
 * checked it as the article's (a PDF's attachments were already left out, round eight).
 */
public class EmbeddedObjectsTest {
    /** The embedded object's text: a calque a check would flag, and a word nothing else holds. */
    public static final String CELLS = "Quarterly zanzibarite figures: Vladimir Poutine said the engagement stands.";

    @TempDir
    Path dir;

    private String extracted(Path file) {
        CliRun run = CliRun.of("extract", file.toString());
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(run.out()).as(file.getFileName() + " still reads as the seed").contains("Biden", "Putin");
        return run.out();
    }

    @Test
    @Timeout(120)
    void aSpreadsheetEmbeddedInADocxIsNotReadAsTheArticle() throws Exception {
        Path docx = docxEmbedding(Fixtures.docx(Files.createDirectories(dir.resolve("d"))), xlsx(CELLS));
        assertThat(extracted(docx)).doesNotContain("zanzibarite");
    }

    @Test
    @Timeout(120)
    void anObjectEmbeddedInAnOdtIsNotReadAsTheArticle() throws Exception {
        Path odt = odtEmbedding(Fixtures.odt(Files.createDirectories(dir.resolve("o"))), CELLS);
        assertThat(extracted(odt)).doesNotContain("zanzibarite");
    }

    @Test
    @Timeout(120)
    void aFilePackagedInAnRtfIsNotReadAsTheArticle() throws Exception {
        Path rtf = rtfEmbedding(Fixtures.rtf(Files.createDirectories(dir.resolve("r"))), CELLS);
        assertThat(extracted(rtf)).doesNotContain("zanzibarite");
    }

    @Test
    @Timeout(120)
    void aDocxWhoseBodyIsAnHtmlChunkIsStillRead() throws Exception {
        // w:altChunk: HTML that Word renders as the body (what HTML-to-DOCX converters write): the document's own text
        Path docx = docxWithHtmlChunk(Fixtures.docx(Files.createDirectories(dir.resolve("a"))),
                "<html><body><p>The zanzibarite chunk is part of the body.</p></body></html>");
        assertThat(extracted(docx)).contains("The zanzibarite chunk is part of the body.");
    }

    // ---- the crafted files

    public static byte[] xlsx(String cell) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Figures").createRow(0).createCell(0).setCellValue(cell);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The DOCX with a spreadsheet as an embedded package part, related to the document as Word relates one. */
    public static Path docxEmbedding(Path docx, byte[] xlsx) throws Exception {
        Path out = docx.resolveSibling("embedding.docx");
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
            OPCPackage pkg = doc.getPackage();
            PackagePart part = pkg.createPart(PackagingURIHelper.createPartName("/word/embeddings/Microsoft_Excel_Worksheet.xlsx"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (OutputStream o = part.getOutputStream()) {
                o.write(xlsx);
            }
            doc.getPackagePart().addRelationship(part.getPartName(), TargetMode.INTERNAL,
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package");
            try (OutputStream o = Files.newOutputStream(out)) {
                doc.write(o);
            }
        }
        return out;
    }

    /** The DOCX with an HTML part rendered in its body ({@code <w:altChunk r:id>}), before its section properties. */
    static Path docxWithHtmlChunk(Path docx, String html) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(docx); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) parts.put(e.getName(), z.readAllBytes());
        }
        String body = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
        int at = body.contains("<w:sectPr") ? body.indexOf("<w:sectPr") : body.indexOf("</w:body>");
        body = body.substring(0, at) + "<w:altChunk xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
                + " r:id=\"rIdChunk1\"/>" + body.substring(at);
        parts.put("word/document.xml", body.getBytes(StandardCharsets.UTF_8));
        String rels = new String(parts.get("word/_rels/document.xml.rels"), StandardCharsets.UTF_8).replace("</Relationships>",
                "<Relationship Id=\"rIdChunk1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\""
                        + " Target=\"chunk1.html\"/></Relationships>");
        parts.put("word/_rels/document.xml.rels", rels.getBytes(StandardCharsets.UTF_8));
        String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8).replace("</Types>",
                "<Override PartName=\"/word/chunk1.html\" ContentType=\"text/html\"/></Types>");
        parts.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
        parts.put("word/chunk1.html", html.getBytes(StandardCharsets.UTF_8));
        Path out = docx.resolveSibling("chunk.docx");
        Files.write(out, MutationSweepHarness.zip(parts, null));
        return out;
    }

    /** The ODT with an embedded text object ({@code Object 1/content.xml}) drawn in a frame, as LibreOffice writes one. */
    public static Path odtEmbedding(Path odt, String text) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(odt); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) parts.put(e.getName(), z.readAllBytes());
        }
        String content = new String(parts.get("content.xml"), StandardCharsets.UTF_8)
                .replace("<office:document-content ", "<office:document-content xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
                        + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .replace("</office:text>", "<text:p><draw:frame draw:name=\"Object1\"><draw:object xlink:href=\"./Object 1\""
                        + " xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/></draw:frame></text:p></office:text>");
        parts.put("content.xml", content.getBytes(StandardCharsets.UTF_8));
        parts.put("Object 1/content.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:"
                + "xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:text><text:p>" + text
                + "</text:p></office:text></office:body></office:document-content>").getBytes(StandardCharsets.UTF_8));
        String manifest = new String(parts.get("META-INF/manifest.xml"), StandardCharsets.UTF_8).replace("</manifest:manifest>",
                "<manifest:file-entry manifest:full-path=\"Object 1/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                        + "<manifest:file-entry manifest:full-path=\"Object 1/content.xml\" manifest:media-type=\"text/xml\"/>"
                        + "</manifest:manifest>");
        parts.put("META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        byte[] mimetype = parts.remove("mimetype");
        Path out = odt.resolveSibling("embedding.odt");
        Files.write(out, MutationSweepHarness.zip(parts, new String(mimetype, StandardCharsets.US_ASCII)));
        return out;
    }

    /** The RTF with a text file packaged in it as an OLE 1 "Package" object ({@code \object\objemb}), as Word does. */
    public static Path rtfEmbedding(Path rtf, String text) throws Exception {
        byte[] file = text.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream pkg = new ByteArrayOutputStream();
        u16(pkg, 2);
        z(pkg, "figures.txt"); // shown name
        z(pkg, "C:\\figures.txt"); // icon source
        u16(pkg, 0); // icon index
        u16(pkg, 3); // embedded file
        u32(pkg, "C:\\figures.txt".length() + 1);
        z(pkg, "C:\\figures.txt");
        u32(pkg, file.length);
        pkg.write(file);
        ByteArrayOutputStream ole = new ByteArrayOutputStream();
        u32(ole, 0x00000501); // OLE version
        u32(ole, 2); // embedded
        u32(ole, "Package".length() + 1);
        z(ole, "Package");
        u32(ole, 0); // topic
        u32(ole, 0); // item
        u32(ole, pkg.size());
        ole.write(pkg.toByteArray());
        StringBuilder hex = new StringBuilder();
        for (byte b : ole.toByteArray()) hex.append(String.format("%02x", b & 0xff));
        String s = Files.readString(rtf, StandardCharsets.US_ASCII);
        int end = s.lastIndexOf('}');
        String object = "{\\pard {\\object\\objemb{\\*\\objclass Package}\\objw1000\\objh500{\\*\\objdata " + hex + "}}\\par}\n";
        Path out = rtf.resolveSibling("embedding.rtf");
        Files.writeString(out, s.substring(0, end) + object + "}", StandardCharsets.US_ASCII);
        return out;
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v & 0xff);
        o.write(v >>> 8 & 0xff);
    }

    private static void u32(ByteArrayOutputStream o, long v) {
        for (int i = 0; i < 4; i++) o.write((int) (v >>> (8 * i)) & 0xff);
    }

    private static void z(ByteArrayOutputStream o, String s) {
        o.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        o.write(0);
    }
}
