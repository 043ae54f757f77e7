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
 * and the JVM never runs out of memory. A heap too small for LanguageTool itself is one line.
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

    @Test
    void aHeapTooSmallForLanguageToolIsOneLineNotAStackTrace() throws Exception {
        // LanguageTool's start-up runs out of memory in its own thread and in the main one: one line for both
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main",
                "check", "--no-report", Fixtures.SEED.toString())
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(Main.USAGE);
        assertThat(err.lines()).as(err).hasSize(1);
        assertThat(err).startsWith("calque: out of memory: Java's heap of ").contains("CALQUE_JAVA_OPTS")
                .doesNotContain("Exception in thread").doesNotContain("\tat ");
    }
}
