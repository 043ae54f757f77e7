package dev.calque.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.calque.eval.RuleStats;
import dev.calque.report.Destination;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calque rules stats REPORT.json...}: which rules fire how often in real runs, and how often wrongly. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Per rule, over JSON reports of earlier 'calque check --format json' runs: fires, articles, "
                + "fires per 1,000 words and, with --verdicts, the share editors marked false positive.")
final class RuleStatsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "JSON reports written by calque check --format json.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--verdicts", paramLabel = "FILE", description = "Editors' false-positive verdicts: the "
            + "suppressions file of 'calque check --suppressions' (JSON or YAML); a finding counts as marked when its "
            + "fingerprint, or its rule and passage, is in it.")
    Path verdicts;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "console",
            description = "console or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("console", "text", "json").contains(fmt)) {
            throw new UsageError("unknown format '" + format + "' (use console or json)");
        }
        RuleStats.Result result = RuleStats.aggregate(reports, verdicts);
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Destination d = output == null ? Destination.stdout(stdout) : Destination.file(output)) {
            if (fmt.equals("json")) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValue(d.stream(), result);
                d.stream().write('\n');
            } else {
                d.stream().write(RuleStats.table(result).getBytes(StandardCharsets.UTF_8));
            }
            d.commit();
        }
        return Main.OK;
    }
}
