package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.ingest.HostileFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF's embedded files are attachments, not its text (round eight; round five found Tika appending
 * them to the page's text): a PDF whose one page says a sentence of eleven words and which carries a text
 * file of French-English calques is checked as that sentence alone.
 */
class PdfAttachmentTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void theTextOfAFileEmbeddedInAPdfIsNotCheckedAsTheArticles() throws Exception {
        Path pdf = HostileFiles.pdfWithAttachedText(dir,
                "Vladimir Poutine said there was no new engagement, swept to AFP an official of his stronghold.");
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("check", "--threads", "1", "-f", "json", "-o", json.toString(), pdf.toString());
        assertThat(run.err()).doesNotContain("\tat ", "Exception");

        JsonNode a = new ObjectMapper().readTree(json.toFile()).get("articles").get(0);
        assertThat(a.get("words").asInt()).isEqualTo(11); // "The minister told reporters on Monday that the budget would pass."
        for (JsonNode f : a.get("findings")) {
            assertThat(f.get("sentence").asText()).doesNotContain("Poutine", "engagement", "AFP");
        }
    }
}
