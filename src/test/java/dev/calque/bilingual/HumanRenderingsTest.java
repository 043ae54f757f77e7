package dev.calque.bilingual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ways human translators render an original that the rules reading it must accept, each beside the
 * same sentence with a real error in it. Sentences of the human newstest2014 fr-en translations
 * (../shared/eval), as segments of a bilingual file so that alignment plays no part.
 */
class HumanRenderingsTest {
    static SourceRules.Pack pack;

    @BeforeAll
    static void load() {
        pack = SourceRules.load(List.of(Path.of("rules"), Path.of("rules/opt-in")), "en", "fr");
    }

    private static List<String> flagged(String rule, String original, String translation) {
        BilingualArticle b = BilingualArticle.ofSegments("t.tsv", "text/tab-separated-values", "fr",
                List.of(new SegmentPair("1", original, translation)));
        SourceRule r = pack.rules().stream().filter(x -> x.info().id().equals(rule)).findFirst().orElseThrow();
        return r.find(b, pack.conventions()).stream().map(h -> translation.substring(h.start(), h.end())).toList();
    }

    private static List<String> flaggedInSegments(String rule, List<SegmentPair> segments) {
        BilingualArticle b = BilingualArticle.ofSegments("t.tsv", "text/tab-separated-values", "fr", segments);
        SourceRule r = pack.rules().stream().filter(x -> x.info().id().equals(rule)).findFirst().orElseThrow();
        return r.find(b, pack.conventions()).stream().map(h -> b.target().text().substring(h.start(), h.end())).toList();
    }

    /** Segments cut mid-sentence ("Nov." read as a full stop on one side): the month crossed the cut with its sentence. */
    @Test
    void aDateCarriedAcrossASegmentCutMidSentenceIsNoChange() {
        String fr1 = "L'annonce de l'Organisation pour l'interdiction des armes chimiques est arrivée avec un jour d'avance sur la date limite du";
        String fr2 = "1er novembre fixée par l'organisation basée à La Haye.";
        String en1 = "The announcement by the Organization for the Prohibition of Chemical Weapons came one day ahead of the Nov.";
        String en2 = "1 deadline set by The Hague-based organization.";
        assertThat(flaggedInSegments("SOURCE_DATE", List.of(new SegmentPair("1", fr1, en1), new SegmentPair("2", fr2, en2)))).isEmpty();
        // the month changed is still seen, across the cut too
        assertThat(flaggedInSegments("SOURCE_DATE", List.of(new SegmentPair("1", fr1, en1.replace("Nov.", "Dec.")),
                new SegmentPair("2", fr2, en2)))).contains("Dec");
        // and two whole sentences do not lend each other their months
        assertThat(flaggedInSegments("SOURCE_DATE", List.of(new SegmentPair("1", "Il est arrivé en mars.", "He arrived in May."),
                new SegmentPair("2", "Elle est partie en mai.", "She left in May.")))).containsExactly("May");
    }

    /** French typography puts a no-break space inside names ("La\u00A0Haye"); the name-form table writes a space. */
    @Test
    void aNameWithANoBreakSpaceIsTheTablesName() {
        String fr = "1er\u00A0novembre fixée par l'organisation basée à La\u00A0Haye ordonnant à Damas de détruire toutes les unités.";
        assertThat(flagged("SOURCE_NAME", fr, "1 deadline set by The Hague-based organization for Damascus to destroy all facilities."))
                .isEmpty();
        assertThat(flagged("SOURCE_NAME", fr, "1 deadline set by the Geneva-based organization for Damascus to destroy all facilities."))
                .containsExactly("Geneva-based");
    }

