package dev.calque.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import morfologik.stemming.Dictionary;
import org.junit.jupiter.api.Test;

/**
 * Fails, with LanguageTool's version and the field in one line, as soon as a LanguageTool upgrade
 * changes the private state {@link LanguageToolInternals} reads for the start-up snapshot.
 */
class LanguageToolInternalsTest {

    @Test
    void languageToolStillKeepsItsSpellerCacheWhereCalqueLooks() {
        Map<String, Dictionary> cache;
        try {
            cache = LanguageToolInternals.spellerCache();
        } catch (IllegalStateException changed) {
            fail(changed.getMessage());
            return;
        }
        // the map itself is LanguageTool's, shared with other tests' checkers: read it, leave it alone
        // (that LanguageTool then uses what is preloaded there is SpellerSnapshotTest's business)
        assertThat(cache).as(LanguageToolInternals.SPELLER_CACHE).isNotNull().isInstanceOf(Map.class);
    }
}
