package dev.calque.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.languagetool.server.HTTPServer;
import org.languagetool.server.HTTPServerConfig;

/**
 * LanguageTool's own server (6.8) and Calque's answer the same requests; their responses are compared field
 * by field: names, JSON types, nesting, and the statuses and bodies of errors. "Compatible" is measured here.
 */
class LanguageToolParityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Keys LanguageTool writes only in some cases (a short message, a rule URL, a sub-id, tags...). */
    static final Set<String> CONDITIONAL = Set.of("shortMessage", "urls", "subId", "sourceFile", "tags", "tempOff",
            "premiumHint", "incompleteResultsReason", "spellCheckOnly", "ignoreRanges", "hiddenMatches", "isPremium",
            "shortDescription", "suffix", "confidence", "autoCorrect");
    /** What Calque adds, which LanguageTool's clients ignore. */
    static final Set<String> EXTRA = Set.of("calque");

    static HTTPServer lt;
    static URI ltUri;
    static CalqueServer calque;
    static URI calqueUri;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HTTPServerConfig config = new HTTPServerConfig(port, false);
        config.setMaxTextLengthAnonymous(100_000);
        config.setMaxTextLengthLoggedIn(100_000);
        lt = new HTTPServer(config, false, "127.0.0.1", Set.of("127.0.0.1", "0:0:0:0:0:0:0:1"));
        lt.run();
        ltUri = URI.create("http://127.0.0.1:" + port + "/");
        calque = ServerFixture.start();
        calqueUri = calque.uri();
    }

    @AfterAll
    static void stop() {
        if (lt != null) lt.stop();
        if (calque != null) calque.stop();
    }

    private static HttpResponse<String> check(URI base, String... form) throws Exception {
        return ServerFixture.post(base.resolve("/v2/check"), "application/x-www-form-urlencoded", ServerFixture.form(form));
    }

    @Test
    void theSeedsResponsesHaveTheSameShape() throws Exception {
        String seed = ServerFixture.seed();
        HttpResponse<String> a = check(ltUri, "text", seed, "language", "en-US");
        HttpResponse<String> b = check(calqueUri, "text", seed, "language", "en-US");
        assertThat(b.statusCode()).isEqualTo(a.statusCode()).isEqualTo(200);
        assertThat(b.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode ltJson = JSON.readTree(a.body());
        JsonNode ours = JSON.readTree(b.body());
        assertThat(ltJson.get("matches").size()).as("LanguageTool's own matches on the seed").isPositive();
        assertThat(ours.get("matches").size()).isPositive();
        List<String> differences = new ArrayList<>();
        sameShape("", ltJson, ours, differences);
        assertThat(differences).isEmpty();
        // the sentences are split as LanguageTool splits them
        assertThat(ours.get("sentenceRanges")).isEqualTo(ltJson.get("sentenceRanges"));
        assertThat(ours.get("extendedSentenceRanges")).isEqualTo(ltJson.get("extendedSentenceRanges"));
        assertThat(ours.get("language").get("code")).isEqualTo(ltJson.get("language").get("code"));
        assertThat(ours.get("language").get("name")).isEqualTo(ltJson.get("language").get("name"));
    }

    @Test
    void aStockRulesMatchIsTheSameMatch() throws Exception {
        String text = "She go to school every day.\n\nThis is a important day.";
        JsonNode a = JSON.readTree(check(ltUri, "text", text, "language", "en-US").body()).get("matches");
        JsonNode b = JSON.readTree(check(calqueUri, "text", text, "language", "en-US").body()).get("matches");
        int compared = 0;
        for (JsonNode ours : b) {
            for (JsonNode theirs : a) {
                if (theirs.get("rule").get("id").equals(ours.get("rule").get("id"))
                        && theirs.get("offset").equals(ours.get("offset"))) {
                    compared++;
                    // (shortMessage: a Java rule sets it per match, and Calque's findings do not keep it: "" then)
                    if (!ours.get("shortMessage").asText().isEmpty()) {
                        assertThat(ours.get("shortMessage")).isEqualTo(theirs.get("shortMessage"));
                    }
                    for (String field : List.of("message", "offset", "length", "context", "sentence", "type", "rule",
                            "replacements", "ignoreForIncompleteSentence", "contextForSureMatch")) {
                        assertThat(ours.get(field)).as(ours.get("rule").get("id") + " " + field).isEqualTo(theirs.get(field));
                    }
                }
            }
        }
        assertThat(compared).as("stock matches found by both servers").isGreaterThanOrEqualTo(2);
    }

    @Test
    void annotatedTextOffsetsCountTheMarkupAsLanguageToolsDo() throws Exception {
        String data = "{\"annotation\":[{\"markup\":\"<p>\"},{\"text\":\"She go to school.\"},{\"markup\":\"</p>\"},"
                + "{\"markup\":\"<p>\"},{\"text\":\"This is a important day.\"},{\"markup\":\"</p>\",\"interpretAs\":\"\\n\\n\"}]}";
        JsonNode a = JSON.readTree(check(ltUri, "data", data, "language", "en-US").body());
        JsonNode b = JSON.readTree(check(calqueUri, "data", data, "language", "en-US").body());
        assertThat(a.get("matches").size()).isPositive();
        for (JsonNode theirs : a.get("matches")) {
            assertThat(b.get("matches")).anySatisfy(ours -> {
                assertThat(ours.get("rule").get("id")).isEqualTo(theirs.get("rule").get("id"));
                assertThat(ours.get("offset")).isEqualTo(theirs.get("offset"));
                assertThat(ours.get("length")).isEqualTo(theirs.get("length"));
                assertThat(ours.get("context")).isEqualTo(theirs.get("context"));
            });
        }
        assertThat(b.get("sentenceRanges")).isEqualTo(a.get("sentenceRanges"));
    }

    @Test
    void errorsHaveLanguageToolsStatusesAndWords() throws Exception {
        Map<String, String[]> cases = Map.of(
                "no text", new String[] {"language", "en-US"},
                "unknown language", new String[] {"text", "Hello.", "language", "xx-XX"},
                "no language", new String[] {"text", "Hello."},
                "text and data", new String[] {"text", "Hello.", "data", "{\"text\":\"Hello.\"}", "language", "en-US"},
                "bad data", new String[] {"data", "{not json", "language", "en-US"},
                "too long", new String[] {"text", "a".repeat(100_001), "language", "en-US"},
                "enabledOnly alone", new String[] {"text", "Hello.", "language", "en-US", "enabledOnly", "true"},
                "bad level", new String[] {"text", "Hello.", "language", "en-US", "level", "extreme"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            HttpResponse<String> a = check(ltUri, c.getValue());
            HttpResponse<String> b = check(calqueUri, c.getValue());
            assertThat(b.statusCode()).as(c.getKey()).isEqualTo(a.statusCode());
            assertThat(a.body()).as(c.getKey()).startsWith("Error: ");
            assertThat(b.body()).as(c.getKey()).startsWith("Error: ").doesNotContain("\tat ");
            if (!c.getKey().equals("bad data")) assertThat(b.body()).as(c.getKey()).isEqualTo(a.body());
        }
        HttpResponse<String> a = ServerFixture.get(ltUri.resolve("/v2/nothing"));
        HttpResponse<String> b = ServerFixture.get(calqueUri.resolve("/v2/nothing"));
        assertThat(b.statusCode()).isEqualTo(a.statusCode());
        assertThat(b.body()).isEqualTo(a.body());
    }

    @Test
    void languagesAreListedAlike() throws Exception {
        JsonNode a = JSON.readTree(ServerFixture.get(ltUri.resolve("/v2/languages")).body());
        JsonNode b = JSON.readTree(ServerFixture.get(calqueUri.resolve("/v2/languages")).body());
        assertThat(b).isEqualTo(a);
    }

    /** Every key LanguageTool writes is there with the same JSON type, recursively; only Calque's extras are added. */
    static void sameShape(String path, JsonNode lt, JsonNode ours, List<String> out) {
        if (lt.isObject()) {
            if (!ours.isObject()) {
                out.add(path + ": object expected, got " + ours.getNodeType());
                return;
            }
            for (Iterator<String> it = lt.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (ours.has(k)) sameShape(path + "." + k, lt.get(k), ours.get(k), out);
                else if (!CONDITIONAL.contains(k)) out.add(path + "." + k + ": missing");
            }
            for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!lt.has(k) && !CONDITIONAL.contains(k) && !EXTRA.contains(k)) out.add(path + "." + k + ": not in LanguageTool's");
            }
        } else if (lt.isArray()) {
            if (!ours.isArray()) {
                out.add(path + ": array expected, got " + ours.getNodeType());
                return;
            }
            if (lt.isEmpty()) return;
            for (JsonNode o : ours) sameShape(path + "[]", lt.get(0), o, out);
        } else if (lt.isIntegralNumber() != ours.isIntegralNumber() || lt.getNodeType() != ours.getNodeType()) {
            out.add(path + ": " + lt.getNodeType() + (lt.isIntegralNumber() ? " (integer)" : "") + " expected, got "
                    + ours.getNodeType() + (ours.isIntegralNumber() ? " (integer)" : ""));
        }
    }
}
