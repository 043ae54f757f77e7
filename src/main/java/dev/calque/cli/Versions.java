package dev.calque.cli;

import org.languagetool.JLanguageTool;
import picocli.CommandLine;

/** Calque's and LanguageTool's versions, for --version and reports. */
public final class Versions implements CommandLine.IVersionProvider {
    public static String calque() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String languageTool() {
        return JLanguageTool.VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Calque " + calque() + " (LanguageTool " + languageTool() + ")"};
    }
}
