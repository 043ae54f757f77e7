package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.ingest.IngestLimits;
import dev.calque.ingest.Inputs;
import dev.calque.pipeline.Pipeline;
import dev.calque.report.BaselineWriter;
import dev.calque.report.Destination;
import dev.calque.report.RunInfo;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import dev.calque.score.Suppressions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calque baseline INPUT... -o calque-baseline.json}: records the fingerprints of today's
 * findings, so that {@code calque check --baseline} reports and gates only new ones.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Record the current findings, so that 'check --baseline FILE' reports only new ones.")
public final class BaselineCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders, feeds, URLs, or - for standard input.")
    List<String> inputs = new ArrayList<>();

    @Mixin
    CheckerOptions checkerOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "calque-baseline.json",
            description = "Where to write the baseline (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: calque.yml in the "
            + "working folder, if there is one).")
    Path configFile;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = Settings.load(configFile,
                checkerOptions.commandLine(spec.commandLine().getParseResult()::hasMatchedOption));
        Limits.threads(threads);
        if (output.toString().equals("-")) throw new UsageError("-o -: the baseline is a file; name one");
        new OutputTargets().reading(inputs).reading(settings.config().file())
                .reading(settings.ruleDirs().toArray(Path[]::new)).file(output, "the baseline");
        Checker checker = Checkers.from(settings);
        var scoring = settings.scoring();
        QualityGate gate = new QualityGate(null, null);
        PrintWriter err = spec.commandLine().getErr();
        try (BaselineWriter writer = new BaselineWriter(Destination.file(output))) {
            RunInfo info = Versions.runInfo(checker, scoring, gate);
            Pipeline pipeline = new Pipeline(checker, new Inputs(IngestLimits.DEFAULT, System.in, settings.skipPath()),
                    scoring, gate, List.of(writer), threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    p -> {
                        err.println("calque: " + p.oneLine());
                        err.flush();
                    }, null,
                    // every current finding goes in, whatever an older baseline or suppressions file says
                    settings.triage(null, Suppressions.NONE));
            RunSummary summary = pipeline.run(inputs, info);
            err.printf("calque: baseline of %d finding%s in %d article%s written to %s%n", writer.count(),
                    writer.count() == 1 ? "" : "s", summary.articles(), summary.articles() == 1 ? "" : "s", output);
            err.flush();
            return summary.unreadable() > 0 ? Main.UNREADABLE_INPUT : Main.OK;
        }
    }
}
