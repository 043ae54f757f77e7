package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Article;
import dev.calque.ingest.DocumentReader;
import dev.calque.ingest.IngestLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --format xliff}: findings written where translators work, in files the XLIFF 2 schema accepts. */
class XliffOutputTest {
    private static final Path DIR = Path.of("src/test/resources/bilingual");
    private static final String ITS = "http://www.w3.org/2005/11/its";
    private static Schema xliff2;

    @BeforeAll
    static void schema() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file"); // the imported xml.xsd beside it; no network
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        xliff2 = f.newSchema(DIR.resolve("xliff_core_2.0.xsd").toFile());
    }

    private static void assertValidXliff2(Path file) throws Exception {
        xliff2.newValidator().validate(new StreamSource(file.toFile()));
    }

    private static Document dom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    private static Article reread(Path file) throws Exception {
        return new DocumentReader(IngestLimits.DEFAULT).read(Files.readAllBytes(file), file.getFileName().toString(),
                file.toString(), file.toString(), null).get(0);
    }

    /** The text each ITS issue of an XLIFF 2 file marks: what lies between its sm and em. */
    private static List<String[]> issues(Path file) throws Exception {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        List<String[]> out = new ArrayList<>();
        Matcher sm = Pattern.compile("<sm id=\"(calque\\d+)\"[^>]*its:locQualityIssueType=\"([a-z-]+)\"[^>]*/>").matcher(xml);
        while (sm.find()) {
            int end = xml.indexOf("<em startRef=\"" + sm.group(1) + "\"/>", sm.end());
            String marked = xml.substring(sm.end(), end).replaceAll("<[^>]+>", "");
            out.add(new String[] {sm.group(2), marked});
        }
        return out;
    }

    @Test
    void an_xliff2_file_comes_back_with_its_quality_issues_and_still_valid(@TempDir Path tmp) throws Exception {
        Path in = DIR.resolve("seed.fr-en.xlf");
        Path out = tmp.resolve("checked.xlf");
        CliRun run = CliRun.of("check", "-q", "--fail-on", "never", "--glossary", DIR.resolve("glossary.fr-en.tsv").toString(),
                "-f", "xliff", "-o", out.toString(), in.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertValidXliff2(out);
        List<String[]> issues = issues(out);
        assertThat(issues).anySatisfy(i -> assertThat(i).containsExactly("untranslated", "Poutine"));
        assertThat(issues).anySatisfy(i -> assertThat(i).containsExactly("terminology", "stronghold"));
        assertThat(issues).anySatisfy(i -> assertThat(i[0]).isEqualTo("markup")); // the lost link, on its whole segment
        // the codes the file had are all there, the text unchanged
        String written = Files.readString(out);
        assertThat(written).contains("<pc dataRefEnd=\"d2\" dataRefStart=\"d1\" id=\"1\">Jen Psaki</pc>")
                .contains("its:version=\"2.0\"");
        assertThat(reread(out).text()).isEqualTo(reread(in).text());
        assertThat(Files.readAllBytes(in)).isEqualTo(Files.readAllBytes(DIR.resolve("seed.fr-en.xlf")));
    }

    @Test
    void an_xliff12_file_gets_its_attributes_and_standoff_on_the_targets(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("okapi.xlf");
        // Okapi's sample, with an English target to check: the French targets of the sample give nothing
        String english = Files.readString(DIR.resolve("okapi-RB-12-Test02.xlf"), java.nio.charset.Charset.forName("windows-1252"))
                .replace("<target xml:lang=\"fr\">Text of the footnote</target>",
                        "<target xml:lang=\"fr\">Vladimir Poutine met the press in Moscou.</target>");
        Files.writeString(in, english, java.nio.charset.Charset.forName("windows-1252"));
        Path out = tmp.resolve("checked.xlf");
        CliRun run = CliRun.of("check", "-q", "--fail-on", "never", "--no-stock", "-f", "xliff", "-o", out.toString(), in.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Document d = dom(out);
        Element unit5 = null;
        NodeList units = d.getElementsByTagNameNS("urn:oasis:names:tc:xliff:document:1.2", "trans-unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element u = (Element) units.item(i);
            if (u.getAttribute("id").equals("5")) unit5 = u;
        }
        assertThat(unit5).isNotNull();
        Element target = (Element) unit5.getElementsByTagNameNS("*", "target").item(0);
        NodeList standoff = unit5.getElementsByTagNameNS(ITS, "locQualityIssues");
        assertThat(standoff.getLength()).isEqualTo(1); // two findings: Poutine, Moscou
        Element issues = (Element) standoff.item(0);
        assertThat(target.getAttributeNS(ITS, "locQualityIssuesRef")).isEqualTo("#" + issues.getAttributeNS(XMLConstants.XML_NS_URI, "id"));
        NodeList each = issues.getElementsByTagNameNS(ITS, "locQualityIssue");
        assertThat(each.getLength()).isEqualTo(2);
        assertThat(((Element) each.item(0)).getAttribute("locQualityIssueType")).isEqualTo("untranslated");
        assertThat(((Element) each.item(0)).getAttribute("locQualityIssueComment")).contains("“Poutine”");
        assertThat(((Element) each.item(0)).getAttribute("locQualityIssueSeverity")).matches("\\d+");
        // Okapi still reads it, to the same text
        assertThat(reread(out).text()).isEqualTo(reread(in).text());
    }

    @Test
    void tmx_and_plain_text_give_a_valid_xliff21_with_exact_spans(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("built.xlf");
        CliRun run = CliRun.of("check", "-q", "--fail-on", "never", "--no-stock", "-f", "xliff", "-o", out.toString(),
                DIR.resolve("seed.fr-en.tmx").toString(), "src/test/resources/articles/000_5323ff96fa5a9330.txt");
        assertThat(run.exit()).as(run.err()).isZero();
        assertValidXliff2(out);
        Document d = dom(out);
        assertThat(d.getElementsByTagNameNS("urn:oasis:names:tc:xliff:document:2.0", "file").getLength()).isEqualTo(2);
        assertThat(d.getDocumentElement().getAttribute("srcLang")).isEqualTo("fr-FR");
        String xml = Files.readString(out);
        assertThat(xml).contains("<unit id=\"p3\">").contains("<source>Selon le Kremlin, Vladimir Poutine");
        assertThat(issues(out)).filteredOn(i -> i[1].equals("Poutine")).hasSize(2); // once per article
        assertThat(issues(out)).anySatisfy(i -> assertThat(i).containsExactly("mistranslation", "swept to AFP"));
    }

    @Test
    void the_input_is_never_the_output(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("seed.xlf");
        Files.copy(DIR.resolve("seed.fr-en.xlf"), in);
        byte[] before = Files.readAllBytes(in);
        CliRun run = CliRun.of("check", "-q", "-f", "xliff", "-o", in.toString(), in.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains(in + ": is also an input");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }
}
