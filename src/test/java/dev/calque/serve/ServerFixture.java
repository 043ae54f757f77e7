package dev.calque.serve;

import dev.calque.check.Checker;
import dev.calque.pipeline.Triage;
import dev.calque.report.RunInfo;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A Calque server on a free loopback port, with the bundled rules, for tests; one checker per test JVM. */
final class ServerFixture {
    static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    private static Checker checker;

    private ServerFixture() {
    }

    static synchronized Checker checker() {
        if (checker == null) checker = Checker.builder().rules(Path.of("rules")).target("en-US").source("fr").build();
        return checker;
    }

    static String seed() throws IOException {
        return Files.readString(SEED, StandardCharsets.UTF_8);
    }

    static CheckService service(int threads, int queue, Duration timeLimit) {
        MqmScoring scoring = MqmScoring.DEFAULT;
        QualityGate gate = QualityGate.DEFAULT;
        return new CheckService(checker(), null, c -> new RunInfo("test", org.languagetool.JLanguageTool.VERSION,
                c.target(), c.source(), c.rules().hash(), c.rules().infos(), c::info, scoring, gate, Instant.now()),
                scoring, gate, Triage.NONE, timeLimit, threads, queue);
    }

    static CalqueServer start(ServerOptions options, CheckService service) throws Exception {
        CalqueServer server = CalqueServer.create(options.withPort(0), service);
        service.awaitWarm();
        server.start();
        return server;
    }

    static CalqueServer start() throws Exception {
        return start(ServerOptions.defaults(), service(2, 8, Duration.ofSeconds(60)));
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> post(URI uri, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) b.append('&');
            b.append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
