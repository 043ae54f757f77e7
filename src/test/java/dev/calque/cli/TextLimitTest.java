package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --max-text-chars cuts a feed item like any other article, and says so once, in every channel; a translation cut
 * beside its whole original is aligned with the part of the original it kept.
 */
class TextLimitTest {
    @Test
    void aLongFeedItemIsCutCheckedAndReported(@TempDir Path dir) throws Exception {
        String paragraph = "<p>The council met on Monday night and agreed to reopen the bridge, officials said.</p>";
        Path feed = Files.writeString(dir.resolve("wire.rss"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>"
                + "<item><title>Long story</title><guid>long-1</guid><description><![CDATA[" + paragraph.repeat(200)
                + "]]></description></item><item><title>Short story</title><guid>short-1</guid>"
                + "<description>Rain is expected tonight across the region.</description></item></channel></rss>", StandardCharsets.UTF_8);
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("check", "--no-stock", "--max-text-chars", "2000", "--format", "json", "-o", json.toString(),
                "--format", "junit", "-o", dir.resolve("out.xml").toString(), feed.toString());
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err().lines().filter(l -> l.contains("--max-text-chars")))
                .singleElement().asString().startsWith("calque: " + feed + "#long-1: ").contains("over the limit of 2,000");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("articles")).hasSize(2);
        JsonNode cut = report.get("articles").get(0);
        assertThat(cut.get("note").asText()).contains("size limit");
        assertThat(cut.get("words").asInt()).isLessThan(400);
        assertThat(report.get("unreadable")).singleElement()
                .satisfies(u -> assertThat(u.get("reason").asText()).contains("--max-text-chars"));
        assertThat(Files.readString(dir.resolve("out.xml"))).contains("--max-text-chars");
    }

    @Test
    void aCutTranslationIsAlignedWithThePartOfItsOriginalItKept(@TempDir Path dir) throws Exception {
        // 56 real newstest2014 segments (four articles) and their French originals, one paragraph each, 8,569 characters
        List<String> target = new ArrayList<>(), source = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("src/test/resources/eval/human-with-source.jsonl"))) {
            JsonNode row = json.readTree(line);
            target.add(row.get("text").asText());
            source.add(row.get("source").asText());
        }
        Path en = Files.writeString(dir.resolve("wire.txt"), String.join("\n\n", target) + "\n");
        Path fr = Files.writeString(dir.resolve("wire.fr.txt"), String.join("\n\n", source) + "\n");
        Set<String> whole = sourceFindings(dir, "1000000", en, fr);
        Set<String> cut = sourceFindings(dir, "3000", en, fr);
        // before: the kept 3,000 characters were spread over the whole original, 40 omissions and 16 numbers "missing"
        assertThat(cut).noneMatch(f -> f.startsWith("SOURCE_OMISSION") || f.startsWith("SOURCE_ADDITION"));
        assertThat(cut.stream().filter(f -> !whole.contains(f))).as("findings the whole text does not have").hasSizeLessThanOrEqualTo(1);
    }

    private static Set<String> sourceFindings(Path dir, String max, Path en, Path fr) throws Exception {
        Path out = dir.resolve("out-" + max + ".json");
        CliRun run = CliRun.of("check", "--no-stock", "--no-report", "--max-text-chars", max, "--format", "json", "-o", out.toString(),
                "--source", fr.toString(), en.toString());
        assertThat(run.err()).doesNotContain("Exception");
        JsonNode findings = new ObjectMapper().readTree(out.toFile()).get("articles").get(0).get("findings");
        return StreamSupport.stream(findings.spliterator(), false).filter(f -> f.get("rule").asText().startsWith("SOURCE_"))
                .map(f -> f.get("rule").asText() + "@" + f.get("start").asInt()).collect(Collectors.toSet());
    }
}
