package dev.calque.bilingual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The German, Spanish and Chinese sections of rules/xx-en/source.yml, read as the checks read an
 * original: each passage reduced to the values the translation must have. Sentences from news of each
 * language (the Chinese ones from the WMT23 zh-en dev corpus in ../shared/eval).
 */
class SourceConventionsTest {
    static ConventionTable languages;
    static SourceRules.Pack pack;

    @BeforeAll
    static void load() {
        pack = SourceRules.load(List.of(Path.of("rules")), "en", "fr");
        languages = pack.conventions();
    }

    /** What one rule flags in a translated segment beside its original in a language: the flagged passages. */
    private static List<String> flagged(String rule, String lang, String original, String translation) {
        BilingualArticle b = BilingualArticle.ofSegments("t.tsv", "text/tab-separated-values", lang,
                List.of(new SegmentPair("1", original, translation)));
        SourceRule r = pack.rules().stream().filter(x -> x.info().id().equals(rule)).findFirst().orElseThrow();
        return r.find(b, languages).stream().map(h -> translation.substring(h.start(), h.end())).toList();
    }

    @Test
    void theNumberAndDateRulesReadTheseOriginals() {
        // faithful translations: nothing to say
        assertThat(flagged("SOURCE_NUMBER", "zh", "参加人数可能在60万到80万之间，投资者超过7.2亿人。",
                "Between 600,000 and 800,000 people may take part, and there are more than 720 million investors.")).isEmpty();
        assertThat(flagged("SOURCE_DATE", "zh", "中新网北京2月11日电，周六集会。", "Beijing, February 11 (China News) - the rally is on Saturday.")).isEmpty();
        assertThat(flagged("SOURCE_NUMBER", "de", "Am 3. Oktober kamen 1.500 Menschen, dazu 2,5 Millionen Euro.",
                "On October 3, 1,500 people came, plus 2.5 million euros.")).isEmpty();
        assertThat(flagged("SOURCE_NUMBER", "es", "El martes llegaron 1,5 millones de personas a las 14.30 horas.",
                "On Tuesday 1.5 million people arrived at 2:30 p.m.")).isEmpty();
        // a changed figure, a changed day
        assertThat(flagged("SOURCE_NUMBER", "zh", "参加人数可能在60万到80万之间。", "Between 600,000 and 8 million people may take part."))
                .containsExactly("8 million");
        assertThat(flagged("SOURCE_DATE", "zh", "集会安排在周六。", "The rally is scheduled for Sunday.")).containsExactly("Sunday");
        assertThat(flagged("SOURCE_NUMBER", "de", "Dazu kommen 2,5 Millionen Euro.", "Add to that 25 million euros."))
                .containsExactly("25 million");
        assertThat(flagged("SOURCE_DATE", "es", "El martes llegaron los ministros.", "The ministers arrived on Thursday."))
                .containsExactly("Thursday");
    }

    private static List<String> values(String lang, String passage) {
        return Quantities.of(passage, languages.of(lang)).stream().map(v -> v.key() + "=" + passage.substring(v.start(), v.end())).toList();
    }

    @Test
    void german() {
        assertThat(values("de", "Am 3. Oktober kamen 1.500 Menschen, am Dienstag um 14.30 Uhr weitere 2,5 Millionen."))
                .containsExactly("n:3=3", "month:10=Oktober", "n:1500=1.500", "weekday:2=Dienstag", "t:14:30=14.30 Uhr",
                        "n:2500000=2,5 Millionen");
        assertThat(values("de", "Der Haushalt sieht 4,2 Mrd. Euro vor, eine Billion Schulden, zwölf Minister."))
                .containsExactly("n:4200000000=4,2 Mrd", "n:1000000000000=Billion", "n:12=zwölf");
    }

    @Test
    void spanish() {
        assertThat(values("es", "El martes 3 de octubre, 1,5 millones de personas; a las 14.30 horas, 1.500 mil millones."))
                .containsExactly("weekday:2=martes", "n:3=3", "month:10=octubre", "n:1500000=1,5 millones",
                        "t:14:30=14.30", "n:1500000000000=1.500 mil millones");
        // as Latin American news writes it, and Spanish's billón (10^12)
        assertThat(values("es", "Una inversión de 1.5 millones y una deuda de dos billones."))
                .containsExactly("n:1500000=1.5 millones", "n:2000000000000=dos billones");
    }

    @Test
    void chinese() {
        assertThat(values("zh", "中新网北京2月11日电 从2月10日起，河南"))
                .containsExactly("month:2=2月", "n:11=11", "month:2=2月", "n:10=10");
        assertThat(values("zh", "参加人数可能在60万到80万之间，私募基金规模约26万亿元，投资者超过7.2亿人"))
                .containsExactly("n:600000=60万", "n:800000=80万", "n:26000000000000=26万亿", "n:720000000=7.2亿");
        assertThat(values("zh", "今天能有超过一百万人参加集会，三十五名队员，两千元，周六集会，星期天"))
                .containsExactly("n:1000000=一百万", "n:35=三十五", "n:2000=两千", "weekday:6=周六", "weekday:7=星期天");
        // full-width digits and percent, and a time
        assertThat(values("zh", "占比为４１．４％，下午14:30开始"))
                .containsExactly("n:41.4=４１．４", "t:14:30=14:30");
        // the ISO date of a page footer, on either side
        assertThat(values("zh", "2023-02-11 13:09:10 [来源:新华社]"))
                .containsExactly("n:2023=2023", "month:2=02", "n:11=11", "t:13:09=13:09", "n:10=10");
        assertThat(values("en", "2023-02-11 [Source: Xinhua]")).containsExactly("n:2023=2023", "month:2=02", "n:11=11");
        // a letter of Latin script before a digit still makes a code, not a number
        assertThat(values("zh", "协调(SSC5)")).isEmpty();
    }

    @Test
    void frenchAndEnglishReadAsBefore() {
        assertThat(values("fr", "Le déficit atteint 1,5 milliard d'euros, soit 10 000 emplois, jeudi à 14h30."))
                .containsExactly("n:1500000000=1,5 milliard", "n:10000=10 000", "weekday:4=jeudi", "t:14:30=14h30");
        assertThat(values("en", "The deficit reaches 1.5 billion euros, or 10,000 jobs, on Thursday at 2:30 p.m."))
                .containsExactly("n:1500000000=1.5 billion", "n:10000=10,000", "weekday:4=Thursday", "t:14:30=2:30 p.m.");
    }
}