    /** A negative adjective ("inconnue": not known) and a fixed phrase that is no negation ("sans gravité": minor). */
    @Test
    void aNegativeAdjectiveAndAMinorAccidentAreRead() {
        assertThat(flagged("SOURCE_NEGATION", "La cause de l'explosion reste inconnue, a-t-il ajouté.",
                "The cause of the blast was not known, he said.")).isEmpty();
        assertThat(flagged("SOURCE_NEGATION", "La cause de l'explosion est connue, a-t-il ajouté.",
                "The cause of the blast was not known, he said.")).containsExactly("not");
        assertThat(flagged("SOURCE_NEGATION", "Ruby, un épagneul cocker, s'était échappée après un accident de la route sans gravité.",
                "Cocker spaniel Ruby had run off after she was in a minor road crash.")).isEmpty();
        assertThat(flagged("SOURCE_NEGATION", "Ruby, un épagneul cocker, s'était échappée sans son collier.",
                "Cocker spaniel Ruby had run off with her collar.")).hasSize(1);
    }

    /**
     * Words of the original that say no in no way ("peu après", "n'importe quoi", "la personne"), an elliptical
     * "not" ("sometimes not"), and a weak negation far from the translation's plain one: an added "not" is seen.
     */
    @Test
    void anAddedNotIsSeenBesideWordsThatSayNoInNoWay() {
        String fr = "Des grues sont arrivées sur place peu après 10 heures, et la circulation sur la nationale a été détournée dans la foulée.";
        assertThat(flagged("SOURCE_NEGATION", fr, "Cranes arrived on the site just after 10am, and traffic on the main road was diverted afterwards."))
                .isEmpty();
        assertThat(flagged("SOURCE_NEGATION", fr, "Cranes arrived on the site just after 10am, and traffic on the main road was not diverted afterwards."))
                .containsExactly("not");
        String pretext = "D'autres font un bond de quinze ans en arrière sous prétexte qu'on peut servir à peu près n'importe quoi.";
        assertThat(flagged("SOURCE_NEGATION", pretext, "Others leap backwards fifteen years, under the pretext that you can not put on pretty much whatever you want."))
                .containsExactly("not");
        assertThat(flagged("SOURCE_NEGATION", "Les premières émissions brassent un large choix de chanteurs, pour le meilleur et parfois pour le pire.",
                "The first shows threw in a wide variety of singers, sometimes for the best and sometimes not.")).isEmpty();
        // the weak "peu pratiques" stands at the end, rendered by "impractical"; the "not" near the start renders nothing
        String jabs = "Les injections devaient être répétées si fréquemment pour que les niveaux d'anticorps restent élevés qu'ils étaient trop onéreux et peu pratiques.";
        assertThat(flagged("SOURCE_NEGATION", jabs, "The jabs had to be given so frequently to keep antibody levels topped up that they proved expensive and impractical."))
                .isEmpty();
        assertThat(flagged("SOURCE_NEGATION", jabs, "The jabs had not to be given so frequently to keep antibody levels topped up that they proved expensive and impractical."))
                .containsExactly("not");
        assertThat(flagged("SOURCE_NEGATION", "Les logements y sont peu chers, selon l'agence.", "Housing there is not expensive, according to the agency."))
                .isEmpty();
        String person = "Si le critère était adopté, un demandeur pourrait être contrôlé dans le cas où le candidat est une relation de la personne concernée.";
        assertThat(flagged("SOURCE_NEGATION", person, "If the criteria was not adopted an applicant could be scrutinised where the nominee is a relation of the person concerned."))
                .containsExactly("not");
        assertThat(flagged("SOURCE_NEGATION", "La France est indemne de cas autochtones depuis 2001.", "France has not had any native cases of the disease since 2001."))
                .isEmpty();
        // the expletive "ne" after "avant que" is no negation
        String before = "La députée affirme que la notion de fin de vie devra être clarifiée avant que le projet de loi ne soit adopté.";
        assertThat(flagged("SOURCE_NEGATION", before, "The MP thinks that the concept of end of life needs to be clarified before the bill can be adopted."))
                .isEmpty();
        assertThat(flagged("SOURCE_NEGATION", before, "The MP thinks that the concept of end of life needs to be clarified before the bill can not be adopted."))
                .containsExactly("not");
    }

