package dev.calque.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.check.Checker;
import dev.calque.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The French name-form table: its size, a sample of its rows firing in text, and forms it must leave alone. */
class NameFormsTableTest {
    static final Path TABLE = Path.of("rules/fr-en/name-forms.tsv");
    static Checker checker;
    static List<String[]> rows;

    @BeforeAll
    static void load() throws IOException {
        checker = Checker.builder().rules(Path.of("rules")).source("fr").stockRules(false).build();
        rows = Files.readAllLines(TABLE, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .toList();
    }

    @Test
    void tableHasAtLeast150WellFormedRows() {
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.length).as(String.join("|", r)).isBetween(2, 3);
            assertThat(r[0]).isNotBlank().isNotEqualTo(r[1]);
            assertThat(r[1]).isNotBlank();
        });
        assertThat(rows.stream().map(r -> r[0]).distinct().count()).isEqualTo(rows.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Talks resumed in Moscou on Monday.|Moscou|Moscow",
        "The summit in Pékin ended early.|Pékin|Beijing",
        "Ministers met in La Haye on Friday.|La Haye|The Hague",
        "The OTAN allies met in Brussels.|OTAN|NATO",
        "The Etats-Unis imposed sanctions.|Etats-Unis|United States",
        "Troops from Arabie saoudite crossed the border.|Arabie saoudite|Saudi Arabia",
        "Volodymyr Zelenski spoke by video.|Zelenski|Zelensky",
        "President Xi Jin Ping arrived on Tuesday.|Xi Jin Ping|Xi Jinping",
        "The FMI cut its growth forecast.|FMI|IMF",
        "The OMS declared an emergency.|OMS|WHO",
        "Clashes broke out in Cisjordanie overnight.|Cisjordanie|West Bank",
        "Peace in the Proche-Orient remains distant.|Proche-Orient|Middle East",
        "The BCE raised rates.|BCE|ECB",
        "Wellington and Nouvelle-Zélande were hit hard.|Nouvelle-Zélande|New Zealand",
    })
    void sampleRowsFireWithTheEnglishForm(String sentence, String passage, String english) {
        List<Finding> found = checker.checkOnly("FR_NAME_FORM", sentence);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.passage()).isEqualTo(passage);
            assertThat(f.suggestions()).contains(english);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The talks in Paris and Berlin went well.",
        "She ordered poutine in Montreal.",
        "Tours of the Louvre resume in Nice.",
        "Credit Suisse shares fell in Geneva.",
        "The talks in Moscow ended with NATO and the EU divided.",
    })
    void englishFormsStayQuiet(String sentence) {
        assertThat(checker.checkOnly("FR_NAME_FORM", sentence)).isEmpty();
    }
}
