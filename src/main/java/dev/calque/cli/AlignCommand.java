package dev.calque.cli;

import dev.calque.bilingual.BilingualArticle;
import dev.calque.bilingual.Link;
import dev.calque.ingest.Originals;
import dev.calque.model.Article;
import dev.calque.ingest.ArticleSink;
import dev.calque.ingest.IngestLimits;
import dev.calque.ingest.InputProblem;
import dev.calque.ingest.Inputs;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calque align --source SRC TARGET}: how Calque lines a translation up with its original. */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = "Print the alignment of a translation with its original: paragraphs, then sentences, each link "
                + "with its type (1-1, 1-2, 2-1, 1-0 = not translated, 0-1 = no original) and confidence.")
public final class AlignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET", description = "The translation (any format Calque reads).")
    Path target;

    @Option(names = "--source", required = true, paramLabel = "SRC", description = "The original.")
    Path source;

    @Option(names = "--from", paramLabel = "CODE", defaultValue = "fr",
            description = "Language of the original: an ISO 639-1 code, or auto (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--sentences-only", description = "Print the sentence links only.")
    boolean sentencesOnly;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!Files.isRegularFile(source)) throw new UsageError(source + ": --source: not a file");
        if (!Files.isRegularFile(target)) throw new UsageError(target + ": not a file");
        Originals originals = new Originals(source, from, IngestLimits.DEFAULT);
        int[] status = {Main.OK};
        new Inputs(IngestLimits.DEFAULT).read(List.of(target.toString()), new ArticleSink() {
            @Override
            public void article(Article a) {
                Originals.Match m = originals.pair(a);
                if (m.article() == null) {
                    System.err.println("calque: " + target + ": " + m.note());
                    status[0] = Main.UNREADABLE_INPUT;
                    return;
                }
                print(out, m.article());
            }

            @Override
            public void problem(InputProblem p) {
                System.err.println("calque: " + p.oneLine());
                status[0] = Main.UNREADABLE_INPUT;
            }
        });
        return status[0];
    }

    private void print(PrintStream out, BilingualArticle b) {
        out.println("# " + b.target().source() + "  <-  " + b.original().source() + " (" + b.original().language() + ")");
        if (!sentencesOnly) {
            out.println("## paragraphs");
            for (Link l : b.alignment().paragraphs()) line(out, b, l);
            out.println("## sentences");
        }
        for (Link l : b.alignment().sentences()) line(out, b, l);
    }

    private static void line(PrintStream out, BilingualArticle b, Link l) {
        out.printf(java.util.Locale.ROOT, "%-4s %.2f  %s%n", l.type().label(), l.confidence(),
                l.hasTarget() ? clip(l.target().of(b.target().text())) : "—");
        out.printf("           %s%n", l.hasSource() ? clip(l.source().of(b.original().text())) : "—");
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 110 ? one : one.substring(0, 109) + "…";
    }
}
