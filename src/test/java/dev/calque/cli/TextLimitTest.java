package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-text-chars cuts a feed item like any other article, and says so once, in every channel. */
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
}
