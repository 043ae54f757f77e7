package dev.calque.check;

import dev.calque.model.Finding;
import dev.calque.model.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Article;
import dev.calque.ingest.DocumentReader;
import dev.calque.ingest.IngestLimits;
import dev.calque.rules.bilingual.Glossary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed article as a bilingual file, checked with the bundled rules and a glossary. */
class BilingualChecksTest {
    private static final Path DIR = Path.of("src/test/resources/bilingual");
    private static Checker withTsvGlossary;

    @BeforeAll
    static void checker() {
        withTsvGlossary = Checker.builder().rules(Path.of("rules")).glossary(DIR.resolve("glossary.fr-en.tsv")).build();
    }

    private static Article read(String file) throws Exception {
        Path p = DIR.resolve(file);
        return new DocumentReader(IngestLimits.DEFAULT).read(Files.readAllBytes(p), file, p.toString(), p.toString(), null).get(0);
    }

    private static List<Finding> of(List<Finding> all, String rule) {
        return all.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void every_finding_names_its_segment_and_the_lost_link_is_found() throws Exception {
        Article a = read("seed.fr-en.xlf");
        List<Finding> found = withTsvGlossary.check(a).findings();
        assertThat(found).isNotEmpty().allSatisfy(f -> assertThat(f.segmentId()).matches("p\\d+#s1"));
        // the monolingual rules still run, and say which unit they are in
        Finding poutine = of(found, "FR_NAME_FORM").get(0);
        assertThat(poutine.passage()).isEqualTo("Poutine");
        assertThat(poutine.segmentId()).isEqualTo("p3#s1");
        // the French link on "photo" has no counterpart in the English
        List<Finding> lost = of(found, "INLINE_CODE_MISSING");
        assertThat(lost).singleElement().satisfies(f -> {
            assertThat(f.segmentId()).isEqualTo("p6#s1");
            assertThat(f.message()).contains("<a href=\"/photos/biden-call.jpg\">");
            assertThat(f.category()).isEqualTo("Design/Markup");
            assertThat(f.sourcePassage()).startsWith("Joe Biden a participé");
            assertThat(f.passage()).startsWith("Joe Biden took part").endsWith("wood-paneled walls.");
        });
        // the link on Jen Psaki is in both: nothing
        assertThat(of(found, "INLINE_CODE_EXTRA")).isEmpty();
        assertThat(of(found, "INLINE_CODE_ORDER")).isEmpty();
    }

    @Test
    void glossary_terms_forbidden_and_missing_from_a_tsv_glossary() throws Exception {
        List<Finding> found = withTsvGlossary.check(read("seed.fr-en.xlf")).findings();
        List<Finding> forbidden = of(found, "GLOSSARY_TERM_FORBIDDEN");
        assertThat(forbidden).extracting(Finding::passage).containsExactly("engagement", "stronghold", "engagement");
        assertThat(forbidden).extracting(Finding::segmentId).containsExactly("p5#s1", "p6#s1", "p8#s1");
        assertThat(forbidden.get(1).sourcePassage()).isEqualTo("fief");
        assertThat(forbidden.get(1).suggestions()).containsExactly("home state", "home turf", "power base");
        assertThat(forbidden.get(1).message()).contains("political sense, not a fortress");
        // the glossary's finding is the one kept where the false-friend rule flags the same word
        assertThat(found).filteredOn(f -> f.passage().equals("stronghold")).extracting(Finding::rule)
                .containsExactly("GLOSSARY_TERM_FORBIDDEN");
        // where a forbidden term stands in for the required one, the forbidden finding says it all;
        // a required term simply absent is flagged on its segment
        assertThat(of(found, "GLOSSARY_TERM_MISSING")).singleElement().satisfies(f -> {
            assertThat(f.segmentId()).isEqualTo("p7#s1");
            assertThat(f.sourcePassage()).isEqualTo("porte-parole de la Maison Blanche");
            assertThat(f.suggestions()).containsExactly("White House press secretary");
            assertThat(f.message()).endsWith("Glossary note: the title of Jen Psaki in 2021.");
        });
        // NATO is written as the glossary wants
        assertThat(found).noneMatch(f -> f.rule().startsWith("GLOSSARY") && f.sourcePassage().equals("Otan"));
    }

    @Test
    void a_tbx_glossary_gives_the_same_terminology_and_its_dtd_is_never_read() throws Exception {
        Glossary tbx = Glossary.read(DIR.resolve("glossary.fr-en.tbx"), "fr", "en-US");
        assertThat(tbx.entries()).hasSize(3);
        assertThat(tbx.entries().get(0).sources()).containsExactly("Otan", "OTAN");
        assertThat(tbx.entries().get(0).required()).containsExactly("NATO");
        assertThat(tbx.entries().get(0).forbidden()).containsExactly("OTAN");
        assertThat(tbx.entries().get(2).forbidden()).containsExactly("stronghold");
        Checker checker = Checker.builder().rules(Path.of("rules")).stockRules(false)
                .glossary(DIR.resolve("glossary.fr-en.tbx")).build();
        List<Finding> found = checker.check(read("seed.fr-en.tmx")).findings();
        assertThat(of(found, "GLOSSARY_TERM_FORBIDDEN")).extracting(Finding::segmentId).containsExactly("p5", "p6", "p8");
    }

    @Test
    void a_tbx_with_an_external_entity_does_not_read_it(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        Path tbx = tmp.resolve("evil.tbx");
        Files.writeString(tbx, "<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<martif><text><body><termEntry><langSet xml:lang=\"fr\"><tig><term>Otan</term></tig></langSet>"
                + "<langSet xml:lang=\"en\"><tig><term>NATO&x;</term></tig></langSet></termEntry></body></text></martif>");
        Glossary g;
        try {
            g = Glossary.read(tbx, "fr", "en");
        } catch (Glossary.GlossaryException refused) {
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET").startsWith(tbx.toString());
            return;
        }
        assertThat(g.entries().get(0).required().get(0)).doesNotContain("TOP-SECRET");
    }

    @Test
    void a_bad_glossary_row_names_the_file_and_line(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.tsv");
        Files.writeString(bad, "Otan\tNATO\nfief\n");
        assertThatThrownBy(() -> Glossary.read(bad, "fr", "en"))
                .hasMessage(bad + ":2: neither a required nor a forbidden target term (columns: source, required, forbidden, note)");
    }

    @Test
    void a_csv_glossary_with_quotes() throws Exception {
        Path csv = Files.createTempFile("glossary", ".csv");
        try {
            Files.writeString(csv, "source,required,forbidden,note\n\"Maison Blanche\",\"White House\",,\"the building, and the office\"\n");
            Glossary g = Glossary.read(csv, "fr", "en");
            assertThat(g.entries()).singleElement().satisfies(e -> {
                assertThat(e.sources()).containsExactly("Maison Blanche");
                assertThat(e.required()).containsExactly("White House");
                assertThat(e.note()).isEqualTo("the building, and the office");
            });
        } finally {
            Files.delete(csv);
        }
    }
}
