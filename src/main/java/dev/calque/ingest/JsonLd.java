package dev.calque.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The {@code articleBody} a page states in its JSON-LD (schema.org NewsArticle and the like), if any. */
final class JsonLd {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.ALLOW_UNQUOTED_CONTROL_CHARS);

    private JsonLd() {
    }

    static String articleBody(Document doc) {
        String best = null;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String json = script.data().strip();
            if (json.isEmpty() || json.length() > 4_000_000) continue;
            try {
                String body = find(JSON.readTree(json), 0);
                if (body != null && (best == null || body.length() > best.length())) best = body;
            } catch (java.io.IOException | RuntimeException malformed) {
                // a page's broken JSON-LD is the page's problem; the DOM text stands
            }
        }
        return best == null ? null : org.jsoup.parser.Parser.unescapeEntities(best, false).strip();
    }

    private static String find(JsonNode node, int depth) {
        if (node == null || depth > 8) return null;
        if (node.isObject()) {
            JsonNode body = node.get("articleBody");
            if (body != null && body.isTextual() && !body.asText().isBlank()) return body.asText();
            for (JsonNode child : node) {
                String found = find(child, depth + 1);
                if (found != null) return found;
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                String found = find(child, depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }
}
