package dev.calque.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The segment features that need no model, on sentences of the kinds MT gets wrong. */
class FeaturesTest {
    private static Map<String, Double> features(String text, String source, double documentLogRatio) {
        return Features.segment(text, source, List.of(), RiskModel.bundled().rates(), Set.of(), documentLogRatio);
    }

    @Test
    void frenchWordsLeftInTheTranslationCountAsCopiedUnknownWordsNamesAndEnglishWordsDoNot() {
        String source = "Les patients ont reçu un traitement antalgique à Grenoble.";
        Map<String, Double> left = features("The patients received an antalgique traitement in Grenoble.", source, Double.NaN);
        Map<String, Double> done = features("The patients received painkillers in Grenoble.", source, Double.NaN);
        assertThat(left.get("src_log_copied_unknown")).isEqualTo(Math.log1p(2)); // antalgique, traitement
        assertThat(done.get("src_log_copied_unknown")).isZero(); // patients is English, Grenoble a name
        assertThat(done.get("src_copied_rate")).isPositive();
        assertThat(features("The patients received painkillers.", null, Double.NaN)).doesNotContainKey("src_copied_rate");
    }

    @Test
    void aSegmentMuchShorterThanItsDocumentsHabitHasAShortfallAndNoneWithoutADocument() {
        List<String> targets = List.of("The study included forty patients.", "All of them were older than seventy.",
                "Their frailty was measured twice.", "Results.");
        List<String> sources = List.of("L'étude a inclus quarante patients.", "Tous avaient plus de soixante-dix ans.",
                "Leur fragilité a été mesurée deux fois.", "Les résultats ont été comparés à ceux d'une cohorte de référence.");
        double median = Features.medianLogRatio(targets, sources);
        assertThat(median).isBetween(-0.4, 0.2);
        Map<String, Double> cut = features(targets.get(3), sources.get(3), median);
        assertThat(cut.get("src_ratio_shorter")).isGreaterThan(1.0);
        assertThat(cut.get("src_ratio_longer")).isZero();
        assertThat(features(targets.get(3), sources.get(3), Double.NaN).get("src_ratio_residual")).isZero();
        // two segments are too few to tell a pair's habit from an omission
        assertThat(Features.medianLogRatio(targets.subList(0, 2), sources.subList(0, 2))).isNaN();
    }

    @Test
    void rareTermsForeignScriptAndLoopsShowInTheTokenFeatures() {
        Map<String, Double> plain = features("The minister said on Monday that the talks would go on next week.", null, Double.NaN);
        // the same sentence with two drug names the training translations hardly use
        Map<String, Double> common = features("The patients in the study were treated with the new drug for two weeks.", null,
                Double.NaN);
        Map<String, Double> terms = features("The patients in the study were treated with eculizumab and ravulizumab for two weeks.",
                null, Double.NaN);
        assertThat(terms.get("surprisal_top5")).isGreaterThan(common.get("surprisal_top5"));
        assertThat(terms.get("log_rare_in_training")).isGreaterThan(common.get("log_rare_in_training"));
        assertThat(features("The minister met Путин on Monday.", null, Double.NaN).get("log_foreign_script")).isPositive();
        assertThat(plain.get("log_foreign_script")).isZero();
        Map<String, Double> loop = features("The results of the study show the results of the study show the results.", null,
                Double.NaN);
        assertThat(loop.get("log_repeated_trigrams")).isPositive();
        assertThat(plain.get("log_repeated_trigrams")).isZero();
        assertThat(features("He said (in a statement that the vote was lost.", null, Double.NaN).get("unbalanced_marks"))
                .isEqualTo(1.0);
        assertThat(plain.get("len_9_15")).isEqualTo(1.0);
        assertThat(plain.get("len_le_8")).isZero();
    }

    @Test
    void aChineseOriginalFullOfCharactersTrainingNeverSawScoresAsUnfamiliarAndALatinOriginalScoresZero() {
        // the same frame around a common phrase and around a transliterated place name with rare characters
        Map<String, Double> common = features("The government said the economy grew this year.", "政府表示今年经济增长了。",
                Double.NaN);
        Map<String, Double> names = features("The government said Xishuangbanna's economy grew this year.",
                "政府表示西双版纳傣族自治州今年经济增长了。", Double.NaN);
        assertThat(names.get("src_cjk_unseen_pair_rate")).isGreaterThan(common.get("src_cjk_unseen_pair_rate"));
        assertThat(names.get("src_cjk_surprisal_top5")).isGreaterThan(common.get("src_cjk_surprisal_top5"));
        Map<String, Double> french = features("The committee met on Monday.", "Le comité s'est réuni lundi.", Double.NaN);
        assertThat(french.get("src_cjk_surprisal_per_100")).isZero();
        assertThat(french.get("src_cjk_log_unseen_pairs")).isZero();
        assertThat(features("The committee met on Monday.", null, Double.NaN)).doesNotContainKey("src_cjk_log_rare");
    }

    @Test
    void theSourceCharactersFileCountsCharactersApartFromTheirPairs() throws IOException {
        Vocabulary v = Vocabulary.read(new ByteArrayInputStream(gzip("经\t40\n济\t38\n经济\t30\n傣\t1\n")));
        assertThat(v.count("经济")).isEqualTo(30);
        assertThat(v.characterSurprisal('经')).isLessThan(v.characterSurprisal('傣'));
        assertThat(v.characterSurprisal('傣')).isLessThan(v.characterSurprisal('澜'));
        // the pair's count does not dilute the characters': 经 is 40 of 79 character sightings
        assertThat(v.characterSurprisal('经')).isCloseTo(-Math.log(40.5 / (79 + 3 + 1)), org.assertj.core.data.Offset.offset(1e-9));
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void theVocabularyReadsCountsAndOlderWordListsAndRefusesABadCount() throws IOException {
        Vocabulary v = Vocabulary.read(new ByteArrayInputStream(gzip("the\t900\nfrailty\t3\n")));
        assertThat(v.contains("frailty")).isTrue();
        assertThat(v.surprisal("the")).isLessThan(v.surprisal("frailty"));
        assertThat(v.surprisal("frailty")).isLessThan(v.surprisal("never-seen"));
        Vocabulary old = Vocabulary.read(new ByteArrayInputStream(gzip("the\nfrailty\n")));
        assertThat(old.size()).isEqualTo(2);
        assertThatThrownBy(() -> Vocabulary.read(new ByteArrayInputStream(gzip("the\tmany\n"))))
                .isInstanceOf(IOException.class).hasMessageContaining(":1:");
    }
}
