package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs its configurations in fresh JVMs and reports their figures (no timing is asserted). */
class BenchCommandTest {
    static final String CORPUS = "src/test/resources/eval/human.jsonl";

    @Test
    void makesACorpusOfArticlesFromAnnotatedSegments(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("bench", CORPUS, "--make-corpus", dir.resolve("c").toString(), "--articles", "7");
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
        try (Stream<Path> files = Files.list(dir.resolve("c"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("article-00001.txt", "article-00002.txt", "article-00003.txt", "article-00004.txt",
                            "article-00005.txt", "article-00006.txt", "article-00007.txt");
        }
        assertThat(Files.readString(dir.resolve("c/article-00001.txt"))).startsWith("Article 1\n\n");
    }

    @Test
    void measuresLanguageToolAndCalqueInTheirOwnJvms(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("figures/bench.json");
        CliRun run = CliRun.of("bench", CORPUS, "--modes", "lt,calque", "--max-words", "300", "--jvm", "-Xmx512m",
                "-o", out.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("(a) LanguageTool, 1 thread", "(b) Calque, 1 thread",
                "b/a Calque vs LanguageTool, words per CPU-second");
        JsonNode runs = new ObjectMapper().readTree(out.toFile()).at("/settings/0/runs");
        assertThat(runs).hasSize(2);
        for (JsonNode r : runs) {
            assertThat(r.get("words").asLong()).isGreaterThan(0);
            assertThat(r.get("cpuSeconds").asDouble()).isPositive();
            assertThat(r.get("wordsPerCpuSecond").asDouble()).isPositive();
            assertThat(r.get("peakRssMb").asDouble()).isPositive();
            assertThat(r.get("peakHeapMb").asDouble()).isPositive();
        }
        assertThat(runs.get(0).get("words")).isEqualTo(runs.get(1).get("words"));
    }
}
