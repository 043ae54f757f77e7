package dev.calque.bilingual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Article;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The length rule on sentences of human news (newstest2014) and their originals, with a clause left out. */
class LengthRuleTest {
    private static final SourceRules.Pack PACK = SourceRules.load(List.of(Path.of("rules")), "en", "fr");

    static List<SourceRule.Hit> length(String fr, String en) {
        SourceRule rule = PACK.rules().stream().filter(r -> r.info().id().equals("SOURCE_LENGTH")).findFirst().orElseThrow();
        BilingualArticle b = BilingualArticle.of(Article.ofText("t.txt", en), Original.of("t.fr.txt", "fr", fr));
        return rule.find(b, PACK.conventions());
    }

    @Test
    void countryNamesRenderedByTheirInitialsAreRendered() {
        String fr = "Je m'attends à ce que le Royaume-Uni prenne ses distances par rapport à ce projet, et j'espère qu'il fera les yeux doux aux États-Unis.";
        String en = "I expect the UK will distance itself from this project, hoping to cosy up to the US.";
        assertThat(LinkRules.LengthRatio.unrendered(fr, en, java.util.Map.of(), java.util.Map.of(),
                PACK.conventions().of("fr").nameForms())).isEmpty();
        assertThat(LinkRules.LengthRatio.unrendered(fr, "I expect the UK will distance itself from this project.", java.util.Map.of(),
                java.util.Map.of(), PACK.conventions().of("fr").nameForms())).containsExactly("États", "Unis");
    }

    @Test
    void aSentenceMuchShorterThanItsOriginalIsFlaggedEvenWhenShort() {
        // the document's own length ratio comes from its other sentences
        String frBefore = "Il est grand temps d'arrêter le cheval de Troie de la Flandre.\n\n"
                + "Les Bruxellois méritent mieux que de voir leur argent gaspillé par une ministre.\n\n";
        String enBefore = "It is high time to stop the Trojan horse of Flanders.\n\n"
                + "The residents of Brussels deserve better than to see their money wasted by a minister.\n\n";
        String fr = frBefore + "Avec la crise de l'euro, le Projet Europe est officiellement mort.";
        assertThat(length(fr, enBefore + "With the euro crisis, Project Europe is officially dead.")).isEmpty();
        assertThat(length(fr, enBefore + "With the euro crisis.")).hasSize(1);
    }

    @Test
    void aClauseOfTheOriginalRenderedNowhereIsFound() {
        String fr = "Le maire, qui a dirigé la ville de 2001 à 2014, était au départ hostile aux appels d'offres.";
        assertThat(LinkRules.LengthRatio.uncoveredClause(fr, "The mayor, who ran the city from 2001 until 2014.")).isEqualTo("était au départ hostile aux appels d'offres.");
        // every clause renders something (2001, 2014; hostile), or no clause renders anything: nothing to say
        assertThat(LinkRules.LengthRatio.uncoveredClause(fr, "The mayor, who ran the city from 2001 until 2014, was at first hostile to tenders.")).isNull();
        assertThat(LinkRules.LengthRatio.uncoveredClause(fr, "He was against it.")).isNull();
    }

    @Test
    void aHeadlineIsNoSentence() {
        assertThat(LinkRules.LengthRatio.headline("Bombardier profit dips as plane deliveries, orders fall")).isTrue();
        assertThat(LinkRules.LengthRatio.headline("Bombardier's profit dipped as deliveries fell.")).isFalse();
        assertThat(LinkRules.LengthRatio.headline("He said: \"It fell.\"")).isFalse();
    }
}
