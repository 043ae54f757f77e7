package dev.calque.report.xliff;

import dev.calque.ingest.InputProblem;
import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualFormat;
import dev.calque.report.Destination;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.model.ArticleResult;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format xliff}: the run's findings where translators work. A run over one XLIFF file writes
 * that file back with every finding as an ITS 2.0 Localization Quality Issue on its segment
 * ({@link XliffAnnotator}); any other run (TMX, bitext, several files, documents that are not
 * bilingual) gives one XLIFF 2.1 file with a {@code <file>} per article ({@link XliffBuilder}).
 * The file is written once the run is over: the choice depends on every article.
 */
public final class XliffWriter implements ReportWriter {
    private final Destination dest;
    private final List<ArticleResult> results = new ArrayList<>();
    private RunInfo run;

    public XliffWriter(Destination dest) {
        this.dest = dest;
    }

    @Override
    public void start(RunInfo info) {
        this.run = info;
    }

    @Override
    public void article(ArticleResult result) {
        results.add(result);
    }

    @Override
    public void unreadable(InputProblem problem) {
        // an unreadable input has no segments to annotate; the other formats report it
    }

    @Override
    public void finish(RunSummary summary) throws IOException {
        byte[] out;
        BilingualFile single = results.size() == 1 ? results.get(0).article().bilingual() : null;
        if (single != null && (single.format() == BilingualFormat.XLIFF_1 || single.format() == BilingualFormat.XLIFF_2)) {
            out = XliffAnnotator.annotate(single, results.get(0).findings());
        } else {
            out = XliffBuilder.build(results, run == null ? "fr" : run.source(), run == null ? "en-US" : run.target())
                    .getBytes(StandardCharsets.UTF_8);
        }
        dest.stream().write(out);
        dest.commit();
    }

    @Override
    public void close() throws IOException {
        dest.close();
    }
}
