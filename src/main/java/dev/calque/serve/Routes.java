package dev.calque.serve;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.calque.check.Checker;
import dev.calque.model.Article;
import dev.calque.report.ConsoleWriter;
import dev.calque.report.Destination;
import dev.calque.report.GithubWriter;
import dev.calque.report.JsonWriter;
import dev.calque.report.JunitWriter;
import dev.calque.report.ReportWriter;
import dev.calque.report.SarifWriter;
import dev.calque.rules.RuleInfo;
import dev.calque.model.ArticleResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Calque's own endpoints: {@code /health}, {@code /api/check}, {@code /api/rules}; and LanguageTool's {@code /v2/}. */
final class Routes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FORMATS = List.of("json", "sarif", "junit", "github", "console");

    private Routes() {
    }

    static void mountBuiltIn(CalqueServer server) {
        CheckService service = server.service();
        server.mount("/health", ex -> health(ex, service));
        server.mount("/api/check", ex -> apiCheck(ex, server));
        server.mount("/api/rules", ex -> apiRules(ex, service));
        LanguageToolApi v2 = new LanguageToolApi(server);
        server.mount("/v2/", v2::handle, CalqueServer.ErrorStyle.PLAIN);
    }

    private static void health(HttpExchange ex, CheckService service) throws IOException {
        allow(ex, "GET", "HEAD");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = dev.calque.report.Characters.paired(new JsonFactory().createGenerator(out, JsonEncoding.UTF8))) {
            g.writeStartObject();
            g.writeStringField("status", "ok");
            g.writeStringField("target", service.checker().target());
            g.writeStringField("source", service.checker().source());
            g.writeNumberField("queued", service.queued());
            g.writeEndObject();
        }
        Exchanges.sendJson(ex, 200, out.toByteArray());
    }

    /**
     * {@code POST /api/check} with {@code {"text": ..., "source"?: ..., "from"?: ..., "lang"?: ..., "format"?: ...}}:
     * the document {@code calque check -f FORMAT} writes for that text as a one-article run (JSON by default).
     */
    private static void apiCheck(HttpExchange ex, CalqueServer server) throws IOException {
        allow(ex, "POST");
        CheckService service = server.service();
        JsonNode req;
        try {
            req = JSON.readTree(Exchanges.body(ex, server.options().maxBodyBytes()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Exchanges.Refusal(400, "the body is not JSON: " + Exchanges.jsonReason(e));
        }
        if (req == null || !req.isObject()) throw new Exchanges.Refusal(400, "the body must be a JSON object {\"text\": ...}");
        String text = string(req, "text");
        if (text == null) throw new Exchanges.Refusal(400, "missing \"text\"");
        server.logText(ex, text);
        if (text.length() > server.options().maxTextLength()) {
            throw new Exchanges.Refusal(413, "the text has " + text.length() + " characters; this server's limit is "
                    + server.options().maxTextLength());
        }
        String format = string(req, "format");
        format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new Exchanges.Refusal(400, "unknown format '" + format + "' (use " + String.join(", ", FORMATS) + ")");
        }
        Checker checker = service.checker(string(req, "lang"), string(req, "from"));
        String sourceText = string(req, "source");
        if (sourceText != null && sourceText.length() > server.options().maxTextLength()) {
            throw new Exchanges.Refusal(413, "the source is longer than the limit of "
                    + server.options().maxTextLength() + " characters");
        }
        // the original, when given, is checked beside the text as `check --source` does
        dev.calque.bilingual.Original original = sourceText == null ? null
                : dev.calque.bilingual.Original.of("request-source", checker.source(), sourceText);
        ArticleResult result = service.check(Article.ofText("request", text), original, checker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter w = writer(format, Destination.stdout(out))) {
            service.write(result, checker, w);
        }
        String type = switch (format) {
            case "json", "sarif" -> "application/json; charset=utf-8";
            case "junit" -> "application/xml; charset=utf-8";
            default -> "text/plain; charset=utf-8";
        };
        Exchanges.send(ex, 200, type, out.toByteArray());
    }

    private static ReportWriter writer(String format, Destination d) throws IOException {
        return switch (format) {
            case "sarif" -> new SarifWriter(d);
            case "junit" -> new JunitWriter(d);
            case "github" -> new GithubWriter(d);
            case "console" -> new ConsoleWriter(d, false, true);
            default -> new JsonWriter(d);
        };
    }

    /** {@code GET /api/rules}: Calque's rules as {@code calque rules list} describes them. */
    private static void apiRules(HttpExchange ex, CheckService service) throws IOException {
        allow(ex, "GET", "HEAD");
        Checker checker = service.checker();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = dev.calque.report.Characters.paired(new JsonFactory().createGenerator(out, JsonEncoding.UTF8))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("target", checker.target());
            g.writeStringField("source", checker.source());
            g.writeStringField("rulePackHash", checker.rules().hash());
            g.writeArrayFieldStart("rules");
            for (RuleInfo r : checker.rules().infos()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("name", r.name());
                g.writeStringField("category", r.category());
                g.writeStringField("severity", r.severity().label());
                g.writeStringField("kind", r.kind());
                g.writeStringField("explanation", r.explanation());
                g.writeBooleanField("enabled", !checker.disabled(r.id()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Exchanges.sendJson(ex, 200, out.toByteArray());
    }

    static String string(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new Exchanges.Refusal(400, "\"" + field + "\" must be a string");
        return n.asText();
    }

    static void allow(HttpExchange ex, String... methods) {
        for (String m : methods) if (m.equals(ex.getRequestMethod())) return;
        ex.getResponseHeaders().set("Allow", String.join(", ", methods));
        throw new Exchanges.Refusal(405, ex.getRequestMethod() + " is not allowed here (use " + String.join(" or ", methods) + ")");
    }
}
