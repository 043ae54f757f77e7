package dev.calque.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that checks text shares: languages and rule folders. */
public final class CheckerOptions {
    @Option(names = "--lang", paramLabel = "CODE", description = "Target language (default: ${DEFAULT-VALUE}).",
            defaultValue = "en-US")
    public String target;

    @Option(names = "--from", paramLabel = "CODE", description = "Source language of the translation; selects the "
            + "rule packs for the pair (default: ${DEFAULT-VALUE}).", defaultValue = "fr")
    public String source;

    @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule folder (repeatable); loaded after the "
            + "bundled rules/.")
    public List<Path> extraRules = new ArrayList<>();

    @Option(names = "--no-bundled-rules", description = "Do not load the bundled rules/ folder.")
    public boolean noBundled;

    @Option(names = "--no-stock", description = "Switch off LanguageTool's own rules; Calque's rules only.")
    public boolean noStock;

    /** The bundled rules folder: the one beside the launcher, else ./rules. */
    public static Path bundledRules() {
        String home = System.getProperty("calque.home");
        if (home != null && Files.isDirectory(Path.of(home, "rules"))) return Path.of(home, "rules");
        return Path.of("rules");
    }

    /**
     * These options as the command line gave them: an option left out is null (or false), so that
     * calque.yml's value stands.
     *
     * @param given whether an option (by its long name) was on the command line
     */
    public Settings.CommandLine commandLine(java.util.function.Predicate<String> given) {
        return Settings.CommandLine.of(given.test("--lang") ? target : null, given.test("--from") ? source : null,
                extraRules, noBundled, noStock);
    }
}