    @Test
    void litotesAndNotOnlyAreNoNegation() {
        String fr = "Le musicien anglais n'a pas fini de surprendre cette année.";
        assertThat(flagged("SOURCE_NEGATION", fr, "The British musician is full of surprises this year.")).isEmpty();
        assertThat(flagged("SOURCE_NEGATION", "Il dit également que l'étude montre que l'expérience en cabine ne dépend pas seulement de la largeur des sièges.",
                "It also says research shows cabin experience depends on more than the width of a seat.")).isEmpty();
        // rendered word for word, still no contradiction
        assertThat(flagged("SOURCE_NEGATION", fr, "The British musician has not finished surprising us this year.")).isEmpty();
        // a plain negation dropped is still seen
        assertThat(flagged("SOURCE_NEGATION", "La Maison Blanche n'a pas confirmé ces propos.", "The White House confirmed these remarks."))
                .hasSize(1);
    }

    @Test
    void aVerbThatMeansNotIsNoAddedNegation() {
        assertThat(flagged("SOURCE_NEGATION", "Jusqu'à récemment, il se moquait éperdument du chagrin qu'il avait pu causer à d'autres personnes.",
                "Until just recently, he really didn't feel sorry for how much grief he caused other people.")).isEmpty();
        assertThat(flagged("SOURCE_NEGATION", "Jusqu'à récemment, il regrettait le chagrin qu'il avait pu causer à d'autres personnes.",
                "Until just recently, he didn't regret the grief he caused other people.")).containsExactly("n't");
    }

    @Test
    void aScaleWordAfterAHyphenIsRead() {
        String fr = "Derrière la dispute se cache une course aux commandes d'avions pour au moins 700 Md$ de contrats.";
        assertThat(flagged("SOURCE_NUMBER", fr, "Behind the dispute is a race for plane orders with at least $700-billion of business.")).isEmpty();
        assertThat(flagged("SOURCE_NUMBER", fr, "Behind the dispute is a race for plane orders with at least $70-billion of business."))
                .containsExactly("70-billion");
    }

    @Test
    void aMonthAfterAPrefixIsReadAndAWeekdayBesideTheDateMayGo() {
        String fr = "Le tunnel, dont la découverte avait été annoncée mi-octobre, a été détruit.";
        assertThat(flagged("SOURCE_DATE", fr, "The tunnel, the discovery of which was reported in mid-October, was destroyed.")).isEmpty();
        assertThat(flagged("SOURCE_DATE", fr, "The tunnel, the discovery of which was reported in mid-November, was destroyed."))
                .containsExactly("November");
        String dated = "Quatre combattants ont été tués jeudi 31 octobre au soir à la frontière.";
        assertThat(flagged("SOURCE_DATE", dated, "Four fighters were killed on the evening of 31 October at the border.")).isEmpty();
        assertThat(flagged("SOURCE_DATE", dated, "Four fighters were killed on Friday evening, 31 October, at the border."))
                .containsExactly("Friday");
    }

    @Test
    void aTitleWrittenAsItIsNeedsNoQuotationMarks() {
        String fr = "La nouvelle a été rapportée jeudi par le « National Catholic Reporter », un journal catholique indépendant.";
        assertThat(flagged("SOURCE_QUOTE", fr, "The news was reported on Thursday by the National Catholic Reporter, an independent Catholic newspaper.")).isEmpty();
        assertThat(flagged("SOURCE_QUOTE", "« Ce n'était pas un nouvel engagement », a déclaré un responsable.",
                "It was not a new commitment, an official said.")).hasSize(1);
    }

    @Test
    void aShortenedNameIsNoSwap() {
        // "le Front National" (a no-break space inside) becomes "the Front"; "British Labour" renders "Parti travailliste britannique"
        String fr = "Le Front\u00a0National est désormais le parti le plus populaire en France – un avertissement pour le Parti travailliste britannique.";
        assertThat(flagged("SOURCE_NAME", fr, "The Front is now the most popular party in France - a warning to British Labour.")).isEmpty();
        assertThat(flagged("SOURCE_NAME", fr, "The Front Labour is now the most popular party in France - a warning to British workers."))
                .containsExactly("The Front Labour");
        // a place rendered by its adjective, a name by its respelling
        assertThat(flagged("SOURCE_NAME", "Il est grand temps d'arrêter le cheval de Troie de la Flandre.",
                "It is high time to stop the Flemish Trojan Horse.")).isEmpty();
    }

