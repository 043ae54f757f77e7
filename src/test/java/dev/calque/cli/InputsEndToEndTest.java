package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.calque.ingest.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds, folders, standard input and URLs (served on 127.0.0.1 by the test), through the real command. */
class InputsEndToEndTest {
    static HttpServer server;
    static String base;
    static final CountDownLatch release = new CountDownLatch(1);

    @TempDir
    Path dir;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/story.html", ex -> send(ex, 200, "text/html; charset=utf-8", Files.readAllBytes(Fixtures.SEED_HTML)));
        server.createContext("/feed", ex -> send(ex, 200, "application/rss+xml",
                Files.readAllBytes(Path.of("src/test/resources/feeds/wire.rss"))));
        server.createContext("/missing", ex -> send(ex, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/silent", ex -> {
            try {
                release.await(30, TimeUnit.SECONDS); // never answers within the client's limit
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/plain", "too late".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private JsonNode check(List<String> inputs, CliRun[] runOut, String... extra) throws IOException {
        Path out = dir.resolve("out.json");
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "-o", out.toString()));
        args.addAll(List.of(extra));
        args.addAll(inputs);
        runOut[0] = CliRun.of(args.toArray(String[]::new));
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void rssItemsAreArticlesWithTheirMetadataAndFullText() throws IOException {
        CliRun[] run = new CliRun[1];
        JsonNode r = check(List.of("src/test/resources/feeds/wire.rss", "src/test/resources/feeds/wire.atom"), run);
        JsonNode articles = r.get("articles");
        assertThat(articles).hasSize(4);
        JsonNode first = articles.get(0);
        assertThat(first.get("title").asText()).isEqualTo("Biden and Putin stand firm");
        assertThat(first.at("/metadata/link").asText()).isEqualTo("https://news.example.org/2021/12/31/biden-putin");
        assertThat(first.at("/metadata/author").asText()).isEqualTo("AFP");
        assertThat(first.at("/metadata/date").asText()).startsWith("2021-12-31T09:30");
        assertThat(first.get("id").asText()).endsWith("#wire-2021-12-31-001");
        assertThat(first.get("findings").findValuesAsText("passage")).contains("Poutine", "swept to AFP");
        // content:encoded wins over the teaser in <description>
        assertThat(first.get("findings").findValuesAsText("sentence")).noneMatch(s -> s.contains("teaser"));
        // the description is used when there is no full text; its HTML paragraphs are kept
        JsonNode second = articles.get(1);
        assertThat(second.get("findings").findValuesAsText("passage")).contains("January 10 in Geneva.");
        assertThat(articles.get(2).get("status").asText()).isEqualTo("passed");
        JsonNode atom = articles.get(3);
        assertThat(atom.get("title").asText()).isEqualTo("Putin warns of colossal mistake");
        assertThat(atom.get("findings").findValuesAsText("passage")).contains("Poutine", "Genève");
        assertThat(run[0].exit()).isEqualTo(Main.FAILED_GATE);
    }

    @Test
    void foldersAreReadRecursivelyInAStableOrder() throws IOException {
        Path folder = dir.resolve("desk");
        Files.createDirectories(folder.resolve("b/inner"));
        Files.createDirectories(folder.resolve(".hidden"));
        Files.copy(Fixtures.SEED, folder.resolve("b/inner/z.txt"));
        Files.writeString(folder.resolve("a.txt"), "Markets close higher\n\nStocks rose on Friday.\n");
        Files.writeString(folder.resolve("b/m.md"), "# Weather\n\nRain is expected in Geneva on Monday.\n");
        Files.writeString(folder.resolve(".hidden/x.txt"), "Vladimir Poutine.");
        CliRun[] run = new CliRun[1];
        JsonNode r = check(List.of(folder.toString()), run);
        assertThat(r.get("articles").findValuesAsText("source")).containsExactly(
                folder.resolve("a.txt").toString(), folder.resolve("b/inner/z.txt").toString(),
                folder.resolve("b/m.md").toString());
    }

    @Test
    void standardInputIsOneArticle() throws IOException {
        Path out = dir.resolve("stdin.json");
        CliRun run = CliRun.withStdin("Later, Vladimir Poutine said he was satisfied.\n".getBytes(StandardCharsets.UTF_8),
                "check", "--format", "json", "-o", out.toString(), "-");
        JsonNode a = new ObjectMapper().readTree(out.toFile()).get("articles").get(0);
        assertThat(a.get("source").asText()).isEqualTo("stdin");
        assertThat(a.get("findings").findValuesAsText("passage")).containsExactly("Poutine");
        assertThat(run.exit()).isEqualTo(Main.FAILED_GATE);
    }

    @Test
    void urlsOfPagesAndFeedsAreFetchedAndFailuresReportedOneLineEach() throws IOException {
        CliRun[] run = new CliRun[1];
        JsonNode r = check(List.of(base + "/story.html", base + "/feed", base + "/missing", base + "/silent"), run,
                "--fetch-timeout", "2");
        assertThat(r.get("articles")).hasSize(4);
        assertThat(r.get("articles").get(0).get("findings").findValuesAsText("passage")).contains("swept to AFP", "source site");
        assertThat(r.get("unreadable").findValuesAsText("source")).containsExactly(base + "/missing", base + "/silent");
        assertThat(run[0].err().lines().filter(l -> l.startsWith("calque: "))).containsExactly(
                "calque: " + base + "/missing: HTTP 404",
                "calque: " + base + "/silent: no answer within 2 s");
        assertThat(run[0].exit()).isEqualTo(Main.UNREADABLE_INPUT);
    }
}
