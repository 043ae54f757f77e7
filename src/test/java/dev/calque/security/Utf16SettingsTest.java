package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calque.yml}, YAML rule files and suppressions saved as "Unicode" by a Windows editor: UTF-16 with its
 * byte-order mark, which YAML 1.2 allows. Before round nine each was refused as {@code not valid UTF-8 (byte
 * 0xff; …)}; now each is read as its UTF-8 twin is, under the same limits. A UTF-16 mark put before UTF-8 bytes
 * and UTF-16 with a lone surrogate are one line naming the damage (the TBX glossary with the stray mark was read
 * as a table and refused by its columns).
 */
class Utf16SettingsTest {
    private static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    private static final Path BITEXT = Path.of("src/test/resources/bilingual/seed.fr-en.tsv");

    @TempDir
    Path dir;

    private static byte[] utf16(String text, boolean little) {
        return ("\uFEFF" + text).getBytes(little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
    }

    private static byte[] marked(byte[] utf8) {
        byte[] b = new byte[utf8.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(utf8, 0, b, 2, utf8.length);
        return b;
    }

    private Path write(String folder, String name, byte[] content) throws Exception {
        Path d = Files.createDirectories(dir.resolve(folder));
        return Files.write(d.resolve(name), content);
    }

    /** Rule, span and severity of each finding of the run's one article. */
    private static List<String> findings(Path json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json.toFile()).get("articles").get(0).get("findings")) {
            out.add(f.get("rule").asText() + "@" + f.get("start").asInt() + "-" + f.get("end").asInt() + ":"
                    + f.get("severity").asText());
        }
        return out;
    }

