package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import dev.calque.ingest.HostileFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB page of nested divs and a DOCX embedding a zip bomb beside a good article, in a JVM with
 * half the launcher's heap: the bad ones are refused with their reason, the good one is reported,
 * and the JVM never runs out of memory.
 */
class MemoryLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aHostileDocumentCannotTakeTheRunDown() throws Exception {
        Path nested = HostileFiles.nestedDivPage(dir, 50);
        Path bomb = HostileFiles.docxEmbeddingZipBomb(dir);
        Path out = dir.resolve("out.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main",
                "check", "--no-report", "--no-stock", "-f", "json", "-o", out.toString(),
                nested.toString(), bomb.toString(), Fixtures.SEED.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(p.exitValue()).as(log).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(log).doesNotContain("OutOfMemoryError")
                .contains("nested-divs.html: HTML nested more than 512 levels deep")
                .contains("embedded-bomb.docx: zip bomb: ");
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("articles")).hasSize(1);
        assertThat(report.at("/articles/0/findings").findValuesAsText("passage")).contains("swept to AFP");
        assertThat(report.get("unreadable")).hasSize(2);
    }
}
