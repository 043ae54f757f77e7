package dev.calque.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Finding;
import dev.calque.model.Article;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.languagetool.remote.CheckConfigurationBuilder;
import org.languagetool.remote.RemoteLanguageTool;
import org.languagetool.remote.RemoteResult;
import org.languagetool.remote.RemoteRuleMatch;

/** LanguageTool's own Java client, unchanged, against a Calque server: the seed article's artifacts come back. */
class RemoteClientTest {
    static CalqueServer server;
    static RemoteLanguageTool client;
    static String seed;
    static List<Finding> expected;

    /** The seed's artifacts (the brief's eleven): each must come back as a match of this rule on this passage. */
    static final String[][] ARTIFACTS = {
        {"FR_NAME_FORM", "Poutine"}, {"AGENCY_NON_SPEECH_VERB", "swept to AFP"}, {"BROKEN_SPLIT", "area. influence."},
        {"VERBLESS_FRAGMENT", "January 10 in Geneva."}, {"PAGE_FURNITURE", "source site"},
        {"FF_ENGAGEMENT", "engagement"}, {"FF_MINIMIZE", "minimized"}, {"FF_STRONGHOLD", "stronghold"},
        {"WITHOUT_FURTHER_DETAILS", "without further details"}, {"PASS_THROUGH_ABSTRACT", "pass through"},
        {"STRONGMAN_OF", "the strongman of the Kremlin"},
    };

    @BeforeAll
    static void start() throws Exception {
        server = ServerFixture.start();
        client = new RemoteLanguageTool(base(server));
        seed = ServerFixture.seed();
        expected = ServerFixture.checker().check(Article.ofText("seed", seed)).findings();
    }

    /** LanguageTool's client wants the base URL without the final slash. */
    static URL base(CalqueServer s) throws Exception {
        String u = s.uri().toString();
        return new URL(u.substring(0, u.length() - 1));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everyFindingComesBackAsAMatchWithItsOffsetMessageAndReplacements() {
        RemoteResult result = client.check(seed, "en-US");
        List<RemoteRuleMatch> matches = result.getMatches();
        assertThat(matches).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Finding f = expected.get(i);
            RemoteRuleMatch m = matches.get(i);
            assertThat(m.getRuleId()).isEqualTo(f.rule());
            assertThat(m.getErrorOffset()).isEqualTo(f.start());
            assertThat(m.getErrorLength()).isEqualTo(f.end() - f.start());
            assertThat(seed.substring(m.getErrorOffset(), m.getErrorOffset() + m.getErrorLength())).isEqualTo(f.passage());
            assertThat(m.getMessage()).isEqualTo(f.message());
            assertThat(m.getReplacements().orElse(List.of())).isEqualTo(f.suggestions());
            // the context LanguageTool's client shows marks the same passage
            assertThat(m.getContext().substring(m.getContextOffset(), m.getContextOffset() + m.getErrorLength()))
                    .isEqualTo(f.passage());
            assertThat(m.getLocQualityIssueType()).isPresent();
            assertThat(m.getCategoryId()).isPresent();
        }
        assertThat(result.getLanguageCode()).isEqualTo("en-US");
    }

    @Test
    void theArtifactsAreAmongTheMatches() {
        List<RemoteRuleMatch> matches = client.check(seed, "en-US").getMatches();
        for (String[] a : ARTIFACTS) {
            assertThat(matches).as(a[0]).anySatisfy(m -> {
                assertThat(m.getRuleId()).isEqualTo(a[0]);
                assertThat(seed.substring(m.getErrorOffset(), m.getErrorOffset() + m.getErrorLength())).isEqualTo(a[1]);
            });
        }
        RemoteRuleMatch poutine = matches.stream().filter(m -> m.getRuleId().equals("FR_NAME_FORM")).findFirst().orElseThrow();
        assertThat(poutine.getReplacements()).isEqualTo(Optional.of(List.of("Putin")));
        assertThat(poutine.getLocQualityIssueType()).hasValue("untranslated");
    }

    @Test
    void enabledOnlyAndDisabledRulesFilterTheMatches() {
        List<RemoteRuleMatch> only = client.check(seed, new CheckConfigurationBuilder("en-US")
                .enabledRuleIds("FF_ENGAGEMENT").enabledOnly().build()).getMatches();
        assertThat(only).isNotEmpty().allSatisfy(m -> assertThat(m.getRuleId()).isEqualTo("FF_ENGAGEMENT"));
        List<RemoteRuleMatch> without = client.check(seed, new CheckConfigurationBuilder("en-US")
                .disabledRuleIds("FF_ENGAGEMENT").build()).getMatches();
        assertThat(without).hasSize(expected.size() - only.size())
                .noneSatisfy(m -> assertThat(m.getRuleId()).isEqualTo("FF_ENGAGEMENT"));
    }

    @Test
    void anUnknownLanguageIsAnErrorTheClientReports() {
        assertThatThrownBy(() -> client.check(seed, "xx-XX")).hasMessageContaining("400");
    }

    @Test
    void aTokenCanTravelAsLanguageToolsApiKey() throws Exception {
        CalqueServer guarded = ServerFixture.start(ServerOptions.defaults().withToken("s3cret"),
                ServerFixture.service(1, 4, java.time.Duration.ofSeconds(60)));
        try {
            RemoteLanguageTool c = new RemoteLanguageTool(base(guarded));
            assertThatThrownBy(() -> c.check("Vladimir Poutine spoke.", "en-US")).hasMessageContaining("403");
            RemoteResult ok = c.check("Vladimir Poutine spoke.", new CheckConfigurationBuilder("en-US")
                    .username("editor").apiKey("s3cret").build(), Map.of());
            assertThat(ok.getMatches()).extracting(RemoteRuleMatch::getRuleId).contains("FR_NAME_FORM");
        } finally {
            guarded.close();
        }
    }
}
