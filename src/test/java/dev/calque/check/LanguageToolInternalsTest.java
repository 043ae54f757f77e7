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
        assertThat(cache).as(LanguageToolInternals.SPELLER_CACHE).isNotNull();
        // the cache is the one LanguageTool fills: preloading puts the snapshot's dictionary in it
        synchronized (cache) {
            cache.clear();
        }
        assertThat(SpellerSnapshot.preload("en-US")).as("dictionaries preloaded into " + LanguageToolInternals.SPELLER_CACHE)
                .isEqualTo(1);
        synchronized (cache) {
            assertThat(cache).hasSize(1);
        }
    }
}
