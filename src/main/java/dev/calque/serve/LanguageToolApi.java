package dev.calque.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.calque.check.Checker;
import dev.calque.model.Finding;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.SentenceRange;
import org.languagetool.markup.AnnotatedText;
import org.languagetool.markup.AnnotatedTextBuilder;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.patterns.AbstractPatternRule;
import org.languagetool.rules.patterns.PatternRule;
import org.languagetool.rules.spelling.SpellingCheckRule;
import org.languagetool.tools.ContextTools;

/**
 * LanguageTool's public HTTP API (v2) answered with Calque's findings, so LanguageTool's clients (browser
 * add-on, LTeX, language_tool_python, its Java client, CMS plug-ins) work unchanged. Requests, errors and the
 * response follow LanguageTool 6.8's server field by field ({@code ApiV2}, {@code V2TextChecker},
 * {@code TextChecker}, {@code RuleMatchesAsJsonSerializer}); Calque's own fields of a match (MQM category,
 * severity, origin) are in an extra {@code calque} object that LanguageTool's clients ignore.
 */
final class LanguageToolApi {
    static final String API_DOC_URL = "https://languagetool.org/http-api/swagger-ui/#/default";
    private static final int CONTEXT_SIZE = 40; // LanguageTool's TextChecker.CONTEXT_SIZE
    private static final String START_MARKER = "__languagetool_start_marker";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private final CalqueServer server;
    /** Rule objects by id, per checker: what LanguageTool's serializer reads off the rule object. */
    private final Map<Checker, Map<String, Rule>> ruleObjects = new ConcurrentHashMap<>();

    LanguageToolApi(CalqueServer server) {
        this.server = server;
        // the rule catalog of the server's checker is read once the checkers are warm, not on a first request
        Thread t = new Thread(() -> {
            try {
                server.service().awaitWarm();
                ruleObjects(server.service().checker());
            } catch (InterruptedException | RuntimeException e) {
                // read on the first request instead
            }
        }, "calque-rule-catalog");
        t.setDaemon(true);
        t.start();
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String action = path.substring(Math.min(path.length(), "/v2/".length()));
        switch (action) {
            case "languages" -> languages(ex);
            case "check" -> check(ex, parameters(ex));
            case "maxtextlength" -> Exchanges.sendText(ex, 200, Integer.toString(server.options().maxTextLength()));
            case "info" -> info(ex);
            default -> throw new Exchanges.Refusal(404, "Unsupported action: '" + action + "'. Please see " + API_DOC_URL);
        }
    }

    /** Query parameters and, for a POST, the form body, as LanguageTool reads them (body first, query over it). */
    private Map<String, String> parameters(HttpExchange ex) throws IOException {
        Map<String, String> params = new HashMap<>();
        if (ex.getRequestMethod().equalsIgnoreCase("POST")) {
            byte[] body = Exchanges.body(ex, server.options().maxBodyBytes());
            params.putAll(Exchanges.form(new String(body, StandardCharsets.UTF_8)));
        }
        params.putAll(Exchanges.form(ex.getRequestURI().getRawQuery()));
        return params;
    }

