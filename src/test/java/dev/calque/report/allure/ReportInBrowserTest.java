package dev.calque.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example run's report as an editor sees it: rendered by headless Chromium (Debian package
 * {@code chromium}) from {@code file://}, checked in the resulting DOM. Skipped, with the reason,
 * where Chromium is not installed; CI installs it.
 */
class ReportInBrowserTest {
    static final String SEED = "src/test/resources/articles/000_5323ff96fa5a9330.txt";
    static final String TITLE = "Joe Biden and Vladimir Putin stand firm but try to avoid escalation";

    @TempDir
    static Path tmp;
    static Path chromium;
    static Path reports;

    @BeforeAll
    static void runTheExample() {
        chromium = findChromium();
        if (chromium == null) return; // each test is then reported as skipped, with the reason
        reports = tmp.resolve("reports");
        int code = Main.run("check", "-q", "--report-dir", reports.toString(), SEED);
        assertThat(code).isEqualTo(Main.FAILED_GATE);
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(chromium != null,
                "headless Chromium not found (install it: apt-get install -y chromium); browser check skipped");
    }

    /** The browser: {@code -Dcalque.chromium=PATH} (or {@code none} to skip), else chromium on the PATH. */
    static Path findChromium() {
        String chosen = System.getProperty("calque.chromium");
        if (chosen != null) return chosen.equals("none") || !Files.isExecutable(Path.of(chosen)) ? null : Path.of(chosen);
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    /** Chromium's DOM after the page has run its scripts (virtual time: no real waiting). */
    static String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile-");
        Path out = tmp.resolve("dom-" + System.nanoTime() + ".html");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", "--virtual-time-budget=8000",
                page.toUri() + fragment));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish rendering " + page);
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        // the embedded report data follows the app; only the rendered part is of interest
        int data = dom.indexOf("window.reportDataReady");
        return data < 0 ? dom : dom.substring(0, data);
    }

    static String testCaseUid(String html) {
        Matcher m = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json'").matcher(html);
        assertThat(m.find()).as("a test case in the report").isTrue();
        return m.group(1);
    }

    @Test
    void suitesPageListsTheArticle() throws Exception {
        String dom = dumpDom(reports.resolve("index.html"), "#suites");
        assertThat(dom).contains("Calque report").contains(TITLE);
    }

    @Test
    void articlePageShowsFindingStepsAndTheHighlightedPassage() throws Exception {
        String html = Files.readString(reports.resolve("index.html"), StandardCharsets.UTF_8);
        String uid = testCaseUid(html);
        // A copy of the page that opens the first attachment the way an editor's click does; the
        // report itself is unchanged.
        String click = "<script>(function open(){var r=document.querySelector('.attachment-row');"
                + "if(!r){setTimeout(open,100);return;}r.click();})();</script>";
        int end = html.lastIndexOf("</body>");
        Path page = reports.resolve("opened.html");
        Files.writeString(page, html.substring(0, end) + click + html.substring(end), StandardCharsets.UTF_8);

        String dom = dumpDom(page, "#testresult/" + uid);
        assertThat(dom).contains("<span class=\"long-line\">" + TITLE + "</span>");
        // the step's name ends with the finding's confidence (the risk model's)
        assertThat(dom).containsPattern("<div class=\"step__name\">\\[major\\] Accuracy/Mistranslation · \"swept to AFP\" → told AFP"
                + " · confidence 0\\.\\d\\d</div>");
        Matcher frame = Pattern.compile("<iframe class=\"attachment__iframe[^\"]*\"[^>]* src=\"data:text/html;base64,([^\"]+)\"")
                .matcher(dom);
        assertThat(frame.find()).as("the article attachment shown in an iframe").isTrue();
        String article = new String(Base64.getDecoder().decode(frame.group(1)), StandardCharsets.UTF_8);
        assertThat(article).containsPattern("<mark class=\"major\" title=\"[^\"]*Garbled attribution[^\"]*\"[^>]*>swept to AFP</mark>");
        assertThat(article).contains("<li id=\"note");
    }
}
