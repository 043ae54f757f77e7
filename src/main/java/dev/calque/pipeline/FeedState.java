package dev.calque.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calque.model.Article;
import dev.calque.report.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What earlier runs have checked ({@code --state FILE}): article id (path, URL, or feed plus item
 * guid/link) and a hash of its text. A scheduled job checks each new or changed story once: an
 * article whose id and text hash are recorded is skipped; one whose text changed is checked again.
 * An article is recorded once its result has been reported, whatever the verdict; an unreadable
 * input or one whose check failed is not, so it is tried again next time.
 */
public final class FeedState {
    private final Path file;
    private final Map<String, String> seen = new TreeMap<>();
    private final Map<String, String> pending = new ConcurrentHashMap<>();

    private FeedState(Path file) {
        this.file = file;
    }

    /** @throws IllegalArgumentException when the file exists but is not a state file */
    public static FeedState open(Path file) {
        FeedState s = new FeedState(file);
        if (Files.exists(file)) {
            try {
                JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
                JsonNode items = root == null ? null : root.get("items");
                if (items == null || !items.isObject()) throw new IOException("no 'items' object");
                for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    s.seen.put(e.getKey(), e.getValue().asText());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": not a Calque state file (" + e.getMessage().lines()
                        .findFirst().orElse("") + "); delete it to start afresh");
            }
        }
        return s;
    }

    /** Whether the article is new or changed since it was recorded; remembers its hash if so. */
    public boolean isNew(Article a) {
        String hash = hash(a.text());
        synchronized (seen) {
            if (hash.equals(seen.get(a.id()))) return false;
        }
        pending.put(a.id(), hash);
        return true;
    }

    /** The article was checked and reported: record it. */
    public void record(Article a) {
        String hash = pending.remove(a.id());
        if (hash == null) return;
        synchronized (seen) {
            seen.put(a.id(), hash);
        }
    }

    public int size() {
        synchronized (seen) {
            return seen.size();
        }
    }

    /** Writes the state whole or not at all (temporary file, then rename). */
    public void save() throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode items = root.putObject("items");
        synchronized (seen) {
            seen.forEach(items::put);
        }
        try (AtomicOutput out = new AtomicOutput(file)) {
            out.write(m.writeValueAsBytes(root));
            out.write('\n');
            out.commit();
        }
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