    private void languages(HttpExchange ex) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = dev.calque.report.Characters.paired(FACTORY.createGenerator(sw))) {
            g.writeStartArray();
            Set<String> longCodes = new HashSet<>();
            for (Language lang : Languages.get()) {
                g.writeStartObject();
                g.writeStringField("name", lang.getName());
                g.writeStringField("code", lang.getShortCode());
                g.writeStringField("longCode", lang.getShortCodeWithCountryAndVariant());
                g.writeEndObject();
                longCodes.add(lang.getShortCodeWithCountryAndVariant());
            }
            // as LanguageTool: the long codes that map to a language listed under another code (LibreOffice needs them)
            for (Map.Entry<String, Language> e : Languages.getLongCodeToLangMapping().entrySet()) {
                if (longCodes.contains(e.getKey())) continue;
                g.writeStartObject();
                g.writeStringField("name", e.getValue().getName());
                g.writeStringField("code", e.getValue().getShortCode());
                g.writeStringField("longCode", e.getKey());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        Exchanges.sendJson(ex, 200, sw.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void info(HttpExchange ex) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = dev.calque.report.Characters.paired(FACTORY.createGenerator(sw))) {
            g.writeStartObject();
            software(g);
            g.writeEndObject();
        }
        Exchanges.sendJson(ex, 200, sw.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void check(HttpExchange ex, Map<String, String> params) throws IOException {
        if (!server.authorized(ex, params.get("apiKey"))) {
            throw new Exchanges.Refusal(403, "Authentication failed: this server needs a token "
                    + "(Authorization: Bearer TOKEN, or apiKey=TOKEN)");
        }
        AnnotatedText text = annotatedText(params);
        server.logText(ex, text.getPlainText());
        String langParam = params.get("language");
        if (langParam == null || langParam.isBlank()) {
            throw new Exchanges.Refusal(400, "Missing 'language' parameter, e.g. 'language=en-US' for American "
                    + "English or 'language=fr' for French");
        }
        for (String old : List.of("enabled", "disabled")) {
            if (params.get(old) != null) {
                throw new Exchanges.Refusal(400, "You specified '" + old + "' but the parameter is now called '" + old
                        + "Rules' in v2 of the API");
            }
        }
        int length = text.getPlainText().length();
        if (length > server.options().maxTextLength()) {
            throw new Exchanges.Refusal(413, "Your text exceeds the limit of " + server.options().maxTextLength()
                    + " characters (it's " + length + " characters). Please submit a shorter text.");
        }
        Language lang = language(langParam.equals("auto") ? server.service().checker().target() : langParam);
        if (lang.getDefaultLanguageVariant() != null) lang = lang.getDefaultLanguageVariant();
        if (params.get("motherTongue") != null) language(params.get("motherTongue")); // validated as LanguageTool does
        level(params.get("level"));
        Filter filter = new Filter(params);

        Checker checker = server.service().checker(lang.getShortCodeWithCountryAndVariant(), null);
        ArticleResult result = server.service().check(Article.ofText("request", text.getPlainText()), checker);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : result.findings()) if (filter.keeps(f, describe(f, checker))) findings.add(f);
        Exchanges.sendJson(ex, 200, response(text, lang, checker, findings, result.note() != null).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text} or {@code data} (LanguageTool's annotated text: markup to skip, offsets counting it). */
    private static AnnotatedText annotatedText(Map<String, String> params) {
        if (params.containsKey("text") && params.containsKey("data")) {
            throw new Exchanges.Refusal(400, "Set only 'text' or 'data' parameter, not both");
        }
        if (params.containsKey("text")) return new AnnotatedTextBuilder().addText(params.get("text")).build();
        if (!params.containsKey("data")) throw new Exchanges.Refusal(400, "Missing 'text' or 'data' parameter");
        JsonNode data;
        try {
            data = JSON.readTree(params.get("data"));
        } catch (JsonProcessingException e) {
            throw new Exchanges.Refusal(400, "Could not parse JSON from 'data' parameter");
        }
        if (data == null || !data.isObject()) throw new Exchanges.Refusal(400, "Could not parse JSON from 'data' parameter");
        if (data.get("text") != null && data.get("annotation") != null) {
            throw new Exchanges.Refusal(400, "'data' key in JSON requires either 'text' or 'annotation' key, not both");
        }
        if (data.get("text") != null) return new AnnotatedTextBuilder().addText(data.get("text").asText()).build();
        if (data.get("annotation") == null || !data.get("annotation").isArray()) {
            throw new Exchanges.Refusal(400, "'data' key in JSON requires 'text' or 'annotation' key");
        }
        AnnotatedTextBuilder atb = new AnnotatedTextBuilder();
        for (JsonNode node : data.get("annotation")) {
            if (node.get("text") != null && node.get("markup") != null) {
                throw new Exchanges.Refusal(400, "Only either 'text' or 'markup' are supported in an object in "
                        + "'annotation' list, not both: " + node);
            } else if (node.get("text") != null && node.get("interpretAs") != null) {
                throw new Exchanges.Refusal(400, "'text' cannot be used with 'interpretAs' (only 'markup' can): " + node);
            } else if (node.get("text") != null) {
                atb.addText(node.get("text").asText());
            } else if (node.get("markup") != null) {
                if (node.get("interpretAs") != null) atb.addMarkup(node.get("markup").asText(), node.get("interpretAs").asText());
                else atb.addMarkup(node.get("markup").asText());
            } else {
                throw new Exchanges.Refusal(400, "Only 'text' and 'markup' are supported in 'annotation' list: " + node);
            }
        }
        return atb.build();
    }

    /** A language code as LanguageTool parses it; its own message when it does not know the code. */
    private static Language language(String code) {
        try {
            return Languages.getLanguageForShortCode(code);
        } catch (IllegalArgumentException e) {
            throw new Exchanges.Refusal(400, e.getMessage());
        }
    }

    /** LanguageTool's levels, validated as it does. Calque runs its configured rules at every level. */
    private static void level(String level) {
        if (level == null) return;
        List<String> valid = Arrays.stream(JLanguageTool.Level.values()).map(l -> l.toString().toLowerCase(Locale.ROOT)).toList();
        if (!valid.contains(level)) {
            throw new Exchanges.Refusal(400, "Unknown value '" + level + "' for parameter 'level'. Valid values: "
                    + String.join(", ", valid));
        }
    }

    /** enabledRules, disabledRules, enabledCategories, disabledCategories, enabledOnly, applied to the findings. */
    private static final class Filter {
        final Set<String> enabledRules;
        final Set<String> disabledRules;
        final Set<String> enabledCategories;
        final Set<String> disabledCategories;
        final boolean enabledOnly;

        Filter(Map<String, String> params) {
            enabledRules = list(params.get("enabledRules"));
            disabledRules = list(params.get("disabledRules"));
            enabledCategories = list(params.get("enabledCategories"));
            disabledCategories = list(params.get("disabledCategories"));
            enabledOnly = "yes".equals(params.get("enabledOnly")) || "true".equals(params.get("enabledOnly"));
            if (enabledOnly && (!disabledRules.isEmpty() || !disabledCategories.isEmpty())) {
                throw new Exchanges.Refusal(400, "You cannot specify disabled rules or categories using enabledOnly=true");
            }
            if (enabledOnly && enabledRules.isEmpty() && enabledCategories.isEmpty()) {
                throw new Exchanges.Refusal(400, "You must specify enabled rules or categories when using enabledOnly=true");
            }
        }

        private static Set<String> list(String v) {
            return v == null ? Set.of() : new HashSet<>(Arrays.asList(v.split(",")));
        }

        boolean keeps(Finding f, RuleView r) {
            if (enabledOnly) return enabledRules.contains(f.rule()) || enabledCategories.contains(r.categoryId());
            return !disabledRules.contains(f.rule()) && !disabledCategories.contains(r.categoryId());
        }
    }

    /** What LanguageTool's serializer writes about a match's rule, for a stock or a Calque finding. */
    record RuleView(String shortMessage, String description, String issueType, String categoryId, String categoryName, String url,
                    String sourceFile, String subId, boolean tempOff, List<String> tags, String typeName,
                    int contextForSureMatch) {
    }

    private RuleView describe(Finding f, Checker checker) {
        if (Finding.LANGUAGETOOL.equals(f.origin())) {
            Rule r = ruleObjects(checker).get(f.rule());
            if (r != null) {
                String type = r instanceof SpellingCheckRule ? RuleMatch.Type.UnknownWord.toString()
                        : r instanceof AbstractPatternRule p && p.getType() != null ? p.getType().toString()
                        : RuleMatch.Type.Other.toString();
                List<String> tags = r.getTags().stream().map(Enum::name).toList();
                // a pattern rule's short message, when it does not quote the matched words (\\1: only the match has them)
                String shortMessage = r instanceof PatternRule p && p.getShortMessage() != null
                        && !p.getShortMessage().matches("(?s).*\\\\\\d.*") ? p.getShortMessage() : "";
                return new RuleView(shortMessage, r.getDescription(), r.getLocQualityIssueType().toString(), r.getCategory().getId().toString(),
                        r.getCategory().getName(), r.getUrl() == null ? null : r.getUrl().toString(),
                        r.getSourceFile() == null ? null : r.getSourceFile().replaceFirst(".*/", ""), r.getSubId(),
                        r.isDefaultTempOff(), tags, type, r.estimateContextForSureMatch());
            }
        }
        IssueTypes.Mapping m = IssueTypes.of(f.category());
        Rule own = ruleObjects(checker).get(f.rule());
        return new RuleView(f.ruleName(), f.ruleName(), m.issueType(), m.categoryId(), m.categoryName(), null, null, null, false,
                List.of(), m.typeName(), own == null ? 0 : own.estimateContextForSureMatch());
    }

    private Map<String, Rule> ruleObjects(Checker checker) {
        Map<String, Rule> known = ruleObjects.get(checker);
        if (known != null) return known;
        // read on a checking thread: only there is there a LanguageTool to read them from
        Map<String, Rule> read = server.service().onPool(checker::ruleObjects);
        ruleObjects.putIfAbsent(checker, read);
        return read;
    }

    private String response(AnnotatedText text, Language lang, Checker checker, List<Finding> findings, boolean incomplete)
            throws IOException {
        ContextTools contextTools = new ContextTools();
        contextTools.setEscapeHtml(false);
        contextTools.setContextSize(CONTEXT_SIZE);
        contextTools.setErrorMarker(START_MARKER, "");
        String plain = text.getPlainText();
        List<String> sentences = lang.getSentenceTokenizer().tokenize(plain);
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = dev.calque.report.Characters.paired(FACTORY.createGenerator(sw))) {
            g.writeStartObject();
            software(g);
            g.writeObjectFieldStart("warnings");
            g.writeBooleanField("incompleteResults", incomplete); // the findings were capped (ListedFindings)
            g.writeEndObject();
            g.writeObjectFieldStart("language");
            g.writeStringField("name", lang.getName());
            g.writeStringField("code", lang.getShortCodeWithCountryAndVariant());
            g.writeObjectFieldStart("detectedLanguage");
            g.writeStringField("name", lang.getName());
            g.writeStringField("code", lang.getShortCodeWithCountryAndVariant());
            g.writeNumberField("confidence", 1.0f);
            g.writeStringField("source", "calque");
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("matches");
            for (Finding f : findings) {
                RuleView r = describe(f, checker);
                int from = text.getOriginalTextPositionFor(f.start(), false);
                int to = text.getOriginalTextPositionFor(f.end() - 1, true) + 1;
                g.writeStartObject();
                // a stock rule's message as LanguageTool's server shows it (typographic quotes); Calque's as written
                boolean stock = Finding.LANGUAGETOOL.equals(f.origin());
                g.writeStringField("message", stock ? lang.toAdvancedTypography(f.message()) : f.message());
                g.writeStringField("shortMessage", stock ? lang.toAdvancedTypography(r.shortMessage()) : r.shortMessage());
                g.writeArrayFieldStart("replacements");
                for (String s : f.suggestions()) {
                    g.writeStartObject();
                    g.writeStringField("value", s);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("offset", from);
                g.writeNumberField("length", to - from);
                String context = contextTools.getContext(from, to, text.getTextWithMarkup());
                int contextOffset = context.indexOf(START_MARKER);
                g.writeObjectFieldStart("context");
                g.writeStringField("text", context.replaceFirst(START_MARKER, ""));
                g.writeNumberField("offset", contextOffset);
                g.writeNumberField("length", to - from);
                g.writeEndObject();
                g.writeStringField("sentence", f.sentence().trim());
                g.writeObjectFieldStart("type");
                g.writeStringField("typeName", r.typeName());
                g.writeEndObject();
                writeRule(g, f, r);
                g.writeBooleanField("ignoreForIncompleteSentence", r.contextForSureMatch() == -1 || r.contextForSureMatch() > 3);
                g.writeNumberField("contextForSureMatch", r.contextForSureMatch());
                g.writeObjectFieldStart("calque");
                g.writeStringField("category", f.category());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("origin", f.origin());
                g.writeStringField("rule", f.rule());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sentenceRanges");
            for (SentenceRange range : SentenceRange.getRangesFromSentences(text, sentences)) {
                g.writeStartArray();
                g.writeNumber(range.getFromPos());
                g.writeNumber(range.getToPos());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("extendedSentenceRanges");
            int pos = 0;
            for (String s : sentences) {
                int start = pos;
                pos += s.length();
                if (s.trim().isEmpty()) continue;
                int lead = s.startsWith(" ", 1) ? s.length() - s.stripLeading().length() : 0;
                g.writeStartObject();
                g.writeNumberField("from", start + lead);
                g.writeNumberField("to", start + lead + s.trim().length());
                g.writeArrayFieldStart("detectedLanguages");
                g.writeStartObject();
                g.writeStringField("language", lang.getShortCode());
                g.writeNumberField("rate", 1.0f);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return sw.toString();
    }

    private static void writeRule(JsonGenerator g, Finding f, RuleView r) throws IOException {
        g.writeObjectFieldStart("rule");
        g.writeStringField("id", f.rule());
        if (r.subId() != null) g.writeStringField("subId", r.subId());
        if (r.sourceFile() != null) g.writeStringField("sourceFile", r.sourceFile());
        g.writeStringField("description", r.description());
        g.writeStringField("issueType", r.issueType());
        if (r.tempOff()) g.writeBooleanField("tempOff", true);
        if (r.url() != null) {
            g.writeArrayFieldStart("urls");
            g.writeStartObject();
            g.writeStringField("value", r.url());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("category");
        g.writeStringField("id", r.categoryId());
        g.writeStringField("name", r.categoryName());
        g.writeEndObject();
        if (!r.tags().isEmpty()) {
            g.writeArrayFieldStart("tags");
            for (String t : r.tags()) g.writeString(t);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The software section, as LanguageTool's: Calque answers in LanguageTool's name so clients accept it. */
    private static void software(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("software");
        g.writeStringField("name", "LanguageTool");
        g.writeStringField("version", JLanguageTool.VERSION);
        g.writeStringField("buildDate", JLanguageTool.BUILD_DATE);
        g.writeNumberField("apiVersion", 1);
        g.writeBooleanField("premium", false);
        g.writeStringField("premiumHint", "Calque: machine-translation artifacts checked with LanguageTool");
        g.writeStringField("status", "");
        g.writeEndObject();
    }
}
