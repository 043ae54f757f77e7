package dev.calque.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Limits, refusals and misbehaving clients, over loopback with bounded loops. */
class ServerSafetyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static CalqueServer server;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        server = ServerFixture.start(ServerOptions.defaults().withLimits(5_000, 64_000, Duration.ofSeconds(2)),
                ServerFixture.service(1, 2, Duration.ofSeconds(60)));
        base = server.uri();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String json(String text) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("text", text));
    }

    @Test
    void tooLongATextIs413WithTheLimitInTheReason() throws Exception {
        HttpResponse<String> api = ServerFixture.post(base.resolve("/api/check"), "application/json", json("word ".repeat(1001)));
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(api.body()).get("error").asText()).contains("5000");
        HttpResponse<String> v2 = ServerFixture.post(base.resolve("/v2/check"), "application/x-www-form-urlencoded",
                ServerFixture.form("text", "word ".repeat(1001), "language", "en-US"));
        assertThat(v2.statusCode()).isEqualTo(413);
        assertThat(v2.body()).startsWith("Error: Your text exceeds the limit of 5000 characters");
    }

    @Test
    void anOriginalInTheRequestIsCheckedBesideTheText() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"));
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/articles/000_5323ff96fa5a9330.fr.txt"));
        String body = JSON.writeValueAsString(java.util.Map.of("text", text, "source", source));
        HttpResponse<String> r = ServerFixture.post(base.resolve("/api/check"), "application/json", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode findings = JSON.readTree(r.body()).get("articles").get(0).get("findings");
        boolean named = false;
        String furniture = null;
        for (JsonNode f : findings) {
            if (f.has("sourcePassage") && f.get("sourcePassage").asText().contains("Poutine")) named = true;
            if (f.get("passage").asText().equals("source site")) furniture = f.get("message").asText();
        }
        assertThat(named).as("a finding names the original's sentence with \"Poutine\"").isTrue();
        // the addition found against the original completes the page-furniture finding on the same words
        assertThat(furniture).contains("Nothing in the original corresponds");
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsRead() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 900000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(s.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void malformedRequestsGet400WithAReason() throws Exception {
        HttpResponse<String> notJson = ServerFixture.post(base.resolve("/api/check"), "application/json", "{\"text\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        JsonNode err = JSON.readTree(notJson.body());
        assertThat(err.get("error").asText()).startsWith("the body is not JSON");
        assertThat(notJson.body()).doesNotContain("\tat ").doesNotContain("Exception");
        HttpResponse<String> noText = ServerFixture.post(base.resolve("/api/check"), "application/json", "{\"txt\": \"a\"}");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noText.body()).get("error").asText()).isEqualTo("missing \"text\"");
        HttpResponse<String> badForm = ServerFixture.post(base.resolve("/v2/check"), "application/x-www-form-urlencoded",
                "text=%zz&language=en-US");
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(badForm.body()).startsWith("Error: ");
        HttpResponse<String> wrongMethod = ServerFixture.get(base.resolve("/api/check"));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = ServerFixture.get(base.resolve("/api/nothing"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("/api/nothing");
    }

    @Test
    void aTokenIsRequiredWhenSetAndHealthStaysOpen() throws Exception {
        try (CalqueServer guarded = ServerFixture.start(ServerOptions.defaults().withToken("t0ken"),
                ServerFixture.service(1, 2, Duration.ofSeconds(60)))) {
            URI u = guarded.uri();
            assertThat(ServerFixture.post(u.resolve("/api/check"), "application/json", json("Hello.")).statusCode()).isEqualTo(401);
            HttpResponse<String> wrong = ServerFixture.HTTP.send(HttpRequest.newBuilder(u.resolve("/api/rules"))
                    .header("Authorization", "Bearer nope").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> ok = ServerFixture.HTTP.send(HttpRequest.newBuilder(u.resolve("/api/rules"))
                    .header("Authorization", "Bearer t0ken").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ServerFixture.get(u.resolve("/health")).statusCode()).isEqualTo(200);
            assertThat(ServerFixture.post(u.resolve("/v2/check"), "application/x-www-form-urlencoded",
                    ServerFixture.form("text", "Hello.", "language", "en-US")).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void corsIsOffUnlessAnOriginIsGiven() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/rules")).header("Origin", "https://cms.example.org").GET().build();
        assertThat(ServerFixture.HTTP.send(req, HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
        try (CalqueServer open = ServerFixture.start(ServerOptions.defaults().withCors("https://cms.example.org"),
                ServerFixture.service(1, 2, Duration.ofSeconds(60)))) {
            HttpRequest allowed = HttpRequest.newBuilder(open.uri().resolve("/api/rules")).header("Origin", "https://cms.example.org").GET().build();
            assertThat(ServerFixture.HTTP.send(allowed, HttpResponse.BodyHandlers.ofString()).headers()
                    .firstValue("Access-Control-Allow-Origin")).hasValue("https://cms.example.org");
            HttpRequest other = HttpRequest.newBuilder(open.uri().resolve("/api/rules")).header("Origin", "https://evil.example").GET().build();
            assertThat(ServerFixture.HTTP.send(other, HttpResponse.BodyHandlers.ofString()).headers()
                    .firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aSlowSenderIsCutOffAndDoesNotHoldUpOthers() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.address().getPort())) {
            slow.setSoTimeout(15_000);
            OutputStream out = slow.getOutputStream();
            out.write("POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"te"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // meanwhile another client is served
            HttpResponse<String> other = ServerFixture.post(base.resolve("/api/check"), "application/json", json("Vladimir Poutine spoke."));
            assertThat(other.statusCode()).isEqualTo(200);
            long t0 = System.nanoTime();
            int r;
            try {
                r = slow.getInputStream().read(); // the server closes the stalled connection after its read timeout
            } catch (java.net.SocketException reset) {
                r = -1;
            }
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            assertThat(r).isEqualTo(-1);
            assertThat(waited).isLessThan(12);
        }
    }

    /**
     * The JDK keeps exchange attributes per context, so a deadline kept there was ended by whichever request on
     * the same path read its body last. (The JDK's own request limit, set process-wide by the first server of
     * the JVM, can hide the bug when that server's read timeout is as short as this one's; run with
     * {@code JAVA_TOOL_OPTIONS=-Dsun.net.httpserver.maxReqTime=-1} to see it alone.)
     */
    @Test
    void aRequestFinishingOnTheSamePathDoesNotEndAnotherOnesDeadline() throws Exception {
        byte[] body = "{\"text\": \"Vladimir Poutine spoke.\"}".getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ";
        try (Socket prompt = new Socket("127.0.0.1", server.address().getPort());
                Socket stalled = new Socket("127.0.0.1", server.address().getPort())) {
            prompt.setSoTimeout(60_000);
            stalled.setSoTimeout(15_000);
            // the prompt client starts its body first, the stalled one starts after it on the same path ...
            prompt.getOutputStream().write((head + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            prompt.getOutputStream().write(body, 0, 5);
            prompt.getOutputStream().flush();
            Thread.sleep(300);
            stalled.getOutputStream().write((head + "1000\r\n\r\n{\"te").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            Thread.sleep(300);
            // ... and the prompt one finishes its body while the stalled one's deadline runs
            prompt.getOutputStream().write(body, 5, body.length - 5);
            prompt.getOutputStream().flush();
            assertThat(readHead(prompt.getInputStream())).startsWith("HTTP/1.1 200");
            long t0 = System.nanoTime();
            int r;
            try {
                r = stalled.getInputStream().read();
            } catch (java.net.SocketException reset) {
                r = -1;
            }
            assertThat(r).as("the stalled connection is closed at its own deadline").isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(12);
        }
    }

    @Test
    void aClientThatHangsUpMidRequestLeavesTheServerServing() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
                s.getOutputStream().write(("POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 500\r\n\r\ntext=Vladimir+Pou").getBytes(StandardCharsets.US_ASCII));
            }
            try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
                // a whole request, then gone before the answer
                byte[] body = "text=Vladimir+Poutine+spoke.&language=en-US".getBytes(StandardCharsets.US_ASCII);
                s.getOutputStream().write(("POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().write(body);
            }
        }
        // the abandoned requests that arrived whole are still checked (the queue holds 2): the next client may be
        // asked to retry, and is served once they are done
        HttpResponse<String> after = null;
        for (int i = 0; i < 60; i++) {
            after = ServerFixture.post(base.resolve("/v2/check"), "application/x-www-form-urlencoded",
                    ServerFixture.form("text", "Vladimir Poutine spoke.", "language", "en-US"));
            if (after.statusCode() != 503) break;
            assertThat(after.headers().firstValue("Retry-After")).isPresent();
            Thread.sleep(500);
        }
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("FR_NAME_FORM");
    }

    @Test
    void aFullQueueGets503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CheckService service = server.service();
        // hold the one checking thread (once earlier tests' checks are done: the queue is first in, first out)
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<?> held = null;
        for (int i = 0; i < 60 && held == null; i++) {
            held = CompletableFuture.runAsync(() -> service.onPool(() -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }));
            Thread.sleep(50);
            if (held.isCompletedExceptionally()) { // still busy with earlier tests' checks
                held = null;
                Thread.sleep(500);
            }
        }
        assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
        // and fill the queue (size 2)
        CompletableFuture<?> queued1 = CompletableFuture.runAsync(() -> service.onPool(() -> release.await(30, TimeUnit.SECONDS)));
        CompletableFuture<?> queued2 = CompletableFuture.runAsync(() -> service.onPool(() -> release.await(30, TimeUnit.SECONDS)));
        try {
            for (int i = 0; i < 100 && service.queued() < 2; i++) Thread.sleep(20);
            assertThat(service.queued()).isEqualTo(2);
            HttpResponse<String> busy = ServerFixture.post(base.resolve("/v2/check"), "application/x-www-form-urlencoded",
                    ServerFixture.form("text", "Hello there.", "language", "en-US"));
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).isPresent();
            assertThat(busy.body()).startsWith("Error: ");
        } finally {
            release.countDown();
            CompletableFuture.allOf(held, queued1, queued2).get(30, TimeUnit.SECONDS);
        }
        assertThat(ServerFixture.post(base.resolve("/api/check"), "application/json", json("Hello there.")).statusCode()).isEqualTo(200);
    }

    @Test
    void neverFetchesAUrlTheTextNames() throws Exception {
        try (ServerSocket trap = new ServerSocket(0)) {
            trap.setSoTimeout(1500);
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/article.html";
            assertThat(ServerFixture.post(base.resolve("/api/check"), "application/json", json(url)).statusCode()).isEqualTo(200);
            assertThat(ServerFixture.post(base.resolve("/v2/check"), "application/x-www-form-urlencoded",
                    ServerFixture.form("text", url, "language", "en-US")).statusCode()).isEqualTo(200);
            boolean contacted;
            try (Socket s = trap.accept()) {
                contacted = true;
            } catch (SocketTimeoutException none) {
                contacted = false;
            }
            assertThat(contacted).isFalse();
        }
    }

    @Test
    void theRequestTextStaysOutOfTheLogUnlessAllowed() throws Exception {
        for (boolean allowed : new boolean[] {false, true}) {
            java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (CalqueServer s = ServerFixture.start(ServerOptions.defaults().withLogText(allowed),
                    ServerFixture.service(1, 2, Duration.ofSeconds(60)))) {
                s.accessLog(log::add);
                ServerFixture.post(s.uri().resolve("/v2/check"), "application/x-www-form-urlencoded",
                        ServerFixture.form("text", "Confidential Zyxwvut draft.", "language", "en-US"));
                ServerFixture.post(s.uri().resolve("/api/check"), "application/json", "{\"text\": \"Confidential Qwvzyx\"");
                ServerFixture.post(s.uri().resolve("/api/check"), "application/json", json("Confidential Vwxyzq"));
            }
            String logged = String.join("\n", log);
            assertThat(logged).contains("POST /v2/check 200").contains("POST /api/check 400").doesNotContain("Qwvzyx");
            if (allowed) assertThat(logged).contains("Zyxwvut").contains("Vwxyzq");
            else assertThat(logged).doesNotContain("Zyxwvut").doesNotContain("Vwxyzq");
        }
    }

    @Test
    void stoppingLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
        CalqueServer s = ServerFixture.start(ServerOptions.defaults().withShutdownGrace(Duration.ofSeconds(20)),
                ServerFixture.service(1, 4, Duration.ofSeconds(60)));
        URI u = s.uri();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?> hold = CompletableFuture.runAsync(() -> s.service().onPool(() -> release.await(30, TimeUnit.SECONDS)));
        for (int i = 0; i < 100 && s.service().queued() > 0; i++) Thread.sleep(10);
        CompletableFuture<HttpResponse<String>> inFlight = ServerFixture.HTTP.sendAsync(
                HttpRequest.newBuilder(u.resolve("/api/check")).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json("Vladimir Poutine spoke."))).build(),
                HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 200 && s.inFlight() == 0; i++) Thread.sleep(10);
        assertThat(s.inFlight()).isEqualTo(1);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(s::stop);
        Thread.sleep(200);
        int refused;
        try {
            refused = ServerFixture.post(u.resolve("/api/check"), "application/json", json("Hello.")).statusCode();
        } catch (java.io.IOException connectionRefused) {
            refused = -1;
        }
        assertThat(refused).isIn(503, -1);
        release.countDown();
        HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).contains("FR_NAME_FORM");
        stopping.get(30, TimeUnit.SECONDS);
        hold.get(5, TimeUnit.SECONDS);
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c, n = 0; n < 4096 && (c = in.read()) >= 0; n++) {
            b.write(c);
            if (b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) break;
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
