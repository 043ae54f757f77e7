package dev.calque.check;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import morfologik.stemming.Dictionary;
import org.languagetool.JLanguageTool;
import org.languagetool.rules.spelling.morfologik.MorfologikMultiSpeller;

/**
 * The one place where Calque reaches into LanguageTool's private state, for a start-up shortcut only
 * ({@link SpellerSnapshot}): LanguageTool has no public way to hand it precompiled spelling
 * dictionaries. If a LanguageTool upgrade renames or retypes what is used here, {@link #spellerCache}
 * says so in one line, {@code LanguageToolInternalsTest} fails the build with that line, and at run
 * time Calque starts the slow way with the same findings.
 */
final class LanguageToolInternals {
    static final String SPELLER_CACHE = MorfologikMultiSpeller.class.getName() + ".dicPathToDict";

    private LanguageToolInternals() {
    }

    /**
     * LanguageTool's static cache of the spelling dictionaries it compiles from plain-text word lists,
     * keyed by the word lists' paths and the info file.
     *
     * @throws IllegalStateException naming LanguageTool's version and the field, when it is not there
     *                               as a static map any more
     */
    @SuppressWarnings("unchecked")
    static Map<String, Dictionary> spellerCache() {
        try {
            Field f = MorfologikMultiSpeller.class.getDeclaredField("dicPathToDict");
            if (!Modifier.isStatic(f.getModifiers()) || !Map.class.isAssignableFrom(f.getType())) {
                throw new IllegalStateException(changed("is no longer a static Map"));
            }
            f.setAccessible(true);
            Object cache = f.get(null);
            if (cache == null) throw new IllegalStateException(changed("is null"));
            return (Map<String, Dictionary>) cache;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(changed("no longer exists"), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof IllegalStateException ise) throw ise;
            throw new IllegalStateException(changed("cannot be read (" + e + ")"), e);
        }
    }

    private static String changed(String what) {
        return "LanguageTool " + JLanguageTool.VERSION + ": " + SPELLER_CACHE + " " + what
                + "; SpellerSnapshot cannot preload the spelling dictionaries (start-up is slower, findings are the"
                + " same). Adapt dev.calque.check.LanguageToolInternals to this LanguageTool, or drop the snapshot.";
    }
}
