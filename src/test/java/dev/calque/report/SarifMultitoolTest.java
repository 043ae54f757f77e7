package dev.calque.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.ingest.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's SARIF Multitool, the reference validator ({@code npm i -g @microsoft/sarif-multitool},
 * installed by .ci/run), accepts Calque's SARIF for the seed article and an unreadable input with
 * no error and no warning. Skipped, with the reason, where the Multitool is not installed.
 */
class SarifMultitoolTest {
    @TempDir
    Path dir;

    private static Path multitool() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "sarif-multitool");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    @Test
    void theMultitoolReportsNoErrorAndNoWarning() throws Exception {
        Path tool = multitool();
        assumeTrue(tool != null, "sarif-multitool is not on PATH (install it: npm i -g @microsoft/sarif-multitool)");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path sarif = dir.resolve("seed.sarif");
        CliRun run = CliRun.of("check", "-f", "sarif", "-o", sarif.toString(), Fixtures.SEED.toString(), empty.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        Path log = dir.resolve("validation.sarif");
        Process p = new ProcessBuilder(tool.toString(), "validate", "--output", log.toString(), sarif.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("multitool.txt").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the Multitool finished").isTrue();
        String console = Files.readString(dir.resolve("multitool.txt"));
        assertThat(log).as(console).exists();
        List<String> problems = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(log.toFile()).at("/runs/0/results")) {
            String level = r.path("level").asText("warning");
            if (level.equals("error") || level.equals("warning")) {
                problems.add(level + " " + r.path("ruleId").asText() + ": " + r.at("/message/text").asText());
            }
        }
        assertThat(problems).as(console).isEmpty();
        assertThat(console).contains("Analysis completed successfully");
    }
}
