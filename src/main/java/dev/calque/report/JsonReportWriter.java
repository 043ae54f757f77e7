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
        this.g = new Paired(new JsonFactory().createGenerator(dest.stream(), JsonEncoding.UTF8));
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

    /**
     * Every string and name written with each surrogate that has no pair as U+FFFD: Jackson would write
     * it as an escaped lone surrogate, which strict readers (I-JSON, Rust's serde) refuse. A JSON Feed's
     * escaped lone surrogate reaches an article's text that way.
     */
    private static final class Paired extends com.fasterxml.jackson.core.util.JsonGeneratorDelegate {
        Paired(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeString(String text) throws IOException {
            super.writeString(Characters.paired(text));
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            super.writeFieldName(Characters.paired(name));
        }
    }
}
