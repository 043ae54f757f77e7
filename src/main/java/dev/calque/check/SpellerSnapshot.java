package dev.calque.check;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import morfologik.fsa.builders.CFSA2Serializer;
import morfologik.stemming.Dictionary;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.spelling.morfologik.MorfologikSpellerRule;

/**
 * LanguageTool's spelling rule compiles its plain-text word lists into a dictionary automaton each time
 * a JVM first checks a text: on this 2-core machine about 1.9 s of one core, during start-up. Those
 * automata depend only on LanguageTool's version and the language, so the build compiles them once
 * ({@code mvn package} runs {@link #main}) into a snapshot inside Calque's jar, and {@link #preload}
 * puts them in LanguageTool's own dictionary cache before its first check.
 *
 * <p>The snapshot names the LanguageTool version it was made with and is ignored under any other. If
 * LanguageTool's cache cannot be reached (a changed internal: the one reach into LanguageTool's
 * private state is {@link LanguageToolInternals}), nothing is preloaded and LanguageTool compiles the
 * word lists itself, as without the snapshot: findings never depend on it.
 */
public final class SpellerSnapshot {
    private static final int FORMAT = 1;

    private SpellerSnapshot() {
    }

    /** The snapshot resource for a language code such as {@code en-US}. */
    static String resource(String languageCode) {
        return "/dev/calque/check/speller-" + languageCode + ".bin";
    }

    /**
     * Fills LanguageTool's dictionary cache from the bundled snapshot for the language, if there is one
     * for this LanguageTool version. Returns how many dictionaries were preloaded (0: none).
     */
    public static int preload(String languageCode) {
        try (InputStream in = SpellerSnapshot.class.getResourceAsStream(resource(languageCode))) {
            return in == null ? 0 : preload(in);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Fills LanguageTool's dictionary cache from a snapshot; 0 if it is of another LanguageTool version. */
    static int preload(InputStream in) {
        try {
            Map<String, Dictionary> cache = cache();
            DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
            if (data.readInt() != FORMAT || !data.readUTF().equals(JLanguageTool.VERSION)) return 0;
            int count = data.readInt();
            Map<String, Dictionary> read = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String key = data.readUTF();
                byte[] fsa = data.readNBytes(data.readInt());
                byte[] info = data.readNBytes(data.readInt());
                read.put(key, Dictionary.read(new ByteArrayInputStream(fsa), new ByteArrayInputStream(info)));
            }
            synchronized (cache) {
                for (Map.Entry<String, Dictionary> e : read.entrySet()) cache.putIfAbsent(e.getKey(), e.getValue());
            }
            return read.size();
        } catch (IOException | RuntimeException e) {
            // LanguageTool builds its dictionaries itself, as it would without a snapshot (a changed
            // internal: LanguageToolInternals' message says which)
            if (Boolean.getBoolean("calque.trace")) System.err.println("calque: " + e.getMessage());
            return 0;
        }
    }

    /** LanguageTool's cache of compiled plain-text dictionaries (see {@link LanguageToolInternals}). */
    static Map<String, Dictionary> cache() {
        return LanguageToolInternals.spellerCache();
    }

    /** Compiles the language's word lists the way LanguageTool does, and writes what its cache then holds. */
    static void write(String languageCode, OutputStream out) throws IOException, ReflectiveOperationException {
        Language language = Languages.getLanguageForShortCode(languageCode);
        Map<String, Dictionary> cache = cache();
        synchronized (cache) {
            cache.clear();
        }
        // a new rule of the language's spelling-rule class: the language's own may be initialized already
        if (!(language.getDefaultSpellingRule() instanceof MorfologikSpellerRule shared)) {
            throw new IllegalStateException(languageCode + " has no Morfologik spelling rule");
        }
        MorfologikSpellerRule rule = shared.getClass().getConstructor(java.util.ResourceBundle.class, Language.class,
                        org.languagetool.GlobalConfig.class, org.languagetool.UserConfig.class, List.class,
                        org.languagetool.languagemodel.LanguageModel.class, Language.class)
                .newInstance(JLanguageTool.getMessageBundle(language), language, null, null, List.of(), null, null);
        rule.isMisspelled("warmup"); // compiles the dictionaries into the cache
        Map<String, Dictionary> built;
        synchronized (cache) {
            built = new TreeMap<>(cache);
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeUTF(JLanguageTool.VERSION);
        data.writeInt(built.size());
        for (Map.Entry<String, Dictionary> e : built.entrySet()) {
            String infoPath = e.getKey().substring(e.getKey().lastIndexOf('|') + 1);
            byte[] fsa = new CFSA2Serializer().serialize(e.getValue().fsa, new ByteArrayOutputStream()).toByteArray();
            byte[] info;
            try (InputStream in = JLanguageTool.getDataBroker().getFromResourceDirAsStream(infoPath)) {
                info = in.readAllBytes();
            }
            data.writeUTF(e.getKey());
            data.writeInt(fsa.length);
            data.write(fsa);
            data.writeInt(info.length);
            data.write(info);
        }
        data.flush();
    }

    /** Build step: {@code SpellerSnapshot OUTPUT_DIR LANGUAGE...} writes one snapshot per language. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("dev/calque/check");
        Files.createDirectories(dir);
        for (int i = 1; i < args.length; i++) {
            try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("speller-" + args[i] + ".bin")))) {
                write(args[i], o);
            }
        }
    }
}
