package dev.calque.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.calque.check.Checker;
import dev.calque.model.CheckedArticle;
import dev.calque.model.Finding;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.Fingerprints;
import dev.calque.pipeline.ListedFindings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The review desk under {@code /review}: the page and its assets (from Calque's own resources, no
 * CDN), and the JSON API the page calls. One handler for the whole prefix, so any HTTP server can
 * mount it with a single context.
 *
 * <pre>
 * GET  /review                     the desk (desk.html, desk.css, desk.js under /review/assets/)
 * POST /review/api/check           {"title","text","original"} -> the article with its findings
 * POST /review/api/report          a `check --format json` document -> its articles, findings with verdicts
 * GET  /review/api/results         the JSON reports in the results folder, newest first
 * GET  /review/api/results/NAME    one of them, as /api/report answers
 * POST /review/api/verdicts        one verdict -> 201 with the stored verdict
 * GET  /review/api/verdicts        every finding's current verdict
 * GET  /review/api/tallies         per rule: confirmed, dismissed, precision
 * </pre>
 *
 * <p>Requests that change something must be {@code application/json}, which a page on another site
 * cannot send without the browser asking first: a link or a form elsewhere cannot record a verdict.
 */
public final class ReviewDesk implements HttpHandler {
    public static final String PREFIX = "/review";
    private static final int MAX_BODY = 16 << 20;
    private static final Map<String, String> ASSETS = Map.of(
            "desk.css", "text/css; charset=utf-8",
            "desk.js", "text/javascript; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the desk checks a pasted article: the server's warm checker pool, or a checker of one's own. */
    @FunctionalInterface
    public interface ArticleChecks {
        /** The article's findings (as a check would report them), one fingerprint per finding, same order. */
        Checked check(Article article);
    }

    /**
     * @param rulePack the hash of the rule packs that made the findings (recorded with each verdict)
     * @param note what the desk shows above the findings (that they were capped, say), or null
     */
    public record Checked(List<Finding> findings, List<String> fingerprints, int words, String rulePack, String note) {
        /** What a server's check answered, as the desk shows it (listed findings, their note). */
        public static Checked of(ArticleResult r, String rulePack) {
            return new Checked(r.findings(), r.fingerprints(), r.checked().words(), rulePack, r.note());
        }
    }

    /** Checks with one checker on the calling thread (tests, or a desk without a server's pool). */
    public static ArticleChecks on(Checker checker) {
        return a -> {
            CheckedArticle c = checker.check(a);
            ListedFindings listed = ListedFindings.of(c.findings(), Fingerprints.of(c.findings()));
            return new Checked(listed.findings(), listed.fingerprints(), c.words(), checker.rules().hash(), listed.note());
        };
    }

    private final VerdictStore store;
    private final ArticleChecks checks;
    private final String calqueVersion;
    private final Path results;

    /**
     * @param store         where verdicts go
     * @param checks        how a pasted article is checked
     * @param calqueVersion recorded with each verdict
     * @param results       a folder of {@code check --format json} reports the desk offers, or null
     */
    public ReviewDesk(VerdictStore store, ArticleChecks checks, String calqueVersion, Path results) {
        this.store = store;
        this.checks = checks;
        this.calqueVersion = calqueVersion;
        this.results = results;
    }

    public Path results() {
        return results;
    }

    public VerdictStore store() {
        return store;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
            String method = ex.getRequestMethod();
            try {
                if (rest.isEmpty() || rest.equals("/")) {
                    if (rest.isEmpty()) {
                        ex.getResponseHeaders().set("Location", PREFIX + "/");
                        send(ex, 308, "text/plain; charset=utf-8", "see /review/".getBytes(StandardCharsets.UTF_8));
                    } else {
                        requireMethod(method, "GET");
                        send(ex, 200, "text/html; charset=utf-8", resource("desk.html"));
                    }
                } else if (rest.startsWith("/assets/")) {
                    requireMethod(method, "GET");
                    String name = rest.substring("/assets/".length());
                    String type = ASSETS.get(name);
                    if (type == null) throw new HttpError(404, "no such asset: " + name);
                    send(ex, 200, type, resource(name));
                } else if (rest.equals("/api/check")) {
                    requireMethod(method, "POST");
                    sendJson(ex, 200, check(readJson(ex)));
                } else if (rest.equals("/api/report")) {
                    requireMethod(method, "POST");
                    sendJson(ex, 200, report(readJson(ex), "uploaded report"));
                } else if (rest.equals("/api/results")) {
                    requireMethod(method, "GET");
                    sendJson(ex, 200, resultList());
                } else if (rest.startsWith("/api/results/")) {
                    requireMethod(method, "GET");
                    String name = rest.substring("/api/results/".length());
                    sendJson(ex, 200, report(readResult(name), name));
                } else if (rest.equals("/api/verdicts")) {
                    if (method.equals("POST")) {
                        sendJson(ex, 201, record(readJson(ex), principal(ex)));
                    } else {
                        requireMethod(method, "GET");
                        ArrayNode out = JSON.createArrayNode();
                        for (Verdict v : store.current()) out.add(verdictJson(v));
                        sendJson(ex, 200, out);
                    }
                } else if (rest.equals("/api/tallies")) {
                    requireMethod(method, "GET");
                    ArrayNode out = JSON.createArrayNode();
                    for (VerdictStore.RuleTally t : store.tallies().values()) {
                        out.addObject().put("rule", t.rule()).put("confirmed", t.confirmed()).put("dismissed", t.dismissed())
                                .put("precision", t.precision());
                    }
                    sendJson(ex, 200, out);
                } else {
                    throw new HttpError(404, "not found: " + path);
                }
            } catch (HttpError e) {
                error(ex, e.status, e.getMessage());
            } catch (IllegalArgumentException e) {
                error(ex, 400, e.getMessage());
            }
            // anything else (a busy checker pool, a check past its time limit) goes to the server's guard
        }
    }