    @Test
    void aNameAfterAnElidedArticleIsSeen() {
        String fr = "Mais l'Attorney General du Texas, le républicain Greg Abbott, a demandé à la cour d'appel d'annuler le jugement.";
        assertThat(flagged("SOURCE_NAME", fr, "But the Attorney General for Texas, Republican Greg Abbott, asked the court of appeal to overturn the judgement.")).isEmpty();
        assertThat(flagged("SOURCE_NAME", fr, "But the Europe General for Texas, Republican Greg Abbott, asked the court of appeal to overturn the judgement."))
                .containsExactly("Europe General");
    }

    @Test
    void aNameOfTwoCapitalizedWordsAfterAPossessiveIsAName() {
        String fr = "Andrew Howie, 35 ans, de Tiptree dans l'Essex, a été repéré conduisant sa Mercedes Benz sur l'A120 à Braintree.";
        assertThat(flagged("SOURCE_NAME", fr, "Andrew Howie, 35, of Tiptree, Essex, was spotted driving his Mercedes Benz on the A120 at Braintree.")).isEmpty();
        assertThat(flagged("SOURCE_NAME", fr, "Andrew Howie, 35, of Tiptree, Essex, was spotted driving his Toyota Benz on the A120 at Braintree."))
                .containsExactly("Toyota Benz");
    }

    /** "Instead" renders the original's "plutôt", "non-compliance" its "non-respect": neither renders its negation. */
    @Test
    void aWordThatRendersAWordOfTheOriginalThatIsNoNegationDoesNotRenderItsNegation() {
        String fr = "Il pense plutôt que les chiens savent par expérience les mouvements dont ils devraient ou ne devraient pas s'inquiéter.";
        String en = "Instead, he believes that they dogs have learned from experience what moves they should and should not feel worried about.";
        assertThat(flagged("SOURCE_NEGATION", fr, en)).isEmpty();
        assertThat(flagged("SOURCE_NEGATION", fr, en.replace("should not", "should"))).hasSize(1);
        String fr2 = "Puisque l'Écosse ne fait pas partie de l'espace Schengen pour le moment, un non-respect continu des règles serait une mince concession.";
        String en2 = "Since Scotland is not in the Schengen area now, continued non-compliance would be a cheap concession.";
        assertThat(flagged("SOURCE_NEGATION", fr2, en2)).isEmpty();
        assertThat(flagged("SOURCE_NEGATION", fr2, en2.replace("is not in", "is in"))).hasSize(1);
        // "only" for "seul" as before: the negation of "n'est pas le seul" gone is seen
        assertThat(flagged("SOURCE_NEGATION", "Ce n'est pas le seul titre de l'album.", "It is the only track on the album.")).hasSize(1);
        assertThat(flagged("SOURCE_NEGATION", "Ce n'est pas le seul titre de l'album.", "It is not the only track on the album.")).isEmpty();
    }

    /** A capitalized word inside an institution's English name renders French lower-case words; a lone one stands in. */
    @Test
    void ofSeveralStandInsTheOneOutsideAnInstitutionsNameIsFlagged() {
        String fr = "Le départ de près de 10 pharmaciens au Centre de santé et services sociaux (CSSS) de Laval a causé tout un émoi.";
        String en = "The departure of almost 10 pharmacists from the Centre for Health and Social Services (CSSS) in Laval has caused turmoil.";
        assertThat(flagged("SOURCE_NAME", fr, en)).isEmpty();
        assertThat(flagged("SOURCE_NAME", fr, en.replace("in Laval", "in Quebec"))).containsExactly("Quebec");
        // and a lower-case word with a name's first letters is another word: "euro" renders no "Europe"
        String fr2 = "Avec la crise de l'euro, le Projet Europe est officiellement mort.";
        assertThat(flagged("SOURCE_NAME", fr2, "With the euro crisis, Project Europe is officially dead.")).isEmpty();
        assertThat(flagged("SOURCE_NAME", fr2, "With the euro crisis, Project Asia is officially dead.")).containsExactly("Project Asia");
    }
}
