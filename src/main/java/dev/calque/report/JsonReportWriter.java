package dev.calque.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** What the JSON-shaped formats (JSON, SARIF, baseline) share: a streaming generator over a destination. */
abstract class JsonReportWriter implements ReportWriter {
    protected final Destination dest;
    protected final JsonGenerator g;

    protected JsonReportWriter(Destination dest) throws IOException {
        this.dest = dest;
        this.g = Characters.paired(new JsonFactory().createGenerator(dest.stream(), JsonEncoding.UTF8));
        g.useDefaultPrettyPrinter();
    }

    /** Ends the document with a newline and moves the output into place. */
    protected void complete() throws IOException {
        g.writeRaw('\n');
        g.flush();
        dest.commit();
    }

    protected static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public void close() throws IOException {
        dest.close();
    }
}
