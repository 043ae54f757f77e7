package dev.calque.check;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.rules.spelling.morfologik.MorfologikSpellerRule;

/**
 * LanguageTool's start-up, begun ahead of the first check: seconds on two cores, most of the time to
 * the first finding. {@link Checker} begins it for its language before it loads the rule packs, and
 * two daemon threads share it:
 * <ul>
 * <li>one builds the first {@link JLanguageTool} instance (its rules are parsed), handed over once to
 * the first checker thread that needs one;</li>
 * <li>one readies the language's shared components, which LanguageTool otherwise readies lazily on an
 * instance's first check: the spelling dictionaries (from {@link SpellerSnapshot}), the part-of-speech
 * tagger, the OpenNLP chunker, the multi-word chunkers, the disambiguation rules and the multi-word
 * speller. LanguageTool creates each of those under its own lock, so a check that needs one before it
 * is ready waits for it rather than building it twice.</li>
 * </ul>
 */
final class Startup {
    /**
     * Instances are built and warmed one at a time: LanguageTool fills shared caches lazily on an
     * instance's first use, and Calque does not rely on that being safe to do from two threads at once.
     */
    static final Object INIT = new Object();

    private static final Map<String, Startup> PENDING = new ConcurrentHashMap<>();

    private final String code;
    private final CompletableFuture<JLanguageTool> tool;
    /** Counted down when the spelling dictionaries are in LanguageTool's cache (or failed to get there). */
    private final CountDownLatch dictionaries = new CountDownLatch(1);

    private Startup(Language language, boolean speller) {
        this.code = language.getShortCodeWithCountryAndVariant();
        this.tool = CompletableFuture.supplyAsync(() -> {
            synchronized (INIT) {
                Trace.mark("lt build");
                JLanguageTool t = new JLanguageTool(language);
                Trace.mark("lt built");
                return t;
            }
        }, job -> daemon("calque-languagetool-init", job));
        daemon("calque-language-warm", () -> warm(language, speller));
    }

    /**
     * Begins LanguageTool's start-up for a language if it has not begun.
     *
     * @param speller whether the spelling dictionaries will be needed (LanguageTool's rules are on)
     */
    static Startup begin(Language language, boolean speller) {
        return PENDING.computeIfAbsent(language.getShortCodeWithCountryAndVariant(), c -> new Startup(language, speller));
    }

    /** The instance built ahead, to the first caller only; {@code null} to any later one. */
    JLanguageTool claim() {
        return PENDING.remove(code, this) ? tool.join() : null;
    }

    /**
     * Waits until the spelling dictionaries are in LanguageTool's cache: that cache is a plain map, which
     * must not be read by a check while this start-up fills it. Call before an instance's first check.
     */
    void awaitDictionaries() {
        try {
            dictionaries.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warm(Language language, boolean speller) {
        try {
            Trace.mark("warm start");
            if (speller) {
                SpellerSnapshot.preload(code);
                // loads the binary dictionary into LanguageTool's shared cache and, for a language with no
                // snapshot, compiles the word lists into it
                if (language.getDefaultSpellingRule() instanceof MorfologikSpellerRule m) m.isMisspelled("warmup");
            }
        } catch (IOException | RuntimeException ignored) {
            // only a warm-up: the first check builds whatever is not ready
        } finally {
            dictionaries.countDown();
        }
        try {
            Trace.mark("speller ready");
            String sample = "The minister told reporters on Monday that the talks in Geneva would resume.";
            language.getSentenceTokenizer().tokenize(sample);
            List<String> words = language.getWordTokenizer().tokenize(sample);
            List<AnalyzedTokenReadings> tagged = language.getTagger().tag(words);
            if (language.getChunker() != null) language.getChunker().addChunkTags(tagged);
            // the sentence as JLanguageTool assembles it: a sentence-start token, then the words
            AnalyzedTokenReadings[] tokens = new AnalyzedTokenReadings[tagged.size() + 1];
            tokens[0] = new AnalyzedTokenReadings(new AnalyzedToken("", JLanguageTool.SENTENCE_START_TAGNAME, null), 0);
            int pos = 0;
            for (int i = 0; i < tagged.size(); i++) {
                tagged.get(i).setStartPos(pos);
                pos += tagged.get(i).getToken().length();
                tokens[i + 1] = tagged.get(i);
            }
            AnalyzedSentence sentence = language.getDisambiguator().disambiguate(new AnalyzedSentence(tokens));
            if (language.getPostDisambiguationChunker() != null) {
                language.getPostDisambiguationChunker().addChunkTags(Arrays.asList(sentence.getTokens()));
            }
            language.getSynthesizer();
            Trace.mark("components ready");
            language.getMultitokenSpeller(); // its phrase tables load on the first multi-word spelling match
            Trace.mark("multitoken ready");
        } catch (IOException | RuntimeException ignored) {
            // only a warm-up: the first check readies whatever is not ready yet
        }
    }

    /** Start-up work that must not keep the JVM alive when the command is done. */
    private static void daemon(String name, Runnable job) {
        Thread t = new Thread(job, name);
        t.setDaemon(true);
        t.start();
    }
}
