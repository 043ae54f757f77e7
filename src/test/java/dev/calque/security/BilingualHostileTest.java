package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XLIFF 1.2, XLIFF 2 and TMX files, generated here, checked in one run: entities naming a file
 * or a loopback URL, parameter entities, an external DTD, billion laughs, XInclude, a schema location,
 * skeleton/glossary/reference files and {@code original=} naming a file or URL, deep inline nesting,
 * UTF-16, a byte that is not UTF-8, a unit with no target. Nothing is fetched or read, no entity is
 * expanded, every refusal is one line without a Java exception, the legitimate files are checked.
 */
class BilingualHostileTest {
    @TempDir
    static Path dir;
    static Tripwire tripwire;
    static final String SECRET = "bilingual-secret-77d1";
    static CliRun run;
    static final Map<String, String> unreadable = new HashMap<>();
    static final Map<String, JsonNode> articles = new HashMap<>();

    static final String LAUGHS = "<!ENTITY a \"lollollollollollollollollollol\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
            + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
            + "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">";

    interface Kind {
        String file(String doctype, String target, String rootAttributes, String header);
    }

    static final Map<String, Kind> KINDS = Map.of(
            "x1.xlf", (dt, t, attrs, header) -> "<?xml version=\"1.0\"?>\n" + dt
                    + "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"" + attrs + ">"
                    + "<file original=\"a\" source-language=\"fr\" target-language=\"en\" datatype=\"plaintext\">"
                    + header + "<body><trans-unit id=\"1\"><source>Le chat est sur la table.</source><target>" + t
                    + "</target></trans-unit></body></file></xliff>",
            "x2.xlf", (dt, t, attrs, header) -> "<?xml version=\"1.0\"?>\n" + dt
                    + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"fr\" trgLang=\"en\""
                    + attrs + "><file id=\"f1\"><unit id=\"1\"><segment><source>Le chat est sur la table.</source><target>"
                    + t + "</target></segment></unit></file></xliff>",
            "tm.tmx", (dt, t, attrs, header) -> "<?xml version=\"1.0\"?>\n" + dt + "<tmx version=\"1.4\"" + attrs + ">"
                    + "<header srclang=\"fr\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"t\""
                    + " creationtoolversion=\"1\" o-tmf=\"t\"/><body><tu tuid=\"1\"><tuv xml:lang=\"fr\"><seg>Le chat est sur"
                    + " la table.</seg></tuv><tuv xml:lang=\"en\"><seg>" + t + "</seg></tuv></tu></body></tmx>");

    @BeforeAll
    static void checkTheHostileFiles() throws Exception {
        tripwire = Tripwire.answering("<!ENTITY leak \"leaked\">".getBytes(StandardCharsets.UTF_8)).start();
        String url = tripwire.url();
        String file = Files.writeString(dir.resolve("secret.txt"), SECRET).toUri().toString();
        Path in = Files.createDirectories(dir.resolve("in"));
        String good = "The cat is on the table.";
        for (Map.Entry<String, Kind> e : KINDS.entrySet()) {
            String name = e.getKey();
            String root = name.endsWith(".tmx") ? "tmx" : "xliff";
            Kind k = e.getValue();
            write(in, "file-entity-" + name, k.file("<!DOCTYPE " + root + " [<!ENTITY s SYSTEM \"" + file + "\">]>",
                    "The cat &s;", "", ""));
            write(in, "url-entity-" + name, k.file("<!DOCTYPE " + root + " [<!ENTITY s SYSTEM \"" + url + "/entity\">]>",
                    "The cat &s;", "", ""));
            write(in, "laughs-" + name, k.file("<!DOCTYPE " + root + " [" + LAUGHS + "]>", "The cat &i;", "", ""));
            write(in, "param-" + name, k.file("<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"" + url + "/param\"> %p;]>",
                    good, "", ""));
            write(in, "dtd-" + name, k.file("<!DOCTYPE " + root + " SYSTEM \"" + url + "/external.dtd\">", good, "", ""));
            write(in, "schema-" + name, k.file("", good, " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                    + " xsi:schemaLocation=\"urn:x " + url + "/schema.xsd\"", ""));
            write(in, "xinclude-" + name, k.file("", "The cat <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                    + file + "\" parse=\"text\"/> is here.", "", ""));
            String open = name.startsWith("x2") ? "<pc id=\"1\">" : name.startsWith("x1") ? "<g id=\"1\">" : "<hi>";
            String close = name.startsWith("x2") ? "</pc>" : name.startsWith("x1") ? "</g>" : "</hi>";
            write(in, "deep-" + name, k.file("", open.repeat(20_000) + "The cat" + close.repeat(20_000), "", ""));
            String utf16 = k.file("", "The cat is there, very well.", "", "")
                    .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
            Files.write(in.resolve("utf16-" + name), utf16.getBytes(StandardCharsets.UTF_16)); // with a byte order mark
            byte[] latin = k.file("", "The cat \u00ff\u00fe is there.", "", "").getBytes(StandardCharsets.ISO_8859_1);
            Files.write(in.resolve("not-utf8-" + name), latin);
        }
        // XLIFF 1.2 points at other files in several places: Calque must open none of them
        write(in, "skeleton-x1.xlf", KINDS.get("x1.xlf").file("", good, "", "<header><skl><external-file href=\"" + file
                + "\"/></skl><glossary><external-file href=\"" + url + "/glossary\"/></glossary><reference>"
                + "<external-file href=\"" + url + "/reference\"/></reference></header>").replace("original=\"a\"",
                "original=\"" + url + "/original\""));
        write(in, "no-target-x1.xlf", KINDS.get("x1.xlf").file("", good, "", "").replaceAll("<target>.*</target>", ""));

        Path out = dir.resolve("out.json");
        run = CliRun.of("check", "--format", "json", "-o", out.toString(), in.toString());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        for (JsonNode p : report.get("unreadable")) unreadable.put(name(p.get("source").asText()), p.get("reason").asText());
        for (JsonNode a : report.get("articles")) articles.put(name(a.get("source").asText()), a);
    }

