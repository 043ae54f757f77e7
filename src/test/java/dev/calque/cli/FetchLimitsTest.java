package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.calque.ingest.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * URL fetches against loopback servers: one deadline for headers and body, a limit on decoded
 * bytes, redirects only to http(s) and never https to http, and --fetch-allow-hosts honoured on
 * every hop (the refused host sees no request).
 */
class FetchLimitsTest {
    @TempDir
    static Path dir;
    static HttpServer server;
    static final CountDownLatch release = new CountDownLatch(1);
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static String base;
    static final Map<String, String> problems = new HashMap<>();
    static JsonNode report;
    static double seconds;

    static byte[] bomb;

    @BeforeAll
    static void run() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) z.write(zeros); // 100 MB of zeros in about 100 KB
        }
        bomb = zipped.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().getPath());
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/stall" -> {
                    ex.getResponseHeaders().set("Content-Type", "text/plain");
                    ex.sendResponseHeaders(200, 0);
                    OutputStream out = ex.getResponseBody();
                    out.write("The talks ".getBytes());
                    out.flush();
                    try {
                        release.await(300, TimeUnit.SECONDS); // headers and a few bytes, then nothing for minutes
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "/bomb" -> {
                    ex.getResponseHeaders().set("Content-Type", "text/plain");
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    ex.sendResponseHeaders(200, bomb.length);
                    ex.getResponseBody().write(bomb);
                }
                case "/story" -> {
                    ByteArrayOutputStream gz = new ByteArrayOutputStream();
                    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
                        z.write(Files.readAllBytes(Fixtures.SEED));
                    }
                    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    ex.sendResponseHeaders(200, gz.size());
                    ex.getResponseBody().write(gz.toByteArray());
                }
                case "/to-file" -> redirect(ex, "file:///etc/passwd");
                case "/to-other-host" -> redirect(ex, "http://localhost:" + server.getAddress().getPort() + "/story");
                default -> ex.sendResponseHeaders(404, -1);
            }
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path out = dir.resolve("out.json");
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("check", "--no-stock", "-f", "json", "-o", out.toString(), "--fetch-timeout", "2",
                "--max-input-mb", "8", "--fetch-allow-hosts", "127.0.0.1",
                base + "/stall", base + "/bomb", base + "/story", base + "/to-file", base + "/to-other-host");
        seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("FetchLimitsTest: %.1f s for the run%n%s", seconds, run.err());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.UNREADABLE_INPUT);
        report = new ObjectMapper().readTree(out.toFile());
        for (JsonNode p : report.get("unreadable")) {
            String s = p.get("source").asText();
            problems.put(s.substring(s.lastIndexOf('/')), p.get("reason").asText());
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to) throws java.io.IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(302, -1);
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aServerThatStallsAfterItsHeadersIsCutOffAtTheFetchTimeout() {
        assertThat(problems.get("/stall")).isEqualTo("no answer within 2 s");
        // the server would hold the body for 300 s; the run (busy machine included) ends long before
        assertThat(seconds).as("seconds for the whole run").isLessThan(120);
    }

    @Test
    void aGzipBombStopsAtTheLimitOnDecodedBytes() {
        assertThat(problems.get("/bomb")).startsWith("download decodes to more than the limit of 8 MB");
    }

    @Test
    void aGzipPageIsDecodedAndChecked() {
        assertThat(report.get("articles")).hasSize(1);
        assertThat(report.get("articles").get(0).get("findings").findValuesAsText("passage")).contains("swept to AFP");
    }

    @Test
    void redirectsGoOnlyToAllowedHttpHosts() {
        assertThat(problems.get("/to-file")).contains("redirect to a file: URL refused");
        assertThat(problems.get("/to-other-host")).isEqualTo("redirect to host localhost is not in --fetch-allow-hosts");
        assertThat(requests).containsOnlyOnce("/story"); // the allowed fetch, never through the refused redirect
    }

    @Test
    void aHostNotAllowedIsNeverContacted() {
        int before = requests.size();
        CliRun run = CliRun.of("check", "--no-stock", "--fetch-allow-hosts", "example.org", base + "/story");
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err()).contains("/story: host 127.0.0.1 is not in --fetch-allow-hosts");
        assertThat(requests).hasSize(before);
    }
}
