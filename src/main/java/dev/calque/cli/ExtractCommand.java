package dev.calque.cli;

import dev.calque.ingest.ArticleSink;
import dev.calque.ingest.IngestLimits;
import dev.calque.ingest.InputProblem;
import dev.calque.ingest.Inputs;
import dev.calque.model.Article;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code calque extract INPUT...}: print the text Calque would check, article by article. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the text extracted from each input, as Calque checks it (offsets in findings refer to it).")
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders, feeds, URLs or -.")
    List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int[] problems = {0};
        new Inputs(IngestLimits.DEFAULT).read(inputs, new ArticleSink() {
            @Override
            public void article(Article a) {
                out.println("=== " + a.source() + " · " + a.title() + " · " + a.mediaType() + " · " + a.wordCount() + " words");
                a.metadata().forEach((k, v) -> out.println("--- " + k + ": " + v));
                out.println(a.text());
                out.println();
            }

            @Override
            public void problem(InputProblem p) {
                problems[0]++;
                System.err.println("calque: " + p.oneLine());
            }
        });
        return problems[0] > 0 ? Main.UNREADABLE_INPUT : Main.OK;
    }
}
