package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request can add symbolic links: an article and a folder of articles linking out of the checked
 * folder, and an original in the {@code --source} folder linking to a secret. None is read (before: the
 * secret's text was checked and printed as an article, or shown as the original's sentences).
 */
class LinksOutTest {
    @TempDir
    Path tmp;

    static final String SECRET = "The runner token is links-secret-8d3a and it must never be printed.";

    @Test
    void linksOutOfTheCheckedFolderAndTheSourceFolderAreReportedNotRead() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("home"));
        Path secret = Files.writeString(outside.resolve("token.txt"), SECRET + "\n");
        Path articles = Files.createDirectories(tmp.resolve("repo/articles"));
        Path sources = Files.createDirectories(tmp.resolve("repo/sources"));
        Files.copy(Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"), articles.resolve("good.txt"));
        Files.writeString(articles.resolve("story.txt"), "The minister said on Monday that the talks would resume.\n");
        Files.createSymbolicLink(articles.resolve("leak.txt"), secret);
        Files.createSymbolicLink(articles.resolve("home"), outside);
        Files.createDirectories(articles.resolve("inner"));
        Files.createSymbolicLink(articles.resolve("inner/again.txt"), articles.resolve("story.txt")); // inside: read
        Files.createSymbolicLink(sources.resolve("story.fr.txt"), secret);

        Path out = tmp.resolve("out.json");
        CliRun r = CliRun.of("check", "--format", "json", "-o", out.toString(), "--source", sources.toString(), articles.toString());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.toString() + r.out() + r.err()).doesNotContain("links-secret-8d3a");
        Map<String, String> unreadable = new HashMap<>();
        for (JsonNode p : report.get("unreadable")) unreadable.put(p.get("source").asText(), p.get("reason").asText());
        assertThat(unreadable).containsEntry(articles.resolve("leak.txt").toString(),
                "a symbolic link out of the folder; not read (a link could name any file on this machine)");
        assertThat(unreadable).containsKey(articles.resolve("home").toString());
        StringBuilder checked = new StringBuilder();
        for (JsonNode a : report.get("articles")) checked.append(a.get("source").asText()).append('\n');
        assertThat(checked.toString()).contains("good.txt").contains("story.txt").contains("again.txt");
        assertThat(r.exit()).isEqualTo(Main.UNREADABLE_INPUT);
    }
}
