package dev.calque.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.InputProblem;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.ArticleScore;
import dev.calque.model.CheckedArticle;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import dev.calque.report.RunInfo;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureWriterTest {
    static final String TEXT = "Vladimir Poutine spoke. “It was not new”, swept to AFP an official. A bit clumsy phrase here.";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Finding finding(String passage, String rule, String category, Severity sev, String suggestion) {
        int start = TEXT.indexOf(passage);
        return new Finding(rule, rule.toLowerCase(), category, sev, "Why " + passage + " is suspect.",
                suggestion == null ? List.of() : List.of(suggestion), start, start + passage.length(), 1, start + 1, 1,
                start + passage.length() + 1, passage, "The sentence with " + passage, 0, Finding.CALQUE);
    }

    static ArticleResult result(String id, String title, boolean failed, Finding... findings) {
        Article a = new Article(id, id, "news/", title, TEXT, "text/plain", Map.of());
        Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
        for (Finding f : findings) counts.merge(f.severity(), 1, Integer::sum);
        CheckedArticle checked = new CheckedArticle(a, List.of(findings), 17);
        return new ArticleResult(checked, new ArticleScore(5, 70.6, 17, counts), failed, null, 0,
                dev.calque.model.Fingerprints.of(checked.findings()), 1_250_000_000L); // checked in 1.25 s
    }

    static RunInfo info() {
        return new RunInfo("9.9", "6.8", "en-US", "fr", "abc123", List.of(), id -> null, MqmScoring.DEFAULT,
                QualityGate.DEFAULT, Instant.parse("2026-11-29T10:00:00Z"));
    }

    /** One run of the writer over two articles and one unreadable input. */
    static void run(Path reports) throws IOException {
        try (AllureWriter w = new AllureWriter(reports)) {
            w.start(info());
            w.article(result("news/putin.txt", "Putin story", true,
                    finding("Poutine", "FR_NAME_FORM", "Accuracy/Untranslated", Severity.MAJOR, "Putin"),
                    finding("swept to AFP", "SWEPT_TO_AGENCY", "Accuracy/Mistranslation", Severity.CRITICAL, "told AFP"),
                    finding("clumsy phrase", "CLUMSY", "Style/Awkward style", Severity.MINOR, null)));
            w.article(result("news/clean.txt", "Clean story", false,
                    finding("clumsy phrase", "CLUMSY", "Style/Awkward style", Severity.MINOR, null)));
            w.unreadable(new InputProblem("news/broken.pdf", "news/", "not a PDF (damaged header)"));
            w.finish(new RunSummary(MqmScoring.DEFAULT));
        }
    }

    static List<JsonNode> results(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) out.add(JSON.readTree(f.toFile()));
        }
        return out;
    }

    static JsonNode byName(List<JsonNode> results, String name) {
        return results.stream().filter(r -> r.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    static List<String> labels(JsonNode r, String name) {
        List<String> out = new ArrayList<>();
        r.get("labels").forEach(l -> {
            if (l.get("name").asText().equals(name)) out.add(l.get("value").asText());
        });
        return out;
    }

    @Test
    void writesOneAllureResultPerArticleWithStepsLabelsAndAttachment() throws IOException {
        Path reports = tmp.resolve("reports");
        run(reports);
        Path res = reports.resolve("allure-results");
        List<JsonNode> results = results(res);
        assertThat(results).hasSize(3);

        JsonNode putin = byName(results, "Putin story");
        assertThat(putin.get("status").asText()).isEqualTo("failed");
        assertThat(putin.get("stop").asLong() - putin.get("start").asLong()).as("the check's duration").isEqualTo(1250);
        assertThat(putin.get("fullName").asText()).isEqualTo("news/putin.txt");
        assertThat(putin.get("historyId").asText()).isEqualTo(AllureWriter.stableId("news/putin.txt"));
        assertThat(labels(putin, "suite")).containsExactly("news/");
        assertThat(labels(putin, "story")).containsExactly("Accuracy", "Style");
        assertThat(labels(putin, "tag")).containsExactly("FR_NAME_FORM", "SWEPT_TO_AGENCY", "CLUMSY");
        assertThat(labels(putin, "severity")).containsExactly("critical");
        assertThat(putin.get("statusDetails").get("message").asText()).contains("[Accuracy]", "[Style]", "1 critical, 1 major, 1 minor");
        List<String> params = new ArrayList<>();
        putin.get("parameters").forEach(p -> params.add(p.get("name").asText() + "=" + p.get("value").asText()));
        assertThat(params).contains("Source language=fr", "Target language=en-US", "Words=17", "MQM score=70.6");

        JsonNode steps = putin.get("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).get("name").asText()).isEqualTo("[major] Accuracy/Untranslated · \"Poutine\" → Putin");
        assertThat(steps.get(1).get("name").asText()).isEqualTo("[critical] Accuracy/Mistranslation · \"swept to AFP\" → told AFP");
        assertThat(steps.get(2).get("name").asText()).isEqualTo("[minor] Style/Awkward style · \"clumsy phrase\"");
        assertThat(steps.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(steps.get(2).get("status").asText()).isEqualTo("broken"); // minor: below the gate
        assertThat(steps.get(1).get("statusDetails").get("message").asText()).isEqualTo("Why swept to AFP is suspect.");
        assertThat(steps.get(1).toString()).contains("The sentence with swept to AFP", "#f2");

        String attachment = Files.readString(res.resolve(putin.get("attachments").get(0).get("source").asText()));
        assertThat(attachment)
                .contains("<a id=\"f2\"></a><mark class=\"critical\"")
                .contains(">swept to AFP</mark><sup class=\"tag\"><a href=\"#note2\">2 ◆ critical</a></sup>")
                .contains("Suggestion: told AFP")
                .contains("<li id=\"note3\">");
        assertThat(attachment).contains("“It was not new”"); // the text around marks is kept whole

        JsonNode clean = byName(results, "Clean story");
        assertThat(clean.get("status").asText()).isEqualTo("passed");
        assertThat(clean.get("steps")).hasSize(1); // passed articles still list their minor findings
        assertThat(labels(clean, "severity")).containsExactly("minor");

        JsonNode broken = byName(results, "news/broken.pdf");
        assertThat(broken.get("status").asText()).isEqualTo("broken");
        assertThat(broken.get("statusDetails").get("message").asText()).isEqualTo("Unreadable: not a PDF (damaged header)");

        JsonNode categories = JSON.readTree(res.resolve("categories.json").toFile());
        List<String> names = new ArrayList<>();
        categories.forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).contains("Accuracy", "Style", "Linguistic conventions", "Unreadable input");

        Properties env = new Properties();
        env.load(new StringReader(Files.readString(res.resolve("environment.properties"))));
        assertThat(env).containsEntry("Calque", "9.9").containsEntry("LanguageTool", "6.8")
                .containsEntry("Source language", "fr").containsEntry("Target language", "en-US")
                .containsEntry("Rule packs (SHA-256)", "abc123");

        String html = Files.readString(reports.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<title>Calque report</title>");
        assertThat(html).doesNotContain("googletagmanager", "gtag(", "google-analytics");
        assertThat(html.replaceAll("(?s)<script src=\"data:[^\"]*\"></script>", ""))
                .doesNotContainPattern("<script[^>]+src=\"https?:");
        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "allure-results", "history");
        }
    }

    @Test
    void carriesHistoryAndIncreasesBuildOrderFromRunToRun() throws IOException {
        Path reports = tmp.resolve("reports");
        run(reports);
        run(reports);
        assertThat(JSON.readTree(reports.resolve("allure-results/executor.json").toFile()).get("buildOrder").asLong()).isEqualTo(2);
        JsonNode trend = JSON.readTree(reports.resolve("history/history-trend.json").toFile());
        assertThat(trend).hasSize(2);
        assertThat(trend.get(0).get("buildOrder").asLong()).isEqualTo(2);
        assertThat(trend.get(1).get("buildOrder").asLong()).isEqualTo(1);
        JsonNode history = JSON.readTree(reports.resolve("history/history.json").toFile());
        assertThat(history.get(AllureWriter.stableId("news/putin.txt")).get("items")).hasSize(2);
    }

    @Test
    void anUnfinishedRunLeavesThePreviousReportAsItWas() throws IOException {
        Path reports = tmp.resolve("reports");
        run(reports);
        byte[] before = Files.readAllBytes(reports.resolve("index.html"));
        try (AllureWriter w = new AllureWriter(reports)) {
            w.start(info());
            w.article(result("news/other.txt", "Other story", false));
            // the run dies here: no finish()
        }
        assertThat(Files.readAllBytes(reports.resolve("index.html"))).isEqualTo(before);
        assertThat(results(reports.resolve("allure-results"))).extracting(r -> r.get("name").asText()).doesNotContain("Other story");
        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "allure-results", "history");
        }
    }

    @Test
    void reportCommandMergesResultsFoldersIntoOneReport() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run(a);
        try (AllureWriter w = new AllureWriter(b)) {
            w.start(info());
            w.article(result("news/third.txt", "Third story", false));
            w.finish(new RunSummary(MqmScoring.DEFAULT));
        }
        Path merged = tmp.resolve("merged");
        int code = dev.calque.cli.Main.run("report", "--report-dir", merged.toString(),
                a.resolve("allure-results").toString(), b.resolve("allure-results").toString());
        assertThat(code).isZero();
        String html = Files.readString(merged.resolve("index.html"));
        List<String> testCases = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("d\\('data/test-cases/[0-9a-f]+\\.json'").matcher(html);
        while (m.find()) testCases.add(m.group());
        assertThat(testCases).hasSize(4);
        assertThat(merged.resolve("history/history.json")).exists();
    }

    /**
     * Records every outbound connection attempt made through java.net (sockets, HttpURLConnection,
     * HttpClient all consult the default ProxySelector) and sends it to a dead local port, so an
     * attempt both fails and is seen.
     */
    static final class RecordingProxySelector extends ProxySelector {
        final List<URI> attempts = Collections.synchronizedList(new ArrayList<>());
        final int deadPort;

        RecordingProxySelector(int deadPort) {
            this.deadPort = deadPort;
        }

        @Override
        public List<Proxy> select(URI uri) {
            attempts.add(uri);
            return List.of(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", deadPort)));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    }

    @Test
    void generatingTheReportMakesNoConnection() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        ProxySelector saved = ProxySelector.getDefault();
        RecordingProxySelector recorder = new RecordingProxySelector(deadPort);
        ProxySelector.setDefault(recorder);
        try {
            // the hook sees a connection attempt: without this the test below could not fail
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", deadPort), 1000);
            } catch (IOException expected) {
                // refused, as it should be
            }
            assertThat(recorder.attempts).hasSize(1);
            recorder.attempts.clear();

            run(tmp.resolve("reports"));
            assertThat(recorder.attempts).as("connections attempted while writing the report").isEmpty();
        } finally {
            ProxySelector.setDefault(saved);
        }
        assertThat(new AllureReport("x").configuration().getExtensions())
                .noneMatch(e -> e.getClass().getName().startsWith("io.qameta.allure.ga."));
    }
    @Test
    void aKilledRunsStagingFolderIsSweptAndALiveRunsIsKept() throws Exception {
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectories(reports.resolve(".calque-report-" + gone.pid() + "-123/allure-results"));
        Files.writeString(killed.resolve("x-result.json"), "{}");
        Path live = Files.createDirectories(reports.resolve(".calque-report-" + ProcessHandle.current().pid() + "-456"));
        Path unknown = Files.createDirectories(reports.resolve(".calque-report-789")); // no process named

        run(reports);

        assertThat(killed.getParent()).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(unknown).isDirectory();
        assertThat(reports.resolve("index.html")).isRegularFile();
    }
}