    private static void write(Path in, String name, String content) throws java.io.IOException {
        Files.writeString(in.resolve(name), content);
    }

    private static String name(String source) {
        return Path.of(source).getFileName().toString();
    }

    @AfterAll
    static void stop() {
        tripwire.stop();
    }

    @Test
    void noFileAndNoUrlAFileNamesIsOpened() {
        assertThat(tripwire.requests()).as("requests the files made").isEmpty();
        assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("leaked");
        for (JsonNode a : articles.values()) assertThat(a.toString()).doesNotContain(SECRET).doesNotContain("leaked");
    }

    @Test
    void entitiesAreRefusedWithTheReasonNotExpanded() {
        for (String kind : KINDS.keySet()) {
            for (String attack : List.of("file-entity-", "url-entity-", "laughs-")) {
                assertThat(unreadable.get(attack + kind)).as(attack + kind)
                        .matches("cannot read this (XLIFF 1.2|XLIFF 2|TMX) file: line \\d+: entity '[si]' is not defined"
                                + " \\(Calque reads no DTD: entities could read files or reach the network\\)");
            }
            assertThat(articles.get("laughs-" + kind)).isNull();
        }
    }

    @Test
    void aDoctypeThatDeclaresNoEntityUsedIsIgnoredAndTheFileChecked() {
        // real TMX files carry <!DOCTYPE tmx SYSTEM "tmx14.dtd">: the DTD is never fetched, the file is read
        for (String kind : KINDS.keySet()) {
            for (String attack : List.of("param-", "dtd-", "schema-")) {
                assertThat(articles).as(attack + kind).containsKey(attack + kind);
            }
        }
        assertThat(articles).containsKey("skeleton-x1.xlf");
    }

    @Test
    void utf16FilesAreReadAsTheBilingualFilesTheyAre() {
        for (String kind : KINDS.keySet()) {
            JsonNode a = articles.get("utf16-" + kind);
            assertThat(a).as("utf16-" + kind + " (unreadable: " + unreadable.get("utf16-" + kind) + ")").isNotNull();
            assertThat(a.get("metadata").get("format").asText()).isIn("XLIFF 1.2", "XLIFF 2", "TMX");
        }
    }

    @Test
    void aByteThatIsNotUtf8IsNeverMistakenForAnotherKindOfFile() {
        // before: a bad byte deep in the body made the first look fail, and the file was skipped as "XML data"
        for (String kind : KINDS.keySet()) {
            String name = "not-utf8-" + kind;
            if (articles.containsKey(name)) continue; // Okapi's XLIFF 1.2 filter decodes leniently
            assertThat(unreadable.get(name)).as(name).startsWith("cannot read this ").contains("UTF-8");
        }
        assertThat(run.err()).doesNotContain("not an article, a document or a feed");
    }

    @Test
    void deepNestingAndAMissingTargetAreOneLineEach() {
        for (String kind : KINDS.keySet()) assertThat(unreadable.get("deep-" + kind)).as(kind).startsWith("cannot read this ");
        assertThat(unreadable.get("no-target-x1.xlf")).isEqualTo("no translated segment to check in this XLIFF 1.2 file"
                + " (1 unit(s) without a target)");
        List<String> lines = run.err().lines().filter(l -> l.startsWith("calque: ")).toList();
        assertThat(lines).hasSize(unreadable.size());
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("row,col");
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
    }
}
