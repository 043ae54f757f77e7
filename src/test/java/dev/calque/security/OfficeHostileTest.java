package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents read through Tika that point elsewhere: a DOCX whose relationships (hyperlink, linked image,
 * sub-document, attached template) target {@code file:} and loopback URLs with {@code TargetMode="External"}
 * and an INCLUDETEXT field; an ODT whose content.xml declares file and URL entities; EPUBs whose manifest
 * lists a file outside the book and a loopback URL, whose XHTML declares an entity, links a local file
 * (img, iframe, XInclude). Nothing is fetched or read, and every refusal is one line a user can read.
 */
class OfficeHostileTest {
    @TempDir
    static Path dir;
    static Tripwire tripwire;
    static final String SECRET = "office-secret-19be";
    static CliRun run;
    static final Map<String, String> unreadable = new HashMap<>();
    static final Map<String, JsonNode> articles = new HashMap<>();
    static final String PROSE = "The minister said on Monday that the talks would resume next week in Paris.";

    @BeforeAll
    static void checkThem() throws Exception {
        tripwire = Tripwire.answering(null).start();
        String url = tripwire.url();
        String file = Files.writeString(dir.resolve("secret.txt"), SECRET).toUri().toString();
        Path in = Files.createDirectories(dir.resolve("in"));

        Map<String, String> docx = new LinkedHashMap<>();
        docx.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType="
                + "\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        docx.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        docx.put("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId5\" Type=\"" + rel + "hyperlink\" Target=\"" + file + "\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId6\" Type=\"" + rel + "image\" Target=\"" + url + "/docx-image.png\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId7\" Type=\"" + rel + "subDocument\" Target=\"" + file + "\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rId8\" Type=\"" + rel + "attachedTemplate\" Target=\"" + url + "/template.dotm\" TargetMode=\"External\"/>"
                + "</Relationships>");
        docx.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body><w:p><w:r><w:t>" + PROSE
                + "</w:t></w:r></w:p><w:p><w:hyperlink r:id=\"rId5\"><w:r><w:t>the link</w:t></w:r></w:hyperlink></w:p><w:subDoc r:id=\"rId7\"/>"
                + "<w:p><w:fldSimple w:instr=\"INCLUDETEXT &quot;" + file + "&quot;\"><w:r><w:t>included</w:t></w:r></w:fldSimple></w:p>"
                + "</w:body></w:document>");
        zip(in.resolve("external-relationships.docx"), docx, null);

        Map<String, String> odt = new LinkedHashMap<>();
        odt.put("META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
        odt.put("content.xml", "<?xml version=\"1.0\"?><!DOCTYPE office:document-content [<!ENTITY s SYSTEM \"" + file + "\">"
                + "<!ENTITY u SYSTEM \"" + url + "/odt-entity\">]><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:text>"
                + "<text:p>" + PROSE + " &s; &u;</text:p></office:text></office:body></office:document-content>");
        zip(in.resolve("entities.odt"), odt, "application/vnd.oasis.opendocument.text");

        String container = "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                + "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>";
        String opf = "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" unique-identifier=\"id\">"
                + "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>T</dc:title></metadata><manifest>"
                + "<item id=\"c1\" href=\"c1.xhtml\" media-type=\"application/xhtml+xml\"/>%s</manifest><spine><itemref idref=\"c1\"/>%s</spine></package>";
        String xhtml = "<?xml version=\"1.0\"?>%s<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>c</title><link rel=\"stylesheet\" href=\""
                + url + "/epub.css\"/></head><body><p>" + PROSE + "</p>%s</body></html>";
        String outside = "../../../.." + dir.resolve("secret.txt");
        epub(in.resolve("manifest-outside.epub"), container, String.format(opf, "<item id=\"c2\" href=\"" + outside
                + "\" media-type=\"application/xhtml+xml\"/><item id=\"c3\" href=\"" + url + "/item.xhtml\" media-type=\"application/xhtml+xml\"/>",
                "<itemref idref=\"c2\"/><itemref idref=\"c3\"/>"), String.format(xhtml, "", ""));
        epub(in.resolve("xhtml-entity.epub"), container, String.format(opf, "", ""), String.format(xhtml,
                "<!DOCTYPE html [<!ENTITY s SYSTEM \"" + file + "\"><!ENTITY u SYSTEM \"" + url + "/xhtml-entity\">]>", "<p>&s; &u;</p>"));
        epub(in.resolve("xhtml-links.epub"), container, String.format(opf, "", ""), String.format(xhtml, "", "<img src=\"" + file
                + "\"/><iframe src=\"" + file + "\"/><object data=\"" + url + "/object\"/><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + file + "\" parse=\"text\"/>"));

        Path out = dir.resolve("out.json");
        run = CliRun.of("check", "--format", "json", "-o", out.toString(), in.toString());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        for (JsonNode p : report.get("unreadable")) unreadable.put(Path.of(p.get("source").asText()).getFileName().toString(), p.get("reason").asText());
        for (JsonNode a : report.get("articles")) articles.put(Path.of(a.get("source").asText()).getFileName().toString(), a);
    }

    private static void epub(Path p, String container, String opf, String xhtml) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("META-INF/container.xml", container);
        parts.put("OEBPS/content.opf", opf);
        parts.put("OEBPS/c1.xhtml", xhtml);
        zip(p, parts, "application/epub+zip");
    }

    /** A zip of text parts (UTF-8), with an uncompressed first {@code mimetype} entry when one is given. */
    private static void zip(Path p, Map<String, String> parts, String mimetype) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        parts.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        Files.write(p, MutationSweepHarness.zip(bytes, mimetype));
    }

    @AfterAll
    static void stop() {
        tripwire.stop();
    }

    @Test
    void nothingADocumentNamesIsFetchedOrRead() {
        assertThat(tripwire.requests()).as("requests the documents made").isEmpty();
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        for (JsonNode a : articles.values()) assertThat(a.toString()).doesNotContain(SECRET);
        assertThat(articles.size() + unreadable.size()).isEqualTo(5);
    }

    @Test
    void theDocxIsCheckedWithoutItsExternalTargets() {
        JsonNode a = articles.get("external-relationships.docx");
        assertThat(a).as(String.valueOf(unreadable)).isNotNull();
        assertThat(a.get("words").asInt()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void everyRefusalIsOneLineAUserCanRead() {
        for (Map.Entry<String, String> u : unreadable.entrySet()) {
            // before: "EpubZipException", then "TIKA-198: Illegal IOException from org.apache.tika.parser.epub.EpubParser@9e128e"
            assertThat(u.getValue()).as(u.getKey()).startsWith("cannot read this ").doesNotContain("Exception")
                    .doesNotContain("TIKA-").doesNotContainPattern("\\w\\.\\w+@\\p{XDigit}+");
        }
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines().filter(l -> l.startsWith("calque: ")).count()).isEqualTo(unreadable.size());
    }
}
