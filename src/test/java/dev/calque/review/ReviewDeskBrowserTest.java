package dev.calque.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.Main;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The desk as an editor uses it: headless Chromium (Debian's {@code chromium}) driven through
 * Debian's {@code chromium-driver}, keyboard only once the article is loaded. Skipped, with the
 * reason, where either is missing; CI installs both.
 */
class ReviewDeskBrowserTest {
    static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    /** The French original of the seed article (from the project's seeds). */
    static final Path ORIGINAL = Path.of("src/test/resources/review/000_5323ff96fa5a9330.fr.txt");

    @TempDir
    static Path tmp;
    static Process server;
    static WebDriver browser;
    static Path db;
    static String base;
    static String missing;
    /** The desk runs as a newsroom would expose it: behind a token, which the editor types once into the sign-in form. */
    static final String TOKEN = "desk-t0ken";

    @org.junit.jupiter.api.BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    /** Browser and driver: {@code -Dcalque.chromium} / {@code -Dcalque.chromedriver}, else on the PATH. */
    static Path find(String property, String... names) {
        String chosen = System.getProperty(property);
        if (chosen != null) return chosen.equals("none") || !Files.isExecutable(Path.of(chosen)) ? null : Path.of(chosen);
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    @BeforeAll
    static void startDeskAndBrowser() throws Exception {
        Path chromium = find("calque.chromium", "chromium", "chromium-browser", "google-chrome");
        Path driver = find("calque.chromedriver", "chromedriver", "chromium-driver");
        if (chromium == null || driver == null) {
            missing = (chromium == null ? "headless Chromium" : "chromium-driver") + " not found (install them: apt-get "
                    + "install -y chromium chromium-driver); the review desk's browser test is skipped";
            return; // each test is then reported as skipped, with the reason
        }

        // calque serve in its own JVM, in a fresh working folder: the desk's database goes to its .calque/
        Path work = Files.createDirectories(tmp.resolve("newsroom"));
        db = work.resolve(".calque/verdicts.db");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        // a run's JSON in the results folder the desk offers (three feed items, one without findings)
        Path runs = Files.createDirectories(work.resolve("runs"));
        assertThat(Main.run("check", "-q", "--no-report", "-f", "json", "-o", runs.resolve("wire.json").toString(),
                "src/test/resources/feeds/wire.rss")).isEqualTo(Main.FAILED_GATE);
        // and an older one whose article has more findings than a report lists (two misspellings a line)
        Path misspelt = Files.writeString(work.resolve("misspelt.txt"), "Teh cat sat on teh mat.\n\n".repeat(600));
        assertThat(Main.run("check", "-q", "--no-report", "-f", "json", "-o", runs.resolve("capped.json").toString(),
                misspelt.toString())).isLessThanOrEqualTo(Main.FAILED_GATE); // checked, whatever the gate says
        Files.setLastModifiedTime(runs.resolve("capped.json"), java.nio.file.attribute.FileTime.fromMillis(0));
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(jvm, "-Xmx1g", "-Dcalque.home=" + Path.of("").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", String.valueOf(port),
                "--threads", "1", "--results", "runs", "--token", TOKEN).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("serve.log").toFile()).start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) break;
            } catch (java.io.IOException notYet) {
                // still warming
            }
            if (!server.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("calque serve did not start: " + Files.readString(tmp.resolve("serve.log")));
            }
            Thread.sleep(250);
        }

        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        signIn();
    }

    /** Opening the desk without a session lands on the sign-in form; the token typed there opens the desk. */
    static void signIn() throws InterruptedException {
        browser.get(base + "/review/");
        assertThat(browser.getCurrentUrl()).startsWith(base + "/login?next=");
        browser.findElement(org.openqa.selenium.By.id("token")).sendKeys(TOKEN, org.openqa.selenium.Keys.ENTER);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!browser.getCurrentUrl().equals(base + "/review/") && System.nanoTime() < end) Thread.sleep(100);
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/review/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) {
            server.destroy(); // SIGTERM: the server finishes what is in flight and stops
            try {
                server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.destroyForcibly();
        }
    }

    WebElement active() {
        return browser.switchTo().activeElement();
    }

    void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Moves with j/k until the focused finding's passage and sentence are the ones wanted. */
    WebElement goTo(String passage, String sentenceStart) {
        List<WebElement> items = browser.findElements(By.cssSelector("#findings > li"));
        int target = -1;
        for (int i = 0; i < items.size(); i++) {
            WebElement ctx = items.get(i).findElement(By.cssSelector(".ctx"));
            if (ctx.findElement(By.tagName("mark")).getText().equals(passage) && ctx.getText().startsWith(sentenceStart)) target = i;
        }
        assertThat(target).as("finding on “%s” listed", passage).isNotNegative();
        for (int step = 0; step < 2 * items.size(); step++) {
            int at = Integer.parseInt(active().getAttribute("data-i"));
            if (at == target) return active();
            press(at < target ? "j" : "k");
        }
        throw new AssertionError("j/k never reached the finding on " + passage);
    }

    /** Polls a condition on the page (the server checks the article: the first check warms LanguageTool). */
    final class Waiter {
        final Duration limit;

        Waiter(Duration limit) {
            this.limit = limit;
        }

        void until(java.util.function.Predicate<WebDriver> condition) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            RuntimeException last = null;
            while (System.nanoTime() < end) {
                try {
                    if (condition.test(browser)) return;
                } catch (RuntimeException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
            StringBuilder states = new StringBuilder();
            for (WebElement st : browser.findElements(By.cssSelector("#findings .state"))) states.append(" | ").append(st.getText());
            throw new AssertionError("timed out waiting on the page: " + browser.findElement(By.id("live")).getText()
                    + "; findings:" + states, last);
        }
    }

    @Test
    void aRunOfTheResultsFolderIsReviewedArticleByArticle() throws Exception {
        Waiter wait = new Waiter(Duration.ofSeconds(60));
        browser.get(base + "/review/");
        WebElement editor = browser.findElement(By.id("editor"));
        editor.clear();
        editor.sendKeys("Sam Sub");
        WebElement runs = browser.findElement(By.id("results"));
        wait.until(d -> runs.isDisplayed());
        runs.sendKeys(Keys.DOWN); // the newest run
        wait.until(d -> d.findElement(By.id("review")).isDisplayed());
        assertThat(browser.findElement(By.id("article-nav")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("article-title")).getText()).isEqualTo("Biden and Putin stand firm");
        // the report has no article text: the findings stand in their sentences
        assertThat(browser.findElement(By.cssSelector("#article-text .no-text")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#findings > li"))).hasSize(3);
        assertThat(browser.findElement(By.id("article-note")).isDisplayed()).isFalse(); // every finding is listed

        // e: edit the suggestion of the name form's finding (which one comes first is the risk model's call); Enter saves
        WebElement first = goTo("Poutine", "According to the Kremlin");
        press("e");
        assertThat(active().getAttribute("value")).isNotEmpty(); // Calque's suggestion, ready to change
        press("Vladimir Putin", Keys.ENTER); // the suggestion is selected: typing replaces it
        wait.until(d -> first.findElement(By.cssSelector(".state")).getText().equals("✎ Edited by Sam Sub: “Vladimir Putin”"));
        // d then 4 (other) with no note: refused until the editor says why
        press("d", "4", Keys.ENTER);
        assertThat(browser.findElement(By.id("dismiss-dialog")).getAttribute("open")).isNotNull();
        assertThat(active().getAttribute("id")).isEqualTo("dismiss-note");
        assertThat(browser.findElement(By.id("dismiss-error")).getText()).contains("needs one");
        press(Keys.ESCAPE);
        wait.until(d -> d.findElement(By.id("dismiss-dialog")).getAttribute("open") == null);

        active().sendKeys("]");
        wait.until(d -> d.findElement(By.id("article-title")).getText().equals("Talks set for January"));
        assertThat(browser.findElements(By.cssSelector("#findings > li"))).hasSize(1);
        press("c");
        wait.until(d -> d.findElement(By.cssSelector("#findings > li .state")).getText().startsWith("✓ Confirmed by Sam Sub"));
        List<Verdict> mine = VerdictStore.open(db).current().stream().filter(v -> v.editor().equals("Sam Sub")).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).kind()).isEqualTo(Verdict.Kind.EDITED);
        assertThat(mine.get(0).rule()).isEqualTo("FR_NAME_FORM");
        assertThat(mine.get(0).editedSuggestion()).isEqualTo("Vladimir Putin");
        assertThat(mine.get(1)).satisfies(v -> {
            assertThat(v.rule()).isEqualTo("VERBLESS_FRAGMENT");
            assertThat(v.articleSource()).endsWith("wire.rss#https://news.example.org/2021/12/31/talks");
            assertThat(v.rulePack()).isNotBlank();
        });
        wait.until(d -> d.findElement(By.id("live")).getText().contains("Every finding of this article is decided"));
    }

    @Test
    void anArticleWhoseFindingsWereCappedSaysSoAboveThem() throws Exception {
        Waiter wait = new Waiter(Duration.ofSeconds(60));
        browser.get(base + "/review/");
        WebElement runs = browser.findElement(By.id("results"));
        wait.until(d -> runs.isDisplayed());
        runs.sendKeys(Keys.DOWN, Keys.DOWN); // the older run
        wait.until(d -> d.findElement(By.id("review")).isDisplayed()
                && d.findElement(By.id("article-title")).getText().equals("misspelt.txt"));
        WebElement note = browser.findElement(By.id("article-note"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).isEqualTo("1,200 findings: only the 1,000 most severe are listed (the score and the gate"
                + " count them all)");
        assertThat(browser.findElements(By.cssSelector("#findings > li"))).hasSize(1_000);
    }

    @Test
    void theDeskIsPartOfCalqueServe() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/review/"))
                .header("Authorization", "Bearer " + TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        var stranger = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/review/api/results")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(Files.readString(tmp.resolve("serve.log"))).contains("review desk on " + base + "/review/");
        assertThat(db).isRegularFile();
    }

    @Test
    void anEditorClearsFindingsWithTheKeyboardAndTheNextCheckHonoursTheDismissal() throws Exception {
        Waiter wait = new Waiter(Duration.ofSeconds(180));
        browser.get(base + "/review/");
        assertThat(browser.getTitle()).isEqualTo("Calque review desk");
        browser.findElement(By.id("editor")).sendKeys("Dana Editor");
        browser.findElement(By.id("intake-text-file")).sendKeys(SEED.toAbsolutePath().toString());
        browser.findElement(By.id("intake-original-file")).sendKeys(ORIGINAL.toAbsolutePath().toString());
        wait.until(d -> !d.findElement(By.id("intake-text")).getAttribute("value").isEmpty()
                && !d.findElement(By.id("intake-original")).getAttribute("value").isEmpty());
        browser.findElement(By.id("intake-text")).click(); // focus where the editor would be; keys from here on
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        wait.until(d -> d.findElements(By.cssSelector("#findings > li")).size() == 12);
        assertThat(browser.findElements(By.cssSelector("#article-text mark"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.findElement(By.id("original-text")).getText()).contains("Poutine");
        // the first finding has the focus, marked as current for assistive technology
        assertThat(active().getAttribute("aria-current")).isEqualTo("true");

        WebElement noNew = goTo("engagement", "No new engagement");
        assertThat(active().getAttribute("aria-labelledby")).isNotBlank();
        press("d");
        WebElement dialog = browser.findElement(By.id("dismiss-dialog"));
        wait.until(d -> dialog.getAttribute("open") != null);
        press("3"); // style choice
        assertThat(active().getAttribute("value")).isEqualTo("style-choice");
        press(Keys.TAB); // focus order: the reasons are one stop, the note is next
        assertThat(active().getAttribute("id")).isEqualTo("dismiss-note");
        press("subheading; the desk keeps it", Keys.ENTER);
        wait.until(d -> noNew.findElement(By.cssSelector(".state")).getText().startsWith("✗ Dismissed by Dana Editor"));
        assertThat(noNew.findElement(By.cssSelector(".state")).getText()).contains("style choice")
                .contains("subheading; the desk keeps it");
        wait.until(d -> d.findElement(By.id("live")).getText().contains("Dismissed finding"));

        WebElement swept = goTo("swept to AFP", "“It was not a new engagement”");
        press("c");
        wait.until(d -> swept.findElement(By.cssSelector(".state")).getText().startsWith("✓ Confirmed by Dana Editor"));
        assertThat(browser.findElement(By.id("progress")).getText()).isEqualTo("2 of 12 decided");
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).isEqualTo(false);

        // 200% zoom of a 1280-pixel screen: one column, nothing cut off sideways, the actions still reachable
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(640, 900));
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isEqualTo(true);
        assertThat(((JavascriptExecutor) browser).executeScript("var r = document.querySelector('#findings-pane')"
                + ".getBoundingClientRect(), a = document.querySelector('#article').getBoundingClientRect();"
                + "return r.top >= a.bottom && r.width > 500")).isEqualTo(true);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

        String shot = System.getProperty("calque.screenshot"); // scripts/screenshots.sh
        if (shot != null) {
            goTo("Poutine", "According to the Kremlin");
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(Path.of(shot), png);
        }

        // from outside the browser: the database holds both verdicts
        List<Verdict> verdicts = VerdictStore.open(db).current().stream()
                .filter(v -> v.articleSource().equals(SEED.getFileName().toString())).toList();
        assertThat(verdicts).hasSize(2);
        Verdict dismissed = verdicts.get(0);
        assertThat(dismissed.kind()).isEqualTo(Verdict.Kind.DISMISSED);
        assertThat(dismissed.rule()).isEqualTo("FF_ENGAGEMENT");
        assertThat(dismissed.sentence()).isEqualTo("No new engagement");
        assertThat(dismissed.reason()).isEqualTo(Verdict.Reason.STYLE_CHOICE);
        assertThat(dismissed.note()).isEqualTo("subheading; the desk keeps it");
        assertThat(dismissed.editor()).isEqualTo("Dana Editor");
        assertThat(dismissed.rulePack()).isNotBlank();
        assertThat(verdicts.get(1).kind()).isEqualTo(Verdict.Kind.CONFIRMED);
        assertThat(verdicts.get(1).passage()).isEqualTo("swept to AFP");

        // and the next check leaves the dismissed finding out, and only that one
        Path out = tmp.resolve("after.json");
        int code = Main.run("check", "-q", "--no-report", "--verdicts", db.toString(), "-f", "json", "-o", out.toString(),
                SEED.toString());
        assertThat(code).isEqualTo(Main.FAILED_GATE);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        List<JsonNode> findings = StreamSupport.stream(report.at("/articles/0/findings").spliterator(), false).toList();
        assertThat(findings).hasSize(11);
        assertThat(findings).noneMatch(f -> f.path("sentence").asText().equals("No new engagement"));
        assertThat(findings).anyMatch(f -> f.path("passage").asText().equals("swept to AFP"));
        assertThat(findings).anyMatch(f -> f.path("rule").asText().equals("FF_ENGAGEMENT")); // the other one stays
        assertThat(report.at("/summary/suppressed").asInt()).isEqualTo(1);
    }
}
