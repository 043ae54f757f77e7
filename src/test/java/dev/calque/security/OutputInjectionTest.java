package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import dev.calque.cli.CliRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs turned against their reader (round seven). What a pull request controls reaches every
 * format: an article's text, a file name, a JSON Feed item's title and URL, and a rule's name and
 * message. Here they carry a GitHub workflow command after a newline and a CR, {@code %0A}, the C0
 * controls XML 1.0 forbids, U+FFFE, lone surrogates (a JSON Feed's escapes), an escape sequence that
 * clears the terminal, {@code </script>}, {@code <img onerror>}, {@code <svg onload>} and
 * {@code javascript:} URLs. Every output is read back as its reader reads it: the GitHub runner's
 * lines, a strict XML parser for JUnit and XLIFF (built and annotated), JSON for JSON and SARIF,
 * Allure's Markdown renderer (flexmark, raw HTML passed through) for the report's descriptions.
 */
class OutputInjectionTest {
    @TempDir
    static Path dir;
    static CliRun run;
    static CliRun annotated;
    static final String EVIL = "bad {match}\\n::set-env name=NODE_OPTIONS::--require /tmp/pwn.js\\r::add-mask::x %0A::error::forged"
            + " \\x01 \\uFFFE \\e[2J </script><script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3))";

    @BeforeAll
    static void checkThem() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("evil-rules"));
        Files.writeString(rules.resolve("evil.yml"), "rules:\n  - id: EVIL_WORD\n"
                + "    name: \"Evil </script><img src=x onerror=alert(1)>\\n\\n<svg onload=alert(4)> [x](javascript:alert(5))\"\n"
                + "    kind: regex\n    category: Style/Unidiomatic\n    severity: major\n    pattern: \"zorglub\"\n"
                + "    message: \"" + EVIL + "\"\n"
                + "    examples:\n      - flag: \"He said <marker>zorglub</marker> twice.\"\n      - clean: \"He said nothing twice.\"\n");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("plain.txt"), "He said zorglub \u0001 \uFFFE \u001b[2J\u001b]0;title\u0007 </script>"
                + "<img src=x onerror=alert(1)> javascript:alert(1) in the end.\n::set-env name=X::y\r::error::forged\n\n"
                + "Vladimir Poutine said yesterday that the talks would resume.\n");
        // a file name is a line of its own in several formats: a newline, a workflow command, an escape sequence, markup
        Files.writeString(in.resolve("evil\n::error file=x::forged \u001b[2J,a:b%0A\n\n<img src=x onerror=alert(6)>\n\n.txt"),
                "Vladimir Poutine said zorglub yesterday.\n");
        Files.writeString(in.resolve("feed.json"), "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\","
                + " \"home_page_url\": \"javascript:alert(1)\", \"items\": [{\"id\": \"1\", \"url\": \"javascript:alert(document.cookie)\","
                + " \"title\": \"</script><script>alert(9)</script>\", \"content_text\": \"Vladimir Poutine said zorglub \\ud800 lone"
                + " \\udfff surrogates.\\n\\nSecond paragraph here.\"}]}");
        run = CliRun.of("check", "--rules", rules.toString(), "--report-dir", dir.resolve("report").toString(),
                "-f", "console", "-f", "json", "-o", dir.resolve("out.json").toString(), "-f", "sarif", "-o",
                dir.resolve("out.sarif").toString(), "-f", "junit", "-o", dir.resolve("out.xml").toString(), "-f", "github",
                "-o", dir.resolve("out.gh").toString(), "-f", "xliff", "-o", dir.resolve("out.xlf").toString(), in.toString());

        // one XLIFF 2 file alone is written back annotated (the DOM's serializer, not Calque's own writer)
        Path xliff = Files.createDirectories(dir.resolve("xliff"));
        Files.writeString(xliff.resolve("seed.xlf"), Files.readString(Path.of("src/test/resources/bilingual/seed.fr-en.xlf"))
                .replace("Vladimir Poutine said he was", "Vladimir Poutine zorglub said he was"));
        annotated = CliRun.of("check", "--no-report", "--rules", rules.toString(), "-f", "xliff", "-o",
                dir.resolve("annotated.xlf").toString(), xliff.resolve("seed.xlf").toString());
    }

    @Test
    void theHostileTextReachedEveryOutput() throws Exception {
        // else the test below would pass on nothing
        String json = Files.readString(dir.resolve("out.json"));
        assertThat(json).contains("EVIL_WORD").contains("onerror=alert(2)").contains("javascript:alert(document.cookie)");
        assertThat(new ObjectMapper().readTree(json).get("articles")).hasSize(3);
        assertThat(Files.readString(dir.resolve("annotated.xlf"))).contains("EVIL_WORD");
    }

    @Test
    void githubGetsOneCommandPerLineAndNoneItDidNotMean() throws Exception {
        String gh = Files.readString(dir.resolve("out.gh"));
        assertThat(gh).doesNotContain("\r").doesNotContain("\u001b");
        List<String> lines = gh.lines().toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches("::(error|warning|notice) [^:]*::.*"), "a command Calque writes");
        // the runner turns %0A back into a newline only inside the message: the injected command stays text
        assertThat(lines).noneMatch(l -> l.startsWith("::set-env") || l.startsWith("::add-mask"));
        assertThat(lines).anyMatch(l -> l.contains("%0A::set-env") && l.contains("%250A"));
        // a property (the file) holds no ':' or ',' the runner would read as the end of the properties
        for (String l : lines) {
            String props = l.substring(2, l.indexOf("::", 2));
            for (String p : props.substring(props.indexOf(' ') + 1).split(",")) assertThat(p).matches("[a-zA-Z]+=[^:]*");
        }
        assertThat(lines).anyMatch(l -> l.contains("/in/evil%0A%3A%3Aerror file=x%3A%3Aforged \\x1b[2J%2Ca%3Ab%250A"));
    }

    @Test
    void everyXmlOutputIsWellFormed() throws Exception {
        for (String name : List.of("out.xml", "out.xlf", "annotated.xlf")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(true);
            // before: U+FFFE in XLIFF's comments and text, and &#1; written by the DOM serializer, stopped the parse
            f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as(name).doesNotContain("&#1;").doesNotContain("\uFFFE").doesNotContain("\u0001");
        }
        // XLIFF 2 writes a character XML forbids in a segment as <cp/>
        assertThat(Files.readString(dir.resolve("out.xlf"))).contains("<cp hex=\"0001\"/>").contains("<cp hex=\"FFFE\"/>");
    }

    @Test
    void jsonAndSarifHoldNoLoneSurrogate() throws Exception {
        Pattern escaped = Pattern.compile("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}");
        for (String name : List.of("out.json", "out.sarif")) {
            String text = Files.readString(dir.resolve(name));
            // before: Jackson wrote the feed's lone surrogates as escapes, which strict readers (I-JSON) refuse
            assertThat(escaped.matcher(text).find()).as(name + " holds an escaped surrogate").isFalse();
            JsonNode tree = new ObjectMapper().readTree(text);
            assertThat(tree.toString()).contains("zorglub \uFFFD lone \uFFFD surrogates");
        }
    }

    @Test
    void allureDescriptionsRenderNoMarkupAndNoLink() throws Exception {
        Parser parser = Parser.builder().build();
        HtmlRenderer html = HtmlRenderer.builder().build(); // passes raw HTML through: stricter than the report
        List<String> descriptions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("report/allure-results"))) {
            for (Path p : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode d = new ObjectMapper().readTree(p.toFile()).get("description");
                if (d != null) descriptions.add(d.asText());
            }
        }
        assertThat(descriptions).hasSize(3);
        for (String d : descriptions) {
            String rendered = html.render(parser.parse(d));
            assertThat(rendered).doesNotContain("<img").doesNotContain("<svg").doesNotContain("<script").doesNotContain("href=");
            // before: the blank lines of the file name ended its code span and its <img> became raw HTML
            assertThat(d.lines().filter(l -> l.startsWith("**Source:**"))).hasSize(1);
        }
        assertThat(String.join("\n", descriptions)).contains("onerror\\=alert\\(6\\)");
    }

    @Test
    void theConsoleShowsControlCharactersEscaped() {
        assertThat(run.out()).contains("\\x1b[2J").doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007");
        assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\tat ");
        assertThat(annotated.err()).doesNotContain("\tat ");
    }
}
