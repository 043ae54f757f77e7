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

    private static Element unit12(Document d, String id) {
        NodeList units = d.getElementsByTagNameNS("urn:oasis:names:tc:xliff:document:1.2", "trans-unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element u = (Element) units.item(i);
            if (u.getAttribute("id").equals(id)) return u;
        }
        throw new AssertionError("no trans-unit " + id);
    }

    /** The x-its marks of a 1.2 target: issue type and the text each one marks. */
    private static List<String[]> marks12(Element unit) {
        List<String[]> out = new ArrayList<>();
        NodeList mrks = unit.getElementsByTagNameNS("*", "mrk");
        for (int i = 0; i < mrks.getLength(); i++) {
            Element m = (Element) mrks.item(i);
            if (m.getAttribute("mtype").equals("x-its")) {
                out.add(new String[] {m.getAttributeNS(ITS, "locQualityIssueType"), m.getTextContent(),
                        m.getAttributeNS(ITS, "locQualityIssueComment"), m.getAttributeNS(ITS, "locQualityIssueSeverity")});
            }
        }
        return out;
    }

    /** The findings of a JSON report, as rule@start-end, in order. */
    private static List<String> findings(String json) throws Exception {
        List<String> out = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("articles").forEach(a -> a.get("findings").forEach(
                f -> out.add(f.get("rule").asText() + "@" + f.get("start").asInt() + "-" + f.get("end").asInt())));
        return out;
    }

    /** The ITS quality issues Okapi's XLIFF 1.2 filter reads on inline marks of the targets: "unit type severity". */
    private static List<String> okapiIssues(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        net.sf.okapi.common.LocaleId fr = net.sf.okapi.common.LocaleId.FRENCH;
        try (net.sf.okapi.filters.xliff.XLIFFFilter filter = new net.sf.okapi.filters.xliff.XLIFFFilter()) {
            filter.open(new net.sf.okapi.common.resource.RawDocument(file.toUri(), "UTF-8", net.sf.okapi.common.LocaleId.ENGLISH, fr));
            while (filter.hasNext()) {
                net.sf.okapi.common.Event e = filter.next();
                if (!e.isTextUnit() || e.getTextUnit().getTarget(fr) == null) continue;
                for (net.sf.okapi.common.resource.Segment s : e.getTextUnit().getTarget(fr).getSegments()) {
                    for (net.sf.okapi.common.resource.Code c : s.getContent().getCodes()) {
                        if (c.getTagType() != net.sf.okapi.common.resource.TextFragment.TagType.OPENING
                                || c.getGenericAnnotations() == null) continue;
                        for (net.sf.okapi.common.annotation.GenericAnnotation a
                                : c.getGenericAnnotations().getAnnotations(net.sf.okapi.common.annotation.GenericAnnotationType.LQI)) {
                            out.add(e.getTextUnit().getId() + " " + a.getString(net.sf.okapi.common.annotation.GenericAnnotationType.LQI_TYPE)
                                    + " " + a.getDouble(net.sf.okapi.common.annotation.GenericAnnotationType.LQI_SEVERITY));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void an_xliff12_file_gets_an_its_mark_around_each_passage_and_reads_back_the_same(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("okapi.xlf");
        // Okapi's sample, with English targets to check: the French targets of the sample give nothing
        // (ASCII in unit 4: Okapi reads this windows-1252 file's non-ASCII characters as U+FFFD, and a target
        // whose text is not what Calque read is marked on the whole segment)
        String english = Files.readString(DIR.resolve("okapi-RB-12-Test02.xlf"), java.nio.charset.Charset.forName("windows-1252"))
                .replace("<target xml:lang=\"fr\">Text of the footnote</target>",
                        "<target xml:lang=\"fr\">Vladimir Poutine met the press in Moscou.</target>")
                .replace("<source xml:lang=\"en\">Text with <g id=\"1\">code</g> and <g id=\"2\">bold</g>.</source>",
                        "<source xml:lang=\"en\">\"Rien de neuf\", a balaye aupres de <g id=\"1\">l'AFP</g> un responsable a <g id=\"2\">Moscou</g>.</source>")
                .replace("<target xml:lang=\"fr\">Text with <g id=\"1\">code</g> and <g id=\"2\">bold</g>.</target>",
                        // "quite stale", not "nothing new" (same length): the file says its source is English, and SOURCE_NEGATION (in the
                        // default pack since round three) reads no negation in "Rien de neuf" as English
                        "<target xml:lang=\"fr\">\"It was quite stale\", swept to <g id=\"1\">AFP</g> an official in <g id=\"2\">Moscou</g>.</target>")
                .replace("<source xml:lang=\"en\">Text with a footnote<x id=\"1\"/> and more text</source>",
                        "<source xml:lang=\"en\">\"Rien\", a balaye<x id=\"1\"/> aupres de l'AFP un responsable.</source>")
                .replace("<target xml:lang=\"fr\">Text with a footnote<x id=\"1\"/> and more text</target>",
                        "<target xml:lang=\"fr\">\"It was trivial\", swept<x id=\"1\"/> to AFP an official.</target>");
        Files.writeString(in, english, java.nio.charset.Charset.forName("windows-1252"));
        Path out = tmp.resolve("checked.xlf");
        Path json = tmp.resolve("first.json");
        CliRun run = CliRun.of("check", "-q", "--fail-on", "never", "--no-stock", "-f", "xliff", "-o", out.toString(),
                "-f", "json", "-o", json.toString(), in.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Document d = dom(out);

        // two passages in plain text: a mark around each, the target's other text left as it was
        Element unit5 = unit12(d, "5");
        Element target5 = (Element) unit5.getElementsByTagNameNS("*", "target").item(0);
        List<String[]> marks = marks12(unit5);
        assertThat(marks).extracting(m -> m[0] + ":" + m[1]).containsExactly("untranslated:Poutine", "untranslated:Moscou");
        assertThat(marks.get(0)[2]).contains("“Poutine”");
        assertThat(marks.get(0)[3]).matches("\\d+");
        assertThat(target5.getTextContent()).isEqualTo("Vladimir Poutine met the press in Moscou.");
        assertThat(target5.hasAttributeNS(ITS, "locQualityIssueType")).isFalse();
        assertThat(unit5.getElementsByTagNameNS(ITS, "locQualityIssues").getLength()).isZero();

        // a passage inside a code is marked inside it; one that crosses a code goes on the segment, and says why
        Element unit4 = unit12(d, "4");
        Element target4 = (Element) unit4.getElementsByTagNameNS("*", "target").item(0);
        assertThat(marks12(unit4)).extracting(m -> m[0] + ":" + m[1]).containsExactly("untranslated:Moscou");
        Element mrk = (Element) target4.getElementsByTagNameNS("*", "mrk").item(0);
        assertThat(((Element) mrk.getParentNode()).getLocalName()).isEqualTo("g");
        assertThat(target4.getAttributeNS(ITS, "locQualityIssueType")).isEqualTo("mistranslation");
        assertThat(target4.getAttributeNS(ITS, "locQualityIssueComment")).contains("“swept to AFP”", "[on the whole segment: the passage crosses an inline code");
        // a passage that holds a whole code (a footnote mark) is marked with the code inside
        Element unit6 = unit12(d, "6");
        assertThat(marks12(unit6)).extracting(m -> m[0] + ":" + m[1]).containsExactly("mistranslation:swept to AFP");
        Element mrk6 = (Element) unit6.getElementsByTagNameNS("*", "mrk").item(0);
        assertThat(mrk6.getElementsByTagNameNS("*", "x").getLength()).isEqualTo(1);
        String written = Files.readString(out, java.nio.charset.Charset.forName("windows-1252"));
        assertThat(written).contains("<!-- Calque: AGENCY_NON_SPEECH_VERB on characters 22-34 of the target is marked on the whole segment: the passage crosses an inline code");
        assertThat(written).contains("swept to <g id=\"1\">AFP</g> an official in <g id=\"2\">");

        // Okapi's XLIFF 1.2 filter reads it to the same text, and checking it again finds the same things
        // (the marks are not taken for inline codes the translation added)
        assertThat(reread(out).text()).isEqualTo(reread(in).text());
        assertThat(okapiIssues(out)).containsExactly("4 untranslated 70.0", "5 untranslated 70.0", "5 untranslated 70.0",
                "6 mistranslation 70.0");
        Path again = tmp.resolve("again.json");
        CliRun second = CliRun.of("check", "-q", "--fail-on", "never", "--no-stock", "-f", "json", "-o", again.toString(), out.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(findings(Files.readString(again))).isEqualTo(findings(Files.readString(json))).isNotEmpty();
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
