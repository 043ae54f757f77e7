package dev.calque.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an {@link EvalResult} as one JSON document: the records' fields as they are, ratios as
 * fractions (0..1, {@code null} when undefined), {@code schemaVersion} first.
 */
public final class EvalJsonWriter {
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private EvalJsonWriter() {
    }

    /** Versioned wrapper so readers can tell eval output from check output. */
    record Document(int schemaVersion, String kind, EvalResult eval) {
    }

    public static void write(EvalResult result, OutputStream out) throws IOException {
        JSON.writeValue(out, new Document(SCHEMA_VERSION, "calque-eval", result));
        out.write('\n');
    }
}