    /** Checks a pasted or uploaded article with the server's checker. */
    private ObjectNode check(JsonNode body) {
        String text = text(body, "text");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no article text to check");
        String title = text(body, "title");
        String source = text(body, "source");
        Article a = Article.ofText(source == null || source.isBlank() ? "pasted" : source, text);
        if (title != null && !title.isBlank()) a = a.withTitle(title.strip());
        Checked checked = checks.check(a);
        List<String> fps = checked.fingerprints();
        ObjectNode article = JSON.createObjectNode();
        article.put("id", a.id()).put("source", a.source()).put("title", a.title()).put("text", a.text())
                .put("words", checked.words());
        if (checked.note() != null) article.put("note", checked.note()); // as a JSON report carries it
        String original = text(body, "original");
        if (original != null && !original.isBlank()) article.put("original", original);
        ArrayNode list = article.putArray("findings");
        for (int i = 0; i < checked.findings().size(); i++) list.add(findingJson(checked.findings().get(i), fps.get(i)));
        annotate(list);
        ObjectNode out = JSON.createObjectNode();
        out.put("rulePack", checked.rulePack()).put("calque", calqueVersion);
        out.putArray("articles").add(article);
        return out;
    }

    /** A run's JSON report: its articles (without their text, which the report does not carry), findings with verdicts. */
    private ObjectNode report(JsonNode doc, String name) {
        JsonNode articles = doc.get("articles");
        if (articles == null || !articles.isArray()) {
            throw new IllegalArgumentException(name + ": not a Calque JSON report (no \"articles\" list; write one with "
                    + "calque check --format json -o FILE)");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("name", name).put("rulePack", doc.path("run").path("rulePackHash").asText(""))
                .put("calque", doc.path("tool").path("version").asText(""));
        ArrayNode list = out.putArray("articles");
        for (JsonNode a : articles) {
            ObjectNode copy = a.deepCopy();
            if (!(copy.get("findings") instanceof ArrayNode fs)) copy.putArray("findings");
            annotate((ArrayNode) copy.get("findings"));
            list.add(copy);
        }
        return out;
    }

    /** Puts each finding's current verdict beside it, so the desk shows what was decided before. */
    private void annotate(ArrayNode findings) {
        Set<String> fps = new HashSet<>();
        for (JsonNode f : findings) if (f.hasNonNull("fingerprint")) fps.add(f.get("fingerprint").asText());
        Map<String, Verdict> current = store.currentFor(fps);
        for (JsonNode f : findings) {
            Verdict v = current.get(f.path("fingerprint").asText(""));
            if (v != null && f instanceof ObjectNode o) o.set("verdict", verdictJson(v));
        }
    }

    private ArrayNode resultList() throws IOException {
        ArrayNode out = JSON.createArrayNode();
        if (results == null || !Files.isDirectory(results)) return out;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(results, "*.json")) {
            for (Path p : ds) if (Files.isRegularFile(p)) files.add(p);
        }
        files.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toInstant();
            } catch (IOException e) {
                return Instant.EPOCH;
            }
        }).reversed());
        for (Path p : files) {
            out.addObject().put("name", p.getFileName().toString())
                    .put("modified", Files.getLastModifiedTime(p).toInstant().toString());
        }
        return out;
    }

    /** A report in the results folder, by its bare file name (never a path: nothing outside the folder). */
    private JsonNode readResult(String name) {
        if (results == null) throw new HttpError(404, "this desk has no results folder (calque serve --results DIR)");
        if (!name.matches("[A-Za-z0-9._-]+\\.json") || name.startsWith(".")) throw new HttpError(404, "no such report: " + name);
        Path p = results.resolve(name);
        if (!Files.isRegularFile(p)) throw new HttpError(404, "no such report: " + name);
        try {
            return JSON.readTree(p.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + dev.calque.serve.Exchanges.jsonReason(e));
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot be read: " + e.getMessage());
        }
    }

    private ObjectNode record(JsonNode b, String principal) {
        String reason = text(b, "reason");
        String editor = principal != null ? principal : text(b, "editor");
        Verdict v = new Verdict(text(b, "fingerprint"), text(b, "rule"), text(b, "passage"), text(b, "sentence"),
                text(b, "articleId"), text(b, "articleSource"), Verdict.Kind.parse(text(b, "verdict")),
                reason == null || reason.isBlank() ? null : Verdict.Reason.parse(reason), text(b, "note"),
                text(b, "editedSuggestion"), editor, Instant.now(), calqueVersion, text(b, "rulePack"));
        if (v.rule() == null || v.rule().isBlank()) throw new IllegalArgumentException("a verdict needs the finding's rule");
        store.record(v);
        return verdictJson(v);
    }

    static ObjectNode findingJson(Finding f, String fingerprint) {
        ObjectNode o = JSON.createObjectNode();
        o.put("fingerprint", fingerprint).put("rule", f.rule()).put("ruleName", f.ruleName()).put("category", f.category())
                .put("severity", f.severity().label()).put("message", f.message());
        ArrayNode s = o.putArray("suggestions");
        f.suggestions().stream().limit(5).forEach(s::add);
        o.put("start", f.start()).put("end", f.end()).put("line", f.line()).put("column", f.column())
                .put("passage", f.passage()).put("sentence", f.sentence()).put("origin", f.origin());
        return o;
    }

    static ObjectNode verdictJson(Verdict v) {
        ObjectNode o = JSON.createObjectNode();
        o.put("fingerprint", v.fingerprint()).put("rule", v.rule()).put("passage", v.passage())
                .put("verdict", v.kind().label()).put("reason", v.reason() == null ? null : v.reason().label())
                .put("reasonText", v.reason() == null ? null : v.reason().text()).put("note", v.note())
                .put("editedSuggestion", v.editedSuggestion()).put("editor", v.editor()).put("time", v.time().toString())
                .put("articleId", v.articleId());
        return o;
    }

    private static String principal(HttpExchange ex) {
        return ex.getPrincipal() == null ? null : ex.getPrincipal().getUsername();
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode readJson(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "send application/json");
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) throw new HttpError(413, "request larger than " + (MAX_BODY >> 20) + " MB");
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new IllegalArgumentException("expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + dev.calque.serve.Exchanges.jsonReason(e));
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new HttpError(405, "use " + allowed);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReviewDesk.class.getResourceAsStream(name)) {
            if (in == null) throw new HttpError(404, "missing resource " + name);
            return in.readAllBytes();
        }
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", json(body));
    }

    /** A node as UTF-8 JSON, a lone surrogate of a request's text written as U+FFFD, not as an escape. */
    private static byte[] json(JsonNode node) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = dev.calque.report.Characters.paired(
                JSON.getFactory().createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8))) {
            JSON.writeTree(g, node);
        }
        return out.toByteArray();
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode o = JSON.createObjectNode().put("error", message);
        send(ex, status, "application/json; charset=utf-8", json(o));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // everything the page uses comes from this server; no inline script, no other origin
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'none'; base-uri 'none'");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
