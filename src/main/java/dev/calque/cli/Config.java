package dev.calque.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code calque.yml}: the settings a project keeps beside its articles (every key is described in
 * docs/configuration.md). Read strictly: an unknown key or a bad value stops the run with the
 * file, the line and a hint. Every scalar keeps its line so that checks made later (a rule id that
 * does not exist, a weight out of range) can still point at it.
 */
public final class Config {
    public static final String FILE_NAME = "calque.yml";

    /** A scalar value from the file with the line it is on. */
    @JsonDeserialize(using = Located.Reader.class)
    public record Located(String text, int line) {
        static final class Reader extends JsonDeserializer<Located> {
            @Override
            public Located deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (!p.currentToken().isScalarValue()) {
                    throw JsonMappingException.from(p, "expected a single value here, not a "
                            + (p.currentToken() == JsonToken.START_ARRAY ? "list" : "mapping"));
                }
                return new Located(p.getText(), p.currentTokenLocation().getLineNr());
            }
        }
    }

    public static final class Rules {
        public List<Located> folders = List.of();
        public Located bundled;
        public Located stock;
        public List<Located> disable = List.of();
        public Categories categories = new Categories();
        public Map<String, Located> severity = Map.of();
    }

    public static final class Categories {
        public List<Located> enable = List.of();
        public List<Located> disable = List.of();
    }

    public static final class Scoring {
        public Map<String, Located> weights = Map.of();
        public Map<String, Map<String, Located>> categoryWeights = Map.of();
        public Located referenceWords;
        public Located minWords;
    }

    public static final class Gate {
        public Located failOn;
        public Located minScore;
        public Located minConfidence;
        public Located maxRisk;
    }

    public static final class Skip {
        public List<Located> paths = List.of();
        public List<Located> items = List.of();
    }

    public static final class Report {
        public Located majorAs;
    }

    public Located source;
    public Located target;
    public Rules rules = new Rules();
    public Scoring scoring = new Scoring();
    public Gate gate = new Gate();
    public Skip skip = new Skip();
    public Report report = new Report();
    public Located baseline;
    public Located suppressions;
    /** The review desk's verdict database (docs/review.md). */
    public Located verdicts;
    public Located state;
    public Located glossary;

    /** The file this came from, as the user would name it; null for the empty configuration. */
    private Path file;

    /** The file's values over the defaults, checked when the file is read. */
    private Settings settings;

    /**
     * {@code rules.folders} entries outside this file's folder: refused unless the command line gives
     * the same folder ({@link Settings#with}), which is the user's word rather than the pull request's.
     */
    final List<Located> ruleFoldersOutside = new ArrayList<>();

    public static Config empty() {
        return new Config();
    }

    public Path file() {
        return file;
    }

    /** The file's values over the defaults, as checked when it was read. */
    public Settings settings() {
        if (settings == null) settings = Settings.fromConfig(this); // the empty configuration
        return settings;
    }

    /** {@code --config FILE}, else {@code calque.yml} in the working folder, else nothing. */
    public static Config find(Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) throw new UsageError(explicit + ": configuration file not found");
            return load(explicit);
        }
        Path here = Path.of(FILE_NAME);
        return Files.isRegularFile(here) ? load(here) : empty();
    }

    /** Jackson takes a few hundred milliseconds to load: only when there is a file to read. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(dev.calque.untrusted.UntrustedYaml.factory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public static Config load(Path f) {
        Config c;
        try {
            c = Yaml.MAPPER.readValue(f.toFile(), Config.class);
        } catch (UnrecognizedPropertyException e) {
            throw new UsageError(at(f, line(e), "unknown key '" + e.getPropertyName() + "'", "known keys here: "
                    + e.getKnownPropertyIds() + "; see docs/configuration.md"));
        } catch (JsonMappingException e) {
            if (isSyntax(e)) {
                throw new UsageError(at(f, line(e), "not valid YAML: " + describe(e), "check the indentation and quoting"));
            }
            throw new UsageError(at(f, line(e), describe(e), "see docs/configuration.md"));
        } catch (JsonProcessingException e) {
            throw new UsageError(at(f, line(e), "not valid YAML: " + dev.calque.untrusted.UntrustedYaml.reason(e),
                    "check the indentation and quoting"));
        } catch (NoSuchFileException e) {
            throw new UsageError(f + ": configuration file not found");
        } catch (IOException e) {
            throw new UsageError(f + ": cannot read: " + e.getMessage());
        }
        if (c == null) c = new Config(); // an empty file is an empty configuration
        c.file = f;
        // every value that can be checked without loading rules, so a bad file fails before any work
        c.settings = Settings.fromConfig(c);
        return c;
    }

    private static boolean isSyntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException
                    && !(t instanceof JsonMappingException)) return true;
            if (t.getClass().getName().startsWith("org.yaml.snakeyaml")) return true;
        }
        return false;
    }

    /** Jackson's wording, in the configuration's terms. */
    private static String describe(JsonMappingException e) {
        return dev.calque.untrusted.UntrustedYaml.reason(e);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    static String at(Path f, int line, String reason, String hint) {
        return f + (line > 0 ? ":" + line : "") + ": " + reason + (hint == null ? "" : " (" + hint + ")");
    }

    /** An error about a value of this file, with its line. */
    UsageError error(Located v, String reason, String hint) {
        return new UsageError(at(file, v == null ? 0 : v.line(), reason, hint));
    }

    /** A path from the file, relative to the file's folder. */
    Path resolve(Located v) {
        Path p = Path.of(v.text());
        if (p.isAbsolute() || file == null) return p;
        Path dir = file.toAbsolutePath().getParent();
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = dir.resolve(p).normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    /**
     * A file this configuration names for Calque to read or write (baseline, suppressions, state,
     * glossary, verdicts), which must lie inside the configuration's folder: a {@code calque.yml} in a
     * pull request could otherwise name {@code /home/runner/.ssh/id_rsa} as its glossary and have its
     * lines printed in the report as required terms, or name any file as the state to be replaced.
     * Absolute paths, {@code ..} out of the folder and symbolic links out are refused.
     */
    Path inside(Located v, String key) {
        if (v == null) return null;
        if (file == null) return resolve(v);
        if (outside(v)) throw outsideError(v, key + " '" + v.text() + "' must be a file inside", "give it on the command line instead");
        return resolve(v);
    }

    /**
     * Whether a path this file names lies outside the file's folder: absolute, {@code ..} out of it, or
     * through a symbolic link (or a dangling one) out of it.
     */
    boolean outside(Located v) {
        if (file == null) return false;
        Path dir = file.toAbsolutePath().getParent().normalize();
        Path p = Path.of(v.text());
        Path abs = dir.resolve(p).normalize();
        if (p.isAbsolute() || !abs.startsWith(dir)) return true;
        try {
            Path real = dir.toRealPath();
            Path existing = abs;
            while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) return false;
            if (!Files.exists(existing)) return true; // a dangling link
            return !existing.toRealPath().startsWith(real);
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** @param what the value and what it must be, e.g. {@code glossary 'x' must be a file inside} */
    UsageError outsideError(Located v, String what, String instead) {
        Path dir = file.toAbsolutePath().getParent().normalize();
        return error(v, what + " " + dir.getFileName() + "/, the folder of " + file.getFileName(),
                "a configuration names nothing outside its own folder; " + instead);
    }

    /** The gate's severity threshold; null for never. */
    Severity failOn() {
        try {
            return Settings.failOn("gate.failOn", gate.failOn.text());
        } catch (UsageError e) {
            throw error(gate.failOn, e.getMessage(), null);
        }
    }

    /**
     * The Allure severity of an article whose worst finding is major: {@code normal} or {@code blocker}.
     * @param where the value's place in this file, or null when it comes from the command line
     */
    boolean majorIsBlocker(String value, Located where) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("normal")) return false;
        if (v.equals("blocker")) return true;
        String reason = "must be normal or blocker, not '" + value + "'";
        String hint = "the Allure severity of articles whose worst finding is major";
        if (where == null) throw new UsageError("--major-as " + reason + " (" + hint + ")");
        throw error(where, "report.majorAs " + reason, hint);
    }

    Double minScore() {
        double d = number(gate.minScore, "gate.minScore");
        if (d > 100) throw error(gate.minScore, "gate.minScore must be at most 100", "the best MQM score is 100");
        return d;
    }

    /** A gate probability ({@code gate.minConfidence}, {@code gate.maxRisk}), checked as the command line's; null when absent. */
    Double probability(Located v, String key) {
        if (v == null) return null;
        double d = number(v, key);
        try {
            return Settings.probability(key, d);
        } catch (UsageError e) {
            throw error(v, e.getMessage(), "the risk model's probabilities run from 0 to 1");
        }
    }

    Map<String, Severity> severityOverrides() {
        Map<String, Severity> out = new LinkedHashMap<>();
        rules.severity.forEach((id, v) -> out.put(id, severity(v, "rules.severity." + id)));
        return out;
    }

    Map<Severity, Double> weights(Map<String, Located> m, String key) {
        Map<Severity, Double> out = new LinkedHashMap<>();
        m.forEach((sev, v) -> {
            Severity s;
            try {
                s = Severity.parse(sev);
            } catch (IllegalArgumentException e) {
                throw error(v, "'" + sev + "' under " + key + " is not a severity", "use neutral, minor, major or critical");
            }
            double w = number(v, key + "." + sev);
            if (w < 0) throw error(v, key + "." + sev + " must not be negative", "a penalty is 0 or more points");
            out.put(s, w);
        });
        return out;
    }

    private Severity severity(Located v, String key) {
        try {
            return Severity.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw error(v, key + ": unknown severity '" + v.text() + "'", "use neutral, minor, major or critical");
        }
    }

    double number(Located v, String key) {
        try {
            double d = Double.parseDouble(v.text().strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw error(v, key + " must be a number, not '" + v.text() + "'", null);
        }
    }

    Integer positiveInt(Located v, String key) {
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v.text().strip());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(v, key + " must be a whole number of at least 1, not '" + v.text() + "'", null);
    }

    Boolean bool(Located v, String key) {
        if (v == null) return null;
        return switch (v.text().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(v, key + " must be true or false, not '" + v.text() + "'", null);
        };
    }

    void category(Located c) {
        if (!MqmCategory.isValid(c.text())) {
            throw error(c, "unknown MQM category '" + c.text() + "'",
                    "a category starts with one of " + MqmCategory.DIMENSION_NAMES);
        }
    }

    void glob(Located g) {
        try {
            java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g.text());
        } catch (RuntimeException e) {
            throw error(g, "bad pattern '" + g.text() + "'", "a glob such as drafts/** or *.tmp");
        }
    }

    static List<String> texts(List<Located> l) {
        List<String> out = new ArrayList<>();
        for (Located v : l) out.add(v.text());
        return out;
    }
}
