package dev.calque.bilingual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Article;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name rule on real sentences of human news (newstest2014) and their originals. */
class NameRuleTest {
    private static final SourceRules.Pack PACK = SourceRules.load(List.of(Path.of("rules"), Path.of("rules/opt-in")), "en", "fr");

    static List<SourceRule.Hit> names(String fr, String en) {
        SourceRule rule = PACK.rules().stream().filter(r -> r.info().id().equals("SOURCE_NAME")).findFirst().orElseThrow();
        BilingualArticle b = BilingualArticle.of(Article.ofText("t.txt", en), Original.of("t.fr.txt", "fr", fr));
        return rule.find(b, PACK.conventions());
    }

    @Test
    void aFirstNameSwappedBesideTheKeptSurnameIsFlagged() {
        String fr = "Le mandat unique de la BCE a toujours porté sur l'inflation, donc Mario Draghi et son équipe ont davantage de raisons d'agir lors de la réunion de la semaine prochaine.";
        List<SourceRule.Hit> hits = names(fr, "The ECB's sole mandate has always revolved around inflation, therefore Stefan Draghi and his team have all the more reason to take action at their meeting next week.");
        assertThat(hits).hasSize(1);
        assertThat(names(fr, "The ECB's sole mandate has always revolved around inflation, therefore Mario Draghi and his team have all the more reason to take action at their meeting next week.")).isEmpty();
    }

    @Test
    void aSurnameAfterATitlesFullStopIsAName() {
        // the full stop of "M." ends no sentence: "Chen" is a name the translation must keep
        String fr = "Mais M. Chen a par la suite admis à la télévision qu'il avait accepté des pots-de-vin pour fabriquer des histoires au sujet d'une société semi-publique.";
        String en = "But Mr Chen subsequently admitted on television that he had taken bribes to fabricate stories about a part state-owned company.";
        assertThat(names(fr, en)).isEmpty();
        assertThat(names(fr, en.replace("Mr Chen", "Mr. Chen"))).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("Mr Chen", "Mr Wang"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Chen").contains("Wang");
    }

    @Test
    void aNameOfTheArticlePutInAnothersPlaceIsFlagged() {
        String fr = "Airbus et Boeing revendiquent tous les deux un rendement par siège 20 % supérieur à celui du leader du marché, le Boeing 777-300ER de 365 sièges.";
        String en = "Both Airbus and Boeing claim 20 per cent better efficiency per seat than the market leader, the 365-seat Boeing 777-300ER.";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("Both Airbus and Boeing", "Both Airbus and Embraer"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Boeing").contains("Embraer");
    }

    @Test
    void institutionsAfterAnArticleAreNotNamesTheTranslationMustKeep() {
        // "Au Tribunal", "Les Bourses": the sentence opens with an article; the translation renders the noun
        assertThat(names("Au Tribunal de première instance de Colchester, Howie a admis l'infraction de conduite sans la prudence requise.",
                "At Colchester Magistrates' Court, Howie admitted a charge of driving without due care.")).isEmpty();
        assertThat(names("Les Bourses européennes en baisse à la mi-séance, sauf Londres",
                "European Markets Down at Midday, except London")).isEmpty();
    }

    @Test
    void aNameRenderedByItsInitialsOrAnAcronymSpelledOutIsRendered() {
        assertThat(names("L'ancien ministre de Nouvelle-Galles du Sud Paul Kerr a démissionné jeudi.",
                "Former NSW minister Paul Kerr resigned on Thursday.")).isEmpty();
        assertThat(names("Cogeco a racheté Atlantic Broadband, un câblodistributeur établi aux États-Unis, en 2012.",
                "In 2012 Cogeco bought Atlantic Broadband, a US-based cable company.")).isEmpty();
        assertThat(names("Le rapport de l'OIAC, qui travaille avec l'ONU, a été publié mardi.",
                "The report of the OPCW, which works with the United Nations, was published on Tuesday.")).isEmpty();
        // an acronym re-lettered in English is no swapped name
        assertThat(names("Un groupe a revendiqué une attaque DSD contre le site de Microsoft.",
                "A group claimed a DDoS attack on the Microsoft site.")).isEmpty();
    }

    @Test
    void aDemonymInAPlacesSteadIsASwappedName() {
        String fr = "Il vit désormais en Espagne avec sa famille et ses deux chiens.";
        assertThat(names(fr, "He now lives in Spain with his family and his two dogs.")).isEmpty();
        List<SourceRule.Hit> hits = names(fr, "He now lives in French with his family and his two dogs.");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Espagne").contains("French");
        // a demonym used as an adjective renders the capital that stands for the country
        assertThat(names("Le gouvernement de Madrid a refusé de commenter la décision.",
                "The Spanish government refused to comment on the decision.")).isEmpty();
    }

    @Test
    void aNameAfterAnArabicParticleIsAName() {
        String fr = "Les forces du président Bachar el-Assad ont repris la ville samedi.";
        assertThat(names(fr, "President Bashar al-Assad's forces retook the city on Saturday.")).isEmpty();
        assertThat(names(fr, "President Bashar Ahmed's forces retook the city on Saturday.")).hasSize(1);
    }

    @Test
    void aNameAfterAnElidedOrContractedArticleIsANameTheTranslationMustKeep() {
        // "dans l'Essex", "au Hezbollah": the translation writes the name once, where it was swapped
        String fr = "Andrew Howie, 35 ans, de Tiptree dans l'Essex, a été repéré conduisant sa Mercedes Benz sur l'A120 à hauteur de Braintree le 27 mai.";
        String en = "Andrew Howie, 35, of Tiptree, Essex, was spotted driving his Mercedes Benz on the A120 at Braintree on 27 May.";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("Essex", "Scotland"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Essex").contains("Scotland");
        // an institution French capitalizes after the article, its phrase going on in lower case, is no such name
        assertThat(names("Le président du Conseil italien Enrico Letta juge que son gouvernement tiendra jusqu'en 2015.",
                "Italian Council President Enrico Letta believes his government will last until 2015.")).isEmpty();
    }

    @Test
    void aWeekdayInsideANameAndAWordOfTheOriginalResemblingTheMissingOneAreStandIns() {
        // "the Friday Stones' tour": a weekday the original lacks, standing in a name phrase
        String fr = "Perry était l'une des chanteuses à faire une apparition lors de la tournée des Rolling Stones cette année.";
        String en = "Perry was one of the singers to make a guest appearance on the Rolling Stones' tour this year.";
        assertThat(names(fr, en)).isEmpty();
        assertThat(names(fr, en.replace("Rolling", "Friday"))).hasSize(1);
        // "Yongzhou" renders itself, not "Guangzhou", whose letters it shares
        String fr2 = "Le New Express basé à Guangzhou a publié un rare appel public pour la libération du journaliste Chen Yongzhou.";
        String en2 = "The Guangzhou-based New Express made a rare public plea for the release of journalist Chen Yongzhou.";
        assertThat(names(fr2, en2)).isEmpty();
        assertThat(names(fr2, en2.replace("Guangzhou", "Roger"))).hasSize(1);
    }
}
