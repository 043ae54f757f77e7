package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import morfologik.stemming.Dictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;

/**
 * The spelling dictionaries bundled by the build are the ones LanguageTool compiles itself, and
 * LanguageTool uses them instead of compiling its own.
 */
class SpellerSnapshotTest {

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "en-GB"})
    void theBundledSnapshotIsWhatLanguageToolCompilesNow(String language) throws Exception {
        ByteArrayOutputStream fresh = new ByteArrayOutputStream();
        SpellerSnapshot.write(language, fresh);
        byte[] bundled;
        try (InputStream in = SpellerSnapshot.class.getResourceAsStream(SpellerSnapshot.resource(language))) {
            assertThat(in).as("snapshot built by mvn process-classes").isNotNull();
            bundled = in.readAllBytes();
        }
        assertThat(bundled).isEqualTo(fresh.toByteArray());
    }

    @Test
    void languageToolChecksWithThePreloadedDictionariesAndCompilesNoOther() throws Exception {
        Map<String, Dictionary> cache = SpellerSnapshot.cache();
        synchronized (cache) {
            cache.clear();
        }
        assertThat(SpellerSnapshot.preload("en-US")).isEqualTo(1);
        Map<String, Dictionary> preloaded;
        synchronized (cache) {
            preloaded = Map.copyOf(cache);
        }

        JLanguageTool lt = new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
        // "practicums" is only in LanguageTool's plain-text word list for en-US, not in its binary dictionary
        List<RuleMatch> matches = lt.check("The practicums were long. The practicumz were longer.");

        assertThat(matches).filteredOn(m -> m.getRule().getId().startsWith("MORFOLOGIK"))
                .extracting(RuleMatch::getFromPos).containsExactly("The practicums were long. The ".length());
        synchronized (cache) {
            assertThat(cache).as("LanguageTool found the preloaded dictionaries under its own key").isEqualTo(preloaded);
        }
    }

    @Test
    void aSnapshotOfAnotherLanguageToolVersionIsIgnored() throws Exception {
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        SpellerSnapshot.write("en-GB", current);
        byte[] other = current.toByteArray();
        // the version follows the format number as a modified-UTF-8 string: "6.8" becomes "0.0"
        String version = JLanguageTool.VERSION;
        byte[] stamp = version.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(java.util.Arrays.copyOfRange(other, 6, 6 + stamp.length)).isEqualTo(stamp);
        for (int i = 0; i < stamp.length; i++) if (Character.isDigit(stamp[i])) other[6 + i] = '0';

        Map<String, Dictionary> cache = SpellerSnapshot.cache();
        synchronized (cache) {
            cache.clear();
        }
        assertThat(SpellerSnapshot.preload(new java.io.ByteArrayInputStream(other))).isZero();
        assertThat(SpellerSnapshot.preload(new java.io.ByteArrayInputStream(current.toByteArray()))).isEqualTo(1);
        assertThat(SpellerSnapshot.preload("xx-XX")).as("no snapshot for the language").isZero();
    }
}
