package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-run over unchanged articles is served from the findings cache, with the same findings. */
class CacheTest {
    @TempDir
    Path dir;

    @Test
    void unchangedArticlesAreServedFromTheCacheUntilTextOrRulesChange() throws Exception {
        Path desk = Files.createDirectories(dir.resolve("desk"));
        Files.copy(Fixtures.SEED, desk.resolve("a.txt"));
        Files.writeString(desk.resolve("b.txt"), "Talks resume\n\nVladimir Poutine will travel to Genève on Monday.\n");
        Path cache = dir.resolve("cache");

        CliRun first = run(desk, cache, "first.json");
        assertThat(first.err()).contains("calque: 0 of 2 articles served from the cache");
        CliRun second = run(desk, cache, "second.json");
        assertThat(second.err()).contains("calque: 2 of 2 articles served from the cache");
        JsonNode a = new ObjectMapper().readTree(dir.resolve("first.json").toFile()).get("articles");
        JsonNode b = new ObjectMapper().readTree(dir.resolve("second.json").toFile()).get("articles");
        assertThat(b).isEqualTo(a);
        assertThat(second.exit()).isEqualTo(first.exit());

        Files.writeString(desk.resolve("b.txt"), "Talks resume\n\nVladimir Poutine will travel to Geneva on Monday.\n");
        assertThat(run(desk, cache, "third.json").err()).contains("calque: 1 of 2 articles served from the cache");

        Path rules = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(rules.resolve("x.yml"), "rules: []\n");
        CliRun otherRules = CliRun.of("check", "--cache", cache.toString(), "--rules", rules.toString(), "-f", "json",
                "-o", dir.resolve("fourth.json").toString(), desk.toString());
        assertThat(otherRules.err()).contains("calque: 0 of 2 articles served from the cache");
    }

    private CliRun run(Path desk, Path cache, String out) {
        return CliRun.of("check", "--cache", cache.toString(), "-f", "json", "-o", dir.resolve(out).toString(), desk.toString());
    }
}
