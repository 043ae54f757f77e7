package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calque serve} as a user starts it, in its own JVM: same rules, calque.yml and options as {@code check}
 * (its /api/check writes what {@code check -f json} writes), and SIGTERM stops it cleanly.
 */
class ServeCommandTest {
    static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesWhatCheckWritesWithTheSameConfigurationAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("calque.yml");
        Files.writeString(config, "rules:\n  disable: [FF_ENGAGEMENT]\n");
        CliRun check = CliRun.of("check", "-q", "--config", config.toString(), "-f", "json", SEED.toString());
        JsonNode expected = JSON.readTree(check.out());
        assertThat(expected.get("articles").get(0).get("findings").size()).isPositive();

        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--threads", "1", "--config", config.toString(), "--shutdown-grace", "5")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> err = new ArrayList<>();
        try {
            BufferedReader stderr = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            URI base = null;
            Pattern serving = Pattern.compile("serving .* on (http://\\S+/);");
            for (String line; base == null && (line = stderr.readLine()) != null; ) {
                err.add(line);
                Matcher m = serving.matcher(line);
                if (m.find()) base = URI.create(m.group(1));
            }
            assertThat(base).as("the server's address on stderr: %s", err).isNotNull();
            CompletableFuture<Void> drain = CompletableFuture.runAsync(() -> stderr.lines().forEach(err::add));

            String body = JSON.writeValueAsString(Map.of("text", Files.readString(SEED, StandardCharsets.UTF_8)));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/check")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode served = JSON.readTree(r.body());
            assertThat(normalized(served)).isEqualTo(normalized(expected));
            assertThat(r.body()).doesNotContain("FF_ENGAGEMENT");

            // SIGTERM, as a service manager sends it (Process.destroy would also close our end of stderr)
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within its grace time").isTrue();
            drain.get(10, TimeUnit.SECONDS);
            assertThat(String.join("\n", err)).contains("stopping").contains("stopped");
        } finally {
            p.destroyForcibly();
        }
    }

    /** The run's time and the article's name (a path for check, the request for the server) are not the content. */
    private static JsonNode normalized(JsonNode doc) {
        ObjectNode d = doc.deepCopy();
        ((ObjectNode) d.get("run")).remove("started");
        ObjectNode summary = (ObjectNode) d.get("summary");
        summary.remove("seconds");
        summary.put("verdict", summary.get("verdict").asText().replaceFirst(" · [0-9.]+ s$", ""));
        ObjectNode a = (ObjectNode) d.get("articles").get(0);
        for (String k : List.of("source", "id", "input")) a.remove(k);
        return d;
    }
}
