package dev.calque.cli;

import org.languagetool.JLanguageTool;
import picocli.CommandLine;

/** Calque's and LanguageTool's versions, for --version and reports. */
public final class Versions implements CommandLine.IVersionProvider {
    public static String calque() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v; // unpackaged classes; SARIF readers want a version that starts with a number
    }

    public static String languageTool() {
        return JLanguageTool.VERSION;
    }

    /** What every writer is told before the first article of a run that starts now. */
    static dev.calque.report.RunInfo runInfo(dev.calque.check.Checker checker, dev.calque.score.MqmScoring scoring,
                                             dev.calque.score.QualityGate gate) {
        return new dev.calque.report.RunInfo(calque(), languageTool(), checker.target(), checker.source(),
                checker.rules().hash(), checker.rules().infos(), checker::info, scoring, gate, java.time.Instant.now());
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Calque " + calque() + " (LanguageTool " + languageTool() + ")"};
    }
}
