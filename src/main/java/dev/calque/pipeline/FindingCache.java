package dev.calque.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Findings of texts already checked, on disk, keyed by the text and the checker's configuration key
 * (code, LanguageTool, rule files, options): a feed re-run serves unchanged stories from here
 * instead of checking them again. Any change to the rules or the code changes every key.
 */
public final class FindingCache {
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    private final Path dir;
    private final byte[] salt;
    private final ObjectMapper json = new ObjectMapper();

    public FindingCache(Path dir, String configurationKey) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.salt = configurationKey.getBytes(StandardCharsets.UTF_8);
    }

    String key(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update((byte) 0);
            md.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached findings under a key from {@link #key}, or null when that text was not checked with this configuration. */
    List<Finding> get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) return null;
        try {
            return json.readValue(f.toFile(), FINDINGS);
        } catch (IOException unreadable) {
            return null; // a damaged entry is checked again and rewritten
        }
    }

    void put(String key, List<Finding> findings) {
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".entry", ".part");
            json.writeValue(tmp.toFile(), findings);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache that cannot be written only costs time
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
