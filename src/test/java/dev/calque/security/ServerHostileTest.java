package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.check.Checker;
import dev.calque.pipeline.Triage;
import dev.calque.report.RunInfo;
import dev.calque.review.ReviewDesk;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.serve.CalqueServer;
import dev.calque.serve.CheckService;
import dev.calque.serve.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calque serve} on loopback with the review desk, attacked over raw sockets: a foreign Host
 * (DNS rebinding), a JSON bomb, path traversal in the desk's static paths, a body of 10 M characters.
 */
class ServerHostileTest {
    @TempDir
    static Path tmp;
    static CalqueServer server;
    static CheckService service;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Checker checker = Checker.builder().rules(Path.of("rules")).target("en-US").source("fr").build();
        MqmScoring scoring = MqmScoring.DEFAULT;
        QualityGate gate = QualityGate.DEFAULT;
        service = new CheckService(checker, null, c -> new RunInfo("test", org.languagetool.JLanguageTool.VERSION,
                c.target(), c.source(), c.rules().hash(), c.rules().infos(), c::info, scoring, gate, Instant.now()),
                scoring, gate, Triage.NONE, Duration.ofSeconds(30), 1, 4);
        server = CalqueServer.create(ServerOptions.defaults().withPort(0), service);
        server.mount(ReviewDesk.PREFIX, new ReviewDesk(dev.calque.review.VerdictStore.open(tmp.resolve("verdicts.db")),
                a -> ReviewDesk.Checked.of(service.check(a), checker.rules().hash()), "test", null));
        service.awaitWarm();
        server.start();
        port = server.address().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** One request over a raw socket; the whole answer (head and body) as text. */
    static String exchange(String request, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            if (body != null) out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                int head = text.indexOf("\r\n\r\n");
                if (head > 0) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
                    if (m.find() && got.size() >= head + 4 + Integer.parseInt(m.group(1))) break;
                }
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    static String post(String host, String path, String type, byte[] body) throws Exception {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n", body);
    }

    @Test
    void aPageOnAnotherSiteRebindingItsNameToLoopbackIsRefused() throws Exception {
        byte[] check = "{\"text\": \"The cat is on the table.\"}".getBytes(StandardCharsets.UTF_8);
        String rebound = post("evil.example:" + port, "/review/api/check", "application/json", check);
        assertThat(rebound).startsWith("HTTP/1.1 421").contains("not to host 'evil.example:" + port + "'");
        String desk = exchange("GET /review/ HTTP/1.1\r\nHost: attacker.test\r\nConnection: close\r\n\r\n", null);
        assertThat(desk).startsWith("HTTP/1.1 421");
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}) {
            assertThat(post(host, "/api/check", "application/json", check)).as(host).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aJsonBombIsOneReasonWithoutTheLibrarysSettingName() throws Exception {
        byte[] bomb = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        for (String path : new String[] {"/api/check", "/review/api/check"}) {
            String answer = post("127.0.0.1:" + port, path, "application/json", bomb);
            assertThat(answer).as(path).startsWith("HTTP/1.1 4").contains("nesting depth")
                    .doesNotContain("StreamReadConstraints").doesNotContain("Exception");
        }
    }

    @Test
    void aLoneSurrogateInARequestComesBackAsTheReplacementCharacterNotAsAnEscape() throws Exception {
        // JSON allows the escape; UTF-8 and strict readers (I-JSON) have no place for the lone surrogate it names
        byte[] check = "{\"text\": \"The cat sat on the tabel \\ud800 yesterday.\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"/api/check", "/review/api/check"}) {
            String answer = post("127.0.0.1:" + port, path, "application/json", check);
            assertThat(answer).as(path).startsWith("HTTP/1.1 200").contains("tabel");
            assertThat(answer).as(path).doesNotContainPattern("(?i)\\\\ud[89ab][0-9a-f]{2}");
        }
    }

    @Test
    void traversalOutOfTheDeskIsNotFound() throws Exception {
        for (String path : new String[] {"/review/../../../../etc/passwd", "/review/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/review/..%2f..%2f..%2f..%2fetc%2fpasswd", "/review/static/..%5c..%5c..%5cetc%5cpasswd"}) {
            String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", null);
            assertThat(answer).as(path).matches("(?s)HTTP/1.1 (400|404).*").doesNotContain("root:");
        }
    }

    @Test
    void tenMillionCharactersAreRefusedByTheirDeclaredLength() throws Exception {
        byte[] text = ("{\"text\": \"" + "a".repeat(10_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String answer = exchange("POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + text.length + "\r\nConnection: close\r\n\r\n", null);
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void anArticleOfThousandsOfFindingsIsAnsweredWithTheThousandMostSevereAndTheNoteOnEveryEndpoint() throws Exception {
        // 1,500 lines with two misspellings each: 3,000 findings; before, every endpoint listed all of them
        String text = "Teh cat sat on teh mat.\n\n".repeat(1_500);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String host = "127.0.0.1:" + port;
        byte[] body = json.writeValueAsBytes(java.util.Map.of("text", text));

        com.fasterxml.jackson.databind.JsonNode api = json.readTree(bodyOf(post(host, "/api/check", "application/json", body)));
        com.fasterxml.jackson.databind.JsonNode article = api.get("articles").get(0);
        assertThat(article.get("findings")).hasSize(dev.calque.pipeline.ListedFindings.MAX);
        assertThat(article.get("note").asText()).matches("3,[0-9]{3} findings: only the 1,000 most severe are listed .*");

        com.fasterxml.jackson.databind.JsonNode desk = json.readTree(bodyOf(post(host, "/review/api/check", "application/json", body)));
        assertThat(desk.get("articles").get(0).get("findings")).hasSize(dev.calque.pipeline.ListedFindings.MAX);
        assertThat(desk.get("articles").get(0).get("note").asText()).isEqualTo(article.get("note").asText());

        byte[] form = ("language=en-US&text=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        com.fasterxml.jackson.databind.JsonNode v2 = json.readTree(bodyOf(post(host, "/v2/check",
                "application/x-www-form-urlencoded", form)));
        assertThat(v2.get("matches")).hasSize(dev.calque.pipeline.ListedFindings.MAX);
        assertThat(v2.get("warnings").get("incompleteResults").asBoolean()).isTrue();
    }

    private static String bodyOf(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 200");
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
