package dev.calque.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Main-text extraction measured as the project is judged: 4-token-shingle F1 against the true text, on
 * real French and German pages (src/test/resources/pages/truth), and the links to other stories that
 * pages in those languages put inside and after the article.
 */
class ExtractionTest {
    private static final Path PAGES = Path.of("src/test/resources/pages");
    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private String extract(byte[] html) throws Exception {
        return reader.read(html, "page.html", "page.html", "page.html", null).get(0).text();
    }

    private String extract(String html) throws Exception {
        return extract(html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shingleF1CountsSharedRunsOfFourWords() {
        ExtractionShingles.Score same = ExtractionShingles.score("Le chat dort sur le tapis.", "Le chat dort, sur le tapis");
        assertThat(same.f1()).isEqualTo(1.0);
        // 6 tokens against 9: 3 shingles shared of 3 extracted and 6 true
        ExtractionShingles.Score part = ExtractionShingles.score("Le chat dort sur le tapis",
                "Le chat dort sur le tapis du salon ce");
        assertThat(part.precision()).isEqualTo(1.0);
        assertThat(part.recall()).isEqualTo(0.5);
        // a paragraph extracted twice counts twice against the one in the truth
        ExtractionShingles.Score twice = ExtractionShingles.score("a b c d a b c d", "a b c d");
        assertThat(twice.shared()).isEqualTo(1);
        assertThat(twice.extracted()).isEqualTo(5);
        assertThat(ExtractionShingles.score("", "a b c d").f1()).isZero();
    }

    @Test
    void realFrenchAndGermanPagesComeOutWhole() throws Exception {
        List<Path> truths;
        try (Stream<Path> s = Files.list(PAGES.resolve("truth"))) {
            truths = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(truths).hasSizeGreaterThanOrEqualTo(2);
        for (Path truth : truths) {
            String page = truth.getFileName().toString().replaceAll("\\.txt$", "");
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(PAGES.resolve(page + ".html.gz")))) {
                html = in.readAllBytes();
            }
            String text = extract(html);
            ExtractionShingles.Score score = ExtractionShingles.score(text, Files.readString(truth, StandardCharsets.UTF_8));
            System.out.printf("%s: shingle P %.3f R %.3f F1 %.3f%n", page, score.precision(), score.recall(), score.f1());
            assertThat(score.f1()).as(page + " shingle F1").isGreaterThanOrEqualTo(0.95);
            assertThat(score.precision()).as(page + " shingle precision").isGreaterThanOrEqualTo(0.97);
        }
    }

    private static final String LONG_FR = "<p>Le gouvernement a présenté mardi son projet de loi, qui doit être examiné au"
            + " Parlement avant l’été, a indiqué le ministre lors d’une conférence de presse à Paris.</p>";

    @Test
    void aReadAlsoLinkInsideTheArticleIsLeftOutAndTheArticleGoesOn() throws Exception {
        String html = "<html><head><title>Réforme | Le Journal</title></head><body><article><h1>Réforme</h1>" + LONG_FR
                + "<div class='encart'><p>Lire aussi :</p><p><a href='/autre'>Les syndicats appellent à la grève</a></p></div>"
                + "<p>Les syndicats, reçus mercredi, ont demandé des garanties sur les retraites, selon un communiqué.</p>"
                + "<p><a href='/x'>Lire aussi : La ministre défend son texte</a></p>"
                + "<p>Le texte sera débattu en commission à partir du 12 juin, a précisé le gouvernement.</p></article></body></html>";
        String text = extract(html);
        assertThat(text).contains("Les syndicats, reçus mercredi").contains("débattu en commission")
                .doesNotContain("Lire aussi").doesNotContain("appellent à la grève").doesNotContain("défend son texte");
    }

    @Test
    void anAnnouncementThatIsNoLinkStaysForTheFurnitureRule() throws Exception {
        // pasted into the text by a translation, "Read also" is what rules/en/furniture.yml flags: it is not cut here
        String html = "<html><body><article>" + LONG_FR + "<p>Read also: the unions call a strike.</p>" + LONG_FR.replace("mardi", "lundi")
                + LONG_FR.replace("mardi", "jeudi") + "<p>Le texte sera débattu en commission à partir du 12 juin, a précisé le gouvernement.</p>"
                + "</article></body></html>";
        assertThat(extract(html)).contains("Read also: the unions call a strike.");
    }

    @Test
    void aMoreOnThisHeadingPastTheMiddleEndsTheArticle() throws Exception {
        String html = "<html><body><div class='contenu'>" + LONG_FR + LONG_FR.replace("mardi", "lundi")
                + "<p>Le texte sera débattu en commission à partir du 12 juin, a précisé le gouvernement.</p>"
                + "<h2>Mehr zum Thema</h2><p>Die Opposition kritisiert das Gesetz als zu spät, sagte ein Sprecher am Abend.</p>"
                + "<p>Par <a href='/a'>Jean Dupont</a></p><p>Le 05/02/2020</p></div></body></html>";
        String text = extract(html);
        assertThat(text).contains("débattu en commission").doesNotContain("Mehr zum Thema").doesNotContain("Opposition");
    }

    @Test
    void adLabelsAndSidebarsInOtherLanguagesAreFurniture() throws Exception {
        String html = "<html><body><div class='barra-lateral'><p>Sigue tus temas favoritos en un lugar exclusivo para ti.</p></div>"
                + "<div class='cuerpo'>" + LONG_FR + "<p>El texto será debatido en comisión a partir del 12 de junio, según el gobierno.</p>"
                + "<p>Espacio publicitario</p><p>Espacio publicitario</p></div></body></html>";
        String text = extract(html);
        assertThat(text).contains("debatido en comisión").doesNotContain("Espacio publicitario").doesNotContain("temas favoritos");
    }
}
