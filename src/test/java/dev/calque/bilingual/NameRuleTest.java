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
        // a singular demonym before a verb is the subject of its clause: it stands for a name too
        String google = "Bien que Google travaille actuellement sur un modèle de Google Glass équipé de verres de correction, aucune date n'a encore été confirmée.";
        assertThat(names(google, "Although Google is currently working on a model of Google Glass equipped with corrective lenses, no date has yet been announced."))
                .isEmpty();
        hits = names(google, "Although European is currently working on a model of Google Glass equipped with corrective lenses, no date has yet been announced.");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Google").contains("European");
        // an adjective before its noun, and a people, are no subject standing for a name
        assertThat(names("Le gouvernement de Madrid a refusé de commenter la décision.",
                "The Spanish government has refused to comment on the decision.")).isEmpty();
        assertThat(names("Les habitants de Madrid ont refusé de commenter la décision, selon Pedro Sánchez.",
                "The Spanish have refused to comment on the decision, according to Pedro Sánchez.")).isEmpty();
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

    @Test
    void aWordReplacedInANameTheTranslationOtherwiseCopiesIsFlagged() {
        // "Britain Bowie": the original's first name opens its sentence, the surname is copied beside the stand-in
        String fr = "David Bowie a d'ailleurs fait les présentations de ce beau coffret dans une vidéo.";
        assertThat(names(fr, "Moreover, David Bowie has introduced this fine box-set through a video.")).isEmpty();
        List<SourceRule.Hit> hits = names(fr, "Moreover, Britain Bowie has introduced this fine box-set through a video.");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("David").contains("Britain");
        // the name written twice, the original's form kept and its English gloss beside it
        String fr2 = "Michel Venne, de l'Institut du Nouveau Monde, a identifié plusieurs défis pour la commission scolaire.";
        String en2 = "Michel Venne, from the Institut du Nouveau Monde (New World Institute) has identified a number of challenges for the School Board.";
        assertThat(names(fr2, en2)).isEmpty();
        assertThat(names(fr2, en2.replace("Institut du", "Angeles du"))).hasSize(1);
        // a part of a hyphenated name
        String fr3 = "Arbitre des oeuvres d'autrui dans son bureau de la rue Gaston-Gallimard?";
        assertThat(names(fr3, "Does he play an arbiter of the work of others from his office in Rue Gaston-Gallimard?")).isEmpty();
        assertThat(names(fr3, "Does he play an arbiter of the work of others from his office in Rue Glass-Gallimard?")).hasSize(1);
    }

    @Test
    void aNameTranslatedInPartOrASentencesOpeningWordIsNoCopiedName() {
        // a compound place translated in part loses its hyphen; "Mais" opens the sentence as "But" does
        assertThat(names("Une maison historique construite en 1850 été la proie des flammes dans le Vieux-Québec vendredi midi.",
                "A historic house built in 1850 went up in flames in Old Quebec on Friday at noon.")).isEmpty();
        assertThat(names("Mais Berlin n'a plus besoin de Paris comme passeport de sa légitimité politique.",
                "But Berlin no longer needs Paris as a passport to its political legitimacy.")).isEmpty();
        assertThat(names("Ben Greenman : Dixième anniversaire du New York Comedy Festival : The New Yorker",
                "Ben Greenman: The Tenth Anniversary of the New York Comedy Festival: The New Yorker")).isEmpty();
    }

    @Test
    void englishWordOrderInANameIsNoSwapButAStandInBesideTheKeptWordIs() {
        // "Travaux Publics": "Public Works" (the French noun first goes last); "l'Institut Pasteur": "the Pasteur Institute"
        assertThat(names("Pour rappel, la ministre bruxelloise des Travaux Publics et des Transports a lancé ce jeudi un projet test.",
                "The Minister of Public Works and Transports in Brussels had launched a test project on Thursday.")).isEmpty();
        String fr = "Les tests pratiqués par l'Institut Pasteur sur un patient se sont révélés négatifs.";
        assertThat(names(fr, "Tests carried out by the Pasteur Institute on a patient turned out negative.")).isEmpty();
        List<SourceRule.Hit> hits = names(fr, "Tests carried out by the Jagger Institute on a patient turned out negative.");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Pasteur").contains("Jagger");
    }

    @Test
    void ofSeveralStandInsTheOneWhereTheMissingNameStoodIsFlagged() {
        String fr = "La chaîne à capitaux saoudiens a indiqué que le bombardement a visé une cargaison destinée au Hezbollah au Liban.";
        String en = "The Saudi-owned channel stated that the bombing targeted a shipment intended for Hezbollah in Lebanon.";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("for Hezbollah", "for Runway"));
        assertThat(hits).hasSize(1);
        assertThat(en.replace("for Hezbollah", "for Runway").substring(hits.get(0).start(), hits.get(0).end())).isEqualTo("Runway");
        // a name English writes before a word English capitalizes in a title, where the translation reorders the sentence
        String fr2 = "Au Tribunal de première instance de Colchester, Howie a admis l'infraction de conduite sans la prudence requise.";
        String en2 = "At Colchester Magistrates' Court Howie admitted a charge of driving without due care.";
        assertThat(names(fr2, en2)).isEmpty();
        List<SourceRule.Hit> hits2 = names(fr2, en2.replace("Colchester", "Germany"));
        assertThat(hits2).hasSize(1);
        assertThat(hits2.get(0).message()).contains("Colchester").contains("Germany");
    }

    @Test
    void aSentenceOpeningNameTheTranslationWritesElsewhereIsAName() {
        String fr = "Kiev a besoin par ailleurs de liquidités pour régler ses importations de gaz. La Russie accuse Kiev de ne pas avoir payé.";
        String en = "Moreover, Kiev needs liquid assets to pay for its gas imports. Russia accuses Kiev of not having paid.";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("Moreover, Kiev", "Moreover, Quebec"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Kiev").contains("Quebec");
    }

    @Test
    void aDemonymJoinedAsANounToANameStandsInButPeoplesAndLanguagesDoNot() {
        String fr = "Je me souviens aussi d'une courte nuit à discuter avec Roger et Marchiani.";
        assertThat(names(fr, "I also remember a short night spent talking to Roger and Marchiani.")).isEmpty();
        assertThat(names(fr, "I also remember a short night spent talking to Roger and American.")).hasSize(1);
        assertThat(names("Francs et Gaulois, Armagnacs et Bourguignons, catholiques et protestants: les forces de division sont très anciennes.",
                "Franks and Gauls, Armagnacs and Burgundians, Catholics and Protestants: the forces of division are very old.")).isEmpty();
    }

    @Test
    void aWordOfTheOriginalRendersItselfAndATableNameIsReadWhereItStands() {
        // "Hall" is the original's own word, no rendering of "Halifax"
        String fr = "Mlle Hall, d'Halifax dans le West Yorkshire, a déclaré : « J'étais terrifiée. »";
        assertThat(names(fr, "Miss Hall, from Halifax, West Yorkshire, said: \"I was terrified.\"")).isEmpty();
        assertThat(names(fr, "Miss Hall, from Syria, West Yorkshire, said: \"I was terrified.\"")).hasSize(1);
        // "les Nations unies" is in the name-form table, so "Nations" after the article is a name
        String fr2 = "Le mouvement est considéré comme une organisation terroriste par les Etats-Unis et les Nations unies.";
        assertThat(names(fr2, "The movement is considered by the United States and the United Nations to be a terrorist organization.")).isEmpty();
        assertThat(names(fr2, "The movement is considered by the United States and the United Royal to be a terrorist organization.")).hasSize(1);
    }

    @Test
    void aWordSwappedInASecondCopyOfAHyphenatedNameIsFlagged() {
        String fr = "Vivre ensemble en français, le défi de la commission scolaire Marguerite-Bourgeoys";
        String en = "Living together in French is the challenge facing the Commission Scolaire Marguerite-Bourgeoys (Marguerite Bourgeoys School Board).";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("(Marguerite Bourgeoys", "(Marguerite Security"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Bourgeoys").contains("Security");
        // the French name beside its translation in part: the translated adjective stands before the copied word
        assertThat(names("Une maison historique a été la proie des flammes dans le Vieux-Québec vendredi.",
                "A historic house went up in flames in the Vieux-Québec (Old Quebec) on Friday.")).isEmpty();
    }

    @Test
    void anInternationalBodyWithAnotherEnglishNameIsRenderedByIt() {
        String fr = "Le ministère précise que \"la France est déclarée officiellement indemne de cette maladie en novembre 2001 par l'Office international des épizooties (OIE)\".";
        String en = "The Ministry states that \"France was officially declared free of this disease by the World Organisation for Animal Health (OIE) in November 2001\".";
        assertThat(names(fr, en)).isEmpty();
        assertThat(names(fr, en.replace("World Organisation for Animal Health", "Kremlin"))).hasSize(1);
    }

    @Test
    void aDemonymTheOriginalHasNoWordForStandsInForAName() {
        String fr = "Enlevé à Beyrouth le 8 mars 1986 avec trois membres de son équipe d'\"Antenne 2\" venue filmer une manifestation du Hezbollah, le journaliste Jean-Louis Normandin a été libéré près de 21 mois plus tard, le 27 novembre 1987.";
        String en = "Journalist Jean-Louis Normandin was kidnapped in Beirut on 08 March 1986, along with three members of his Antenne 2 team who had come to film a Hezbollah demonstration, and was set free almost 21 months later, on 27 November 1987.";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("a Hezbollah demonstration", "a American demonstration"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Hezbollah").contains("American");
        // a demonym the original has a word for qualifies a noun: "français" renders French, whatever its first letters
        assertThat(names("Des manifestants français ont rejoint le cortège du Hezbollah.", "French demonstrators joined the Hezbollah procession.")).isEmpty();
        // a name ending in -ian is no demonym for its shape alone
        String fr2 = "Les ventes de pickups Silverado et Sierra, qui ont été redessinés pour le modèle 2014, ont augmenté d'environ 20 % au cours des 10 premiers mois de l'année, a déclaré GM vendredi.";
        String en2 = "Sales of the Silverado and Sierra trucks, which were redesigned for the 2014 model year, were up about 20 percent during the first 10 months of the year, GM said on Friday.";
        assertThat(names(fr2, en2)).isEmpty();
        hits = names(fr2, en2.replace("Silverado", "Sebastian"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Silverado").contains("Sebastian");
    }

    @Test
    void aLoneNameNothingInTheOriginalAccountsForIsAdded() {
        String fr = "Selon des examens de la Commission européenne, la France a été le pays le plus touché par la présence de ce type de viande dans des produits censés contenir uniquement du boeuf.";
        String en = "According to investigations by the European Commission, France was the most affected by the presence of this type of meat in products which are supposed to contain beef only.";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("France was", "Israeli was"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Israeli");
        String fr2 = "La nouvelle a été rapportée jeudi par le \"National Catholic Reporter\", un journal catholique indépendant des États-Unis.";
        String en2 = "The news was reported on Thursday by the National Catholic Reporter, an independent Catholic newspaper in the United States.";
        assertThat(names(fr2, en2)).isEmpty();
        assertThat(names(fr2, en2.replace("independent Catholic", "independent College"))).hasSize(1);
        // an original in another script writes none of the English's names: nothing to tell an added one by
        SourceRule rule = PACK.rules().stream().filter(r -> r.info().id().equals("SOURCE_NAME")).findFirst().orElseThrow();
        BilingualArticle zh = BilingualArticle.of(Article.ofText("t.txt", "The Chinese team beat Brazil on Sunday in Shanghai."),
                Original.of("t.zh.txt", "zh", "中国队周日在上海击败了巴西队。"));
        assertThat(rule.find(zh, PACK.conventions())).isEmpty();
        // a demonym before a title word makes a name of them, which English writes so
        assertThat(names("Des Français nous amènent à l'ambassade de France.", "Some French people take us to the French Embassy.")).isEmpty();
        // after a determiner English capitalizes title words: no name added
        assertThat(names("Le gouvernement a confirmé la nouvelle jeudi.", "The Government confirmed the news on Thursday.")).isEmpty();
    }

    @Test
    void ofSeveralStandInsTheOneBesideTheMissingNamesNeighboursIsFlagged() {
        String fr = "\"Ou soit il le vendait à quelqu'un d'autre et c'est ce qui s'est passé\", explique Paul Arsenault, titulaire de la Chaire de tourisme Transat à l'École des sciences de la gestion de l'UQAM.";
        String en = "\"Or sell it to someone else, which is what happened,\" explains Paul Arsenault, holder of the Transat Chair in Tourism at the School of Management at the UQAM.";
        assertThat(names(fr, en)).isEmpty();
        List<SourceRule.Hit> hits = names(fr, en.replace("Transat Chair", "Corporal Chair"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Transat").contains("Corporal");
        // a rendering with capitalized words of its own ("Chasseurs alpins": "French Alpine Troops") is no stand-in
        String fr2 = "Les deux militaires au 13e bataillon des Chasseurs alpins de Chambéry, ont été retrouvés \"épuisés, mais non blessés\".";
        String en2 = "The two men, who are soldiers in the 13th Battalion of French Alpine Troops stationed in Chambéry, were found \"exhausted but uninjured\".";
        assertThat(names(fr2, en2)).isEmpty();
        hits = names(fr2, en2.replace("in Chambéry", "in Texas"));
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).message()).contains("Chambéry").contains("Texas");
    }
}
