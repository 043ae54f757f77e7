package dev.calque.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's HTTP API without a browser (and without a checker: these calls need none). */
class ReviewDeskApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    HttpServer server;
    VerdictStore store;
    Path results;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = VerdictStore.open(tmp.resolve("v.db"));
        results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(tmp.resolve("secret.json"), "{\"articles\":[]}");
        ReviewDesk desk = new ReviewDesk(store, a -> {
            throw new AssertionError("no check in these tests");
        }, "test", results);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ReviewDesk.PREFIX, desk);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static final String DISMISSAL = "{\"fingerprint\":\"fp1\",\"rule\":\"FF_ENGAGEMENT\",\"passage\":\"engagement\","
            + "\"sentence\":\"No new engagement\",\"articleId\":\"story.txt\",\"verdict\":\"dismissed\","
            + "\"reason\":\"acceptable-in-context\",\"editor\":\"Ana\"}";

    @Test
    void servesThePageAndItsAssetsFromCalqueItselfWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/review/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Calque review desk</title>").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        HttpResponse<String> js = get("/review/assets/desk.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(js.body()).doesNotContain("http://", "https://");
        assertThat(get("/review/assets/desk.css").body()).contains("mark.major");
        assertThat(get("/review/assets/../VerdictStore.class").statusCode()).isEqualTo(404);
        assertThat(get("/review").statusCode()).isEqualTo(308);
    }

    @Test
    void recordsAVerdictAndRefusesIncompleteOrCrossSiteOnes() throws Exception {
        assertThat(post("/review/api/verdicts", "application/json", DISMISSAL).statusCode()).isEqualTo(201);
        assertThat(store.current()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Verdict.Kind.DISMISSED);
            assertThat(v.reason()).isEqualTo(Verdict.Reason.ACCEPTABLE_IN_CONTEXT);
            assertThat(v.editor()).isEqualTo("Ana");
            assertThat(v.calqueVersion()).isEqualTo("test");
        });

        // a form on another site can only send text/plain or form data: refused
        assertThat(post("/review/api/verdicts", "text/plain", DISMISSAL).statusCode()).isEqualTo(415);
        HttpResponse<String> noReason = post("/review/api/verdicts", "application/json",
                DISMISSAL.replace("\"reason\":\"acceptable-in-context\",", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("error").asText()).contains("a dismissal needs a reason");
        HttpResponse<String> other = post("/review/api/verdicts", "application/json",
                DISMISSAL.replace("acceptable-in-context", "other"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("needs a note");
        assertThat(post("/review/api/verdicts", "application/json", "{not json").statusCode()).isEqualTo(400);
        assertThat(store.history()).hasSize(1);

        JsonNode tallies = JSON.readTree(get("/review/api/tallies").body());
        assertThat(tallies.get(0).get("rule").asText()).isEqualTo("FF_ENGAGEMENT");
        assertThat(tallies.get(0).get("dismissed").asInt()).isEqualTo(1);
    }

    @Test
    void opensReportsOfTheResultsFolderWithEarlierVerdictsAndNothingOutsideIt() throws Exception {
        post("/review/api/verdicts", "application/json", DISMISSAL);
        Files.writeString(results.resolve("run.json"), "{\"tool\":{\"version\":\"0.1.0\"},\"run\":{\"rulePackHash\":\"h\"},"
                + "\"articles\":[{\"id\":\"story.txt\",\"title\":\"T\",\"findings\":[{\"fingerprint\":\"fp1\",\"rule\":"
                + "\"FF_ENGAGEMENT\",\"severity\":\"major\",\"passage\":\"engagement\",\"sentence\":\"No new engagement\"},"
                + "{\"fingerprint\":\"fp2\",\"rule\":\"X\",\"severity\":\"minor\",\"passage\":\"p\"}]}]}");
        JsonNode list = JSON.readTree(get("/review/api/results").body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("run.json");

        JsonNode run = JSON.readTree(get("/review/api/results/run.json").body());
        JsonNode findings = run.at("/articles/0/findings");
        assertThat(findings.get(0).at("/verdict/verdict").asText()).isEqualTo("dismissed");
        assertThat(findings.get(0).at("/verdict/editor").asText()).isEqualTo("Ana");
        assertThat(findings.get(1).has("verdict")).isFalse();
        assertThat(run.get("rulePack").asText()).isEqualTo("h");

        assertThat(get("/review/api/results/..%2Fsecret.json").statusCode()).isEqualTo(404);
        assertThat(get("/review/api/results/.hidden.json").statusCode()).isEqualTo(404);
        HttpResponse<String> notReport = post("/review/api/report", "application/json", "{\"a\":1}");
        assertThat(notReport.statusCode()).isEqualTo(400);
        assertThat(notReport.body()).contains("not a Calque JSON report");
    }
}
