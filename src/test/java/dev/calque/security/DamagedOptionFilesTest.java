package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files given beside the articles, damaged as round eight's sweep damaged them (OptionFileSweepHarness):
 * the bundled rule files and the test glossary cut short or with a byte that is not UTF-8, calque.yml with
 * one. Each is one line naming the file with the reason in plain words, exit 2: before, the reasons were
 * {@code java.io.CharConversionException: Invalid UTF-8 start byte 0xa2 (at char #1543, byte #1059)}, SnakeYAML's
 * context line alone ({@code while scanning a quoted scalar}) and Xerces's sentences.
 */
class DamagedOptionFilesTest {
    private static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");

    @TempDir
    Path dir;

    private Path folder(String name, byte[] content, String file) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.write(d.resolve(file), content);
        return d;
    }

    private static byte[] cutInsideAQuote(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        int quote = s.indexOf("message: \"", s.length() / 2);
        return s.substring(0, quote + 14).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withByte(byte[] b, int at, int value) {
        byte[] c = Arrays.copyOf(b, b.length + 1);
        System.arraycopy(b, at, c, at + 1, b.length - at);
        c[at] = (byte) value;
        return c;
    }

    private static java.util.List<String> ruleSpans(Path json) throws java.io.IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var f : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("articles").get(0).get("findings")) {
            out.add(f.get("rule").asText() + "@" + f.get("start").asInt() + "-" + f.get("end").asInt());
        }
        return out;
    }

    private static void assertOneLine(CliRun run, Path file, String reason) {
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().filter(l -> l.contains(file.getFileName().toString())).toList()).hasSize(1);
        assertThat(run.err()).contains(file.toString()).contains(reason)
                .doesNotContain("Exception", "java.", "while scanning", "XML document structures", "\tat ");
    }

    @Test
    @Timeout(120)
    void damagedRuleFilesAreOneLineInPlainWords() throws Exception {
        byte[] yml = Files.readAllBytes(Path.of("rules/fr-en/typography.yml"));
        byte[] xml = Files.readAllBytes(Path.of("rules/fr-en/calques.xml"));
        Path notUtf8 = folder("a", withByte(yml, yml.length / 3, 0xA2), "typography.yml");
        assertOneLine(CliRun.of("check", "--no-bundled-rules", "--rules", notUtf8.toString(), SEED.toString()),
                notUtf8.resolve("typography.yml"), "not valid UTF-8 (byte 0xa2");
        Path cut = folder("b", cutInsideAQuote(yml), "typography.yml");
        assertOneLine(CliRun.of("check", "--no-bundled-rules", "--rules", cut.toString(), SEED.toString()),
                cut.resolve("typography.yml"), "the file ends inside a quoted text (cut short?)");
        Path cutXml = folder("c", Arrays.copyOf(xml, xml.length / 2), "calques.xml");
        assertOneLine(CliRun.of("check", "--no-bundled-rules", "--rules", cutXml.toString(), SEED.toString()),
                cutXml.resolve("calques.xml"), "not well-formed XML: the file ends before its elements are closed (cut short?)");
        byte[] bom = new byte[xml.length + 2];
        bom[0] = (byte) 0xFF;
        bom[1] = (byte) 0xFE;
        System.arraycopy(xml, 0, bom, 2, xml.length);
        Path utf16Bom = folder("d", bom, "calques.xml");
        assertOneLine(CliRun.of("check", "--no-bundled-rules", "--rules", utf16Bom.toString(), SEED.toString()),
                utf16Bom.resolve("calques.xml"), "not well-formed XML: ");
    }

    @Test
    @Timeout(120)
    void aTbxGlossaryCutShortIsOneLineAndOneSavedAsUtf16IsRead() throws Exception {
        Path bitext = Path.of("src/test/resources/bilingual/seed.fr-en.tsv");
        byte[] tbx = Files.readAllBytes(Path.of("src/test/resources/bilingual/glossary.fr-en.tbx"));
        Path cut = folder("t1", Arrays.copyOf(tbx, tbx.length / 2), "g.tbx").resolve("g.tbx");
        assertOneLine(CliRun.of("check", "--no-stock", "--glossary", cut.toString(), bitext.toString()), cut,
                "not a readable TBX file: the file ends before its elements are closed (cut short?)");
        // before: read as a table, "g.tbx:1: neither a required nor a forbidden target term", exit 2
        String xml = new String(tbx, StandardCharsets.UTF_8).replaceFirst("encoding=\"[^\"]*\"", "encoding=\"UTF-16\"");
        byte[] utf16 = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE);
        Path wide = folder("t2", utf16, "g.tbx").resolve("g.tbx");
        Path json = dir.resolve("g.json");
        CliRun run = CliRun.of("check", "--no-stock", "--glossary", wide.toString(), "-f", "json", "-o", json.toString(), bitext.toString());
        assertThat(run.exit()).as(run.err()).isIn(Main.OK, Main.FAILED_GATE);
        assertThat(run.err()).doesNotContain("g.tbx");
        CliRun plain = CliRun.of("check", "--no-stock", "--glossary", Path.of("src/test/resources/bilingual/glossary.fr-en.tbx").toString(),
                "-f", "json", "-o", dir.resolve("g8.json").toString(), bitext.toString());
        // the same findings as from the UTF-8 file
        assertThat(ruleSpans(json)).hasSizeGreaterThan(3).isEqualTo(ruleSpans(dir.resolve("g8.json")));
    }

    @Test
    @Timeout(120)
    void damagedSuppressionsAreOneLineInPlainWords() throws Exception {
        byte[] yml = Files.readAllBytes(Path.of("docs/examples/calque-suppressions.yml"));
        // before: "java.io.CharConversionException: Invalid UTF-8 middle byte 0x65 (at char #304, byte #-1)"
        Path bad = folder("s1", withByte(yml, yml.length / 2, 0xA6), "s.yml").resolve("s.yml");
        assertOneLine(CliRun.of("check", "--suppressions", bad.toString(), SEED.toString()), bad, "not valid UTF-8 (byte 0xa6");
        // before: "No content to map due to end-of-input"
        Path empty = folder("s2", "# nothing yet\n".getBytes(StandardCharsets.UTF_8), "s.yml").resolve("s.yml");
        assertOneLine(CliRun.of("check", "--suppressions", empty.toString(), SEED.toString()), empty, "the file is empty");
        // round nine's option sweep: "while parsing a block mapping: expected <block end>, but found '<scalar>'"
        Path goesOn = folder("s3", "suppressions:\n  - rule: FF_ENGAGEMENT\n    reason: \"quoted\" then more\n"
                .getBytes(StandardCharsets.UTF_8), "s.yml").resolve("s.yml");
        assertOneLine(CliRun.of("check", "--suppressions", goesOn.toString(), SEED.toString()), goesOn,
                "a value that goes on where a new 'key: value' line was expected");
    }

    @Test
    @Timeout(120)
    void aDamagedConfigurationIsOneLineInPlainWords() throws Exception {
        byte[] yml = Files.readAllBytes(Path.of("docs/examples/calque.yml"));
        Path d = folder("cfg", withByte(yml, yml.length / 2, 0xFF), "calque.yml");
        Files.copy(Path.of("docs/examples/calque-suppressions.yml"), d.resolve("calque-suppressions.yml"));
        assertOneLine(CliRun.of("check", "--config", d.resolve("calque.yml").toString(), SEED.toString()),
                d.resolve("calque.yml"), "not valid UTF-8 (byte 0xff");
    }
}