    private List<String> run(String name, String... args) throws Exception {
        Path json = dir.resolve(name + ".json");
        List<String> cmd = new ArrayList<>(List.of("check", "--no-stock", "--threads", "1", "-f", "json", "-o", json.toString()));
        cmd.addAll(List.of(args));
        CliRun run = CliRun.of(cmd.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isIn(Main.OK, Main.FAILED_GATE);
        assertThat(run.err()).doesNotContain("not valid", "Exception");
        return findings(json);
    }

    @Test
    @Timeout(120)
    void aConfigurationAndARuleFileSavedAsUtf16WithTheirMarkAreReadAsTheirUtf8Twins() throws Exception {
        // the example calque.yml (Style left out, FR_NAME_FORM raised to critical) without its baseline
        String config = Files.readString(Path.of("docs/examples/calque.yml")).replaceAll("(?m)^baseline:.*\\n", "");
        String suppressions = Files.readString(Path.of("docs/examples/calque-suppressions.yml"));
        Path utf8 = write("c8", "calque.yml", config.getBytes(StandardCharsets.UTF_8));
        Files.writeString(utf8.resolveSibling("calque-suppressions.yml"), suppressions);
        Path wide = write("c16", "calque.yml", utf16(config, true));
        Files.write(wide.resolveSibling("calque-suppressions.yml"), utf16(suppressions, false));
        List<String> expected = run("c8", "--config", utf8.toString(), SEED.toString());
        assertThat(expected).isNotEmpty();
        assertThat(run("c16", "--config", wide.toString(), SEED.toString())).isEqualTo(expected);

        String rules = Files.readString(Path.of("rules/fr-en/typography.yml"));
        Path rules8 = write("r8", "typography.yml", rules.getBytes(StandardCharsets.UTF_8)).getParent();
        Path rules16 = write("r16", "typography.yml", utf16(rules, false)).getParent();
        // an article of the rule file's own flagged examples
        StringBuilder flagged = new StringBuilder("Examples\n\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*- flag: '(.*)'$").matcher(rules);
        while (m.find()) flagged.append(m.group(1).replace("<marker>", "").replace("</marker>", "").replace("''", "'")).append("\n\n");
        Path article = Files.writeString(dir.resolve("examples.txt"), flagged);
        List<String> typographic = run("r8", "--no-bundled-rules", "--rules", rules8.toString(), article.toString());
        assertThat(typographic).isNotEmpty();
        assertThat(run("r16", "--no-bundled-rules", "--rules", rules16.toString(), article.toString())).isEqualTo(typographic);
    }

    @Test
    @Timeout(120)
    void aUtf16MarkBeforeUtf8BytesAndALoneSurrogateAreOneLineNamingTheDamage() throws Exception {
        byte[] rules = Files.readAllBytes(Path.of("rules/fr-en/typography.yml"));
        Path stray = write("s1", "typography.yml", marked(rules));
        CliRun run = CliRun.of("check", "--no-stock", "--no-bundled-rules", "--rules", stray.getParent().toString(), SEED.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().filter(l -> l.contains("typography.yml")).toList()).singleElement().asString()
                .contains(stray.toString(), "a UTF-16 byte-order mark before bytes that are not UTF-16")
                .doesNotContain("Exception", "java.");

        String text = Files.readString(Path.of("docs/examples/calque-suppressions.yml"));
        int at = text.indexOf("reason:");
        // a high surrogate (00 D8, little-endian) with no low one after it: Java's encoder cannot write it
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(utf16(text.substring(0, at), true));
        b.write(new byte[] {0x00, (byte) 0xD8});
        b.write(text.substring(at).getBytes(StandardCharsets.UTF_16LE));
        Path lone = write("s2", "s.yml", b.toByteArray());
        run = CliRun.of("check", "--no-stock", "--suppressions", lone.toString(), SEED.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().filter(l -> l.contains("s.yml")).toList()).singleElement().asString()
                .contains("not valid UTF-16LE").doesNotContain("Exception", "java.");

        // before: "g.tbx:1: neither a required nor a forbidden target term (columns: source, required, forbidden, note)"
        byte[] tbx = Files.readAllBytes(Path.of("src/test/resources/bilingual/glossary.fr-en.tbx"));
        Path glossary = write("s3", "g.tbx", marked(tbx));
        run = CliRun.of("check", "--no-stock", "--glossary", glossary.toString(), BITEXT.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().filter(l -> l.contains("g.tbx")).toList()).singleElement().asString()
                .contains("a UTF-16 byte-order mark before bytes that are not UTF-16").doesNotContain("columns");
    }

    @Test
    @Timeout(60)
    void aRuleFileCutInsideACharacterIsOneLineNamingTheCut() throws Exception {
        // round nine's option sweep: "java.io.CharConversionException: Unexpected EOF in the middle of a multi-byte char: got 1, needed 3 …"
        byte[] rules = Files.readAllBytes(Path.of("rules/fr-en/typography.yml"));
        int lead = 0;
        while ((rules[lead] & 0xE0) != 0xC0 && (rules[lead] & 0xF0) != 0xE0) lead++;
        Path cut = write("u1", "typography.yml", java.util.Arrays.copyOf(rules, lead + 1));
        CliRun run = CliRun.of("check", "--no-stock", "--no-bundled-rules", "--rules", cut.getParent().toString(), SEED.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().filter(l -> l.contains("typography.yml")).toList()).singleElement().asString()
                .contains("not valid UTF-8: the file ends inside a character (cut short?)").doesNotContain("Exception", "java.");
    }

    @Test
    @Timeout(100)
    void aRuleFileWithATenMegabyteValueIsRefusedAtOnce() throws Exception {
        // round nine's option sweep: a 10 MB attribute pasted into a flagged example held the run past 120 s
        // (SnakeYAML scans a long scalar in quadratic time, and three loaders read each rule file)
        String rules = Files.readString(Path.of("rules/fr-en/typography.yml"));
        int at = rules.indexOf("<marker>") + "<marker".length();
        Path big = write("big", "typography.yml", (rules.substring(0, at) + " data-x=\"" + "a".repeat(10 << 20) + "\""
                + rules.substring(at)).getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.of("check", "--no-stock", "--no-bundled-rules", "--rules", big.getParent().toString(), SEED.toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().filter(l -> l.contains("typography.yml")).toList()).singleElement().asString()
                .contains("larger than 2 M characters; not read");
    }
}
