package dev.calque.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calque.model.MqmCategory;
import dev.calque.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParser;
import dev.calque.untrusted.UntrustedXml;
import org.languagetool.Language;
import org.languagetool.rules.CorrectExample;
import org.languagetool.rules.IncorrectExample;
import org.languagetool.rules.Rule;
import org.languagetool.rules.patterns.AbstractPatternRule;
import org.languagetool.rules.patterns.PatternRuleLoader;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Loads rule packs from folders. A folder holding {@code en/} or {@code fr-en/} sub-folders is a
 * pack root: the sub-folder for the target language and the one for the language pair are loaded.
 * Any other folder is loaded as it is. In each, {@code *.xml} files are LanguageTool pattern rules
 * and {@code *.yml} files are Calque rule tables (see {@code rules/README.md}).
 */
public final class RulePackLoader {

    private final Language language;
    private final ObjectMapper yaml = new ObjectMapper(dev.calque.untrusted.UntrustedYaml.factory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, RuleInfo> infos = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();
    private final Set<String> generic = new HashSet<>();
    private final StockPolicy stock = new StockPolicy();

    private RulePackLoader(Language language) {
        this.language = language;
    }

    /**
     * @param dirs   rule folders, in order
     * @param target target language code, e.g. {@code en}
     * @param source source language code, e.g. {@code fr}
     */
    public static RulePack load(List<Path> dirs, String target, String source, Language language) {
        RulePackLoader loader = new RulePackLoader(language);
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) throw new RuleFileException(dir, 0, "rule folder not found");
            Path general = dir.resolve(target);
            Path pair = dir.resolve(source + "-" + target);
            boolean root = Files.isDirectory(general) || hasPairFolders(dir);
            if (root) {
                if (Files.isDirectory(general)) loader.loadFolder(general, dir);
                if (Files.isDirectory(pair)) loader.loadFolder(pair, dir);
            } else {
                loader.loadFolder(dir, dir);
            }
        }
        return new RulePack(loader.rules, loader.infos, loader.generic, loader.stock, loader.files, hash(loader.files));
    }

    private static boolean hasPairFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("[a-z]{2,3}-[a-z]{2,3}"));
        } catch (IOException e) {
            return false;
        }
    }

    private void loadFolder(Path dir, Path root) {
        List<Path> list;
        try (Stream<Path> s = Files.list(dir)) {
            list = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RuleFileException(dir, 0, "cannot list rule folder: " + e.getMessage());
        }
        for (Path f : list) {
            String name = f.getFileName().toString();
            if (name.endsWith(".xml")) {
                inside(root, f);
                loadXml(f);
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                inside(root, f);
                RuleSpec.File file = parseYaml(f);
                if (file.languagetool() != null) stock.merge(checkStock(f, file.languagetool()));
                if (file.rules() != null) for (JsonNode rule : file.rules()) addTableRule(f, rule);
            }
        }
    }

    /**
     * Refuses a rule file that a symbolic link (the file's, or its folder's) takes out of the rule folder it was
     * found in: a rule folder from a pull request must not have Calque read {@code ~/.aws/credentials} or another
     * checkout's files as rules (as its tables may not, {@link RuleDefinition#table}).
     */
    public static void inside(Path root, Path f) {
        try {
            if (!f.toRealPath().startsWith(root.toRealPath())) {
                throw new RuleFileException(f, 0, "a symbolic link out of the rule folder " + root + "; not read");
            }
        } catch (IOException e) {
            throw new RuleFileException(f, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * A {@code languagetool:} section: issue types must be ITS 2.0 names, and every category an MQM
     * category, or a typo would leave stock rules with no label or the wrong one.
     */
    private static StockPolicy.Spec checkStock(Path f, StockPolicy.Spec spec) {
        if (spec.types() != null) {
            spec.types().forEach((type, label) -> {
                if (!MqmCategory.ITS_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
                    throw new RuleFileException(f, lineOfKey(f, type, 0), "languagetool.types: '" + type
                            + "' is not an ITS 2.0 issue type (one of " + new java.util.TreeSet<>(MqmCategory.ITS_TYPES) + ")");
                }
                checkStockLabel(f, "languagetool.types." + type, type, label, true);
            });
        }
        if (spec.rules() != null) {
            spec.rules().forEach((id, label) -> checkStockLabel(f, "languagetool.rules." + id, id, label, false));
        }
        return spec;
    }

    private static void checkStockLabel(Path f, String where, String key, StockPolicy.Label label, boolean needsCategory) {
        if (label == null || (needsCategory && label.category() == null)) {
            throw new RuleFileException(f, lineOfKey(f, key, 0), where + ": needs a category (and a severity)");
        }
        if (label.category() != null && !MqmCategory.isValid(label.category())) {
            throw new RuleFileException(f, lineOfKey(f, key, 0), where + ": MQM category '" + label.category()
                    + "' does not start with one of " + MqmCategory.DIMENSION_NAMES);
        }
    }

    // ---------------------------------------------------------------- YAML rule tables

    private RuleSpec.File parseYaml(Path f) {
        files.add(f);
        try {
            RuleSpec.File file = yaml.readValue(f.toFile(), RuleSpec.File.class);
            if (file == null) throw new RuleFileException(f, 0, "empty rule file");
            return file;
        } catch (UnrecognizedPropertyException e) {
            throw new RuleFileException(f, lineOfKey(f, e.getPropertyName(), line(e)), "unknown key '"
                    + e.getPropertyName() + "' (known keys: " + new java.util.TreeSet<>(e.getKnownPropertyIds().stream()
                    .map(Object::toString).toList()) + ")");
        } catch (JsonMappingException e) {
            throw new RuleFileException(f, line(e), dev.calque.untrusted.UntrustedYaml.reason(e));
        } catch (NoSuchFileException e) {
            throw new RuleFileException(f, 0, "file not found");
        } catch (IOException e) {
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? dev.calque.untrusted.UntrustedYaml.reason(jp)
                    : e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new RuleFileException(f, e instanceof com.fasterxml.jackson.core.JsonProcessingException jp
                    && jp.getLocation() != null ? jp.getLocation().getLineNr() : 0, "not valid YAML: " + msg);
        }
    }

    /** Jackson reports record errors after the record is read; find the key's own line instead. */
    static int lineOfKey(Path f, String key, int fallback) {
        return lineOfKey(f, null, key, fallback);
    }

    /**
     * The line of a key, the first after the line of {@code id: ruleId} when a rule id is given (a
     * rule read as a tree has no positions left).
     */
    static int lineOfKey(Path f, String ruleId, String key, int fallback) {
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            int from = 0;
            if (ruleId != null) {
                Pattern id = Pattern.compile("^\\s*(?:-\\s+)?id\\s*:\\s*[\"']?" + Pattern.quote(ruleId) + "[\"']?\\s*(?:#.*)?$");
                while (from < lines.size() && !id.matcher(lines.get(from)).find()) from++;
                if (from == lines.size()) from = 0;
            }
            Pattern p = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(key) + "\\s*:");
            for (int i = from; i < lines.size(); i++) if (p.matcher(lines.get(i)).find()) return i + 1;
        } catch (IOException ignored) {
            // fall back to Jackson's position
        }
        return fallback;
    }

    private static int line(JsonMappingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * One YAML rule: the keys every rule has, then its kind's own keys read into the kind's record.
     * A key that is neither fails the load, naming the file, the rule and the key.
     */
    private void addTableRule(Path file, JsonNode node) {
        if (!(node instanceof ObjectNode fields)) {
            throw new RuleFileException(file, 0, "each entry under 'rules:' must be a rule (id, kind, ...), not '"
                    + node + "'");
        }
        ObjectNode common = yaml.createObjectNode();
        ObjectNode own = fields.deepCopy();
        for (String key : RuleSpec.KEYS) if (own.has(key)) common.set(key, own.remove(key));
        String rawId = common.path("id").isTextual() ? common.get("id").asText() : null;
        RuleSpec spec = decode(file, rawId, common, RuleSpec.class, "");
        String where = spec.id() == null ? "a rule without id" : "rule " + spec.id();
        if (spec.id() == null || !spec.id().matches("[A-Z][A-Z0-9_]*")) {
            throw new RuleFileException(file, 0, where + ": 'id' must be UPPER_SNAKE_CASE");
        }
        RuleKind<?> kind = RuleKinds.named(spec.kind());
        if (kind == null) {
            throw new RuleFileException(file, 0, where + ": 'kind' must be one of " + RuleKinds.names());
        }
        addTableRule(file, spec, kind, own);
    }

    private <K extends Record> void addTableRule(Path file, RuleSpec spec, RuleKind<K> kind, ObjectNode own) {
        K keys = decode(file, spec.id(), own, kind.keys(), " (a " + kind.name() + " rule's own keys: "
                + RuleSpec.keysOf(kind.keys()) + "; every rule's: " + RuleSpec.KEYS + ")");
        checkMeta(file, 0, spec.id(), spec.category(), spec.severity(), spec.message());
        String template = spec.message();
        RuleInfo info = new RuleInfo(spec.id(), spec.name() == null ? spec.id() : spec.name(), spec.category(),
                spec.severity(), template.replaceAll("\\{[a-z]+}", "…"), kind.name(), file.toString(),
                spec.ruleExamples());
        TextRule rule = kind.build(keys, new RuleDefinition(file, info, template, files::add));
        if (kind.generic()) generic.add(spec.id());
        register(file, 0, info, List.of(rule));
    }

    /** Reads part of a rule into a record; an unknown key or a value of the wrong type names the rule and the key. */
    private <T> T decode(Path file, String ruleId, ObjectNode node, Class<T> type, String knownKeys) {
        String where = ruleId == null ? "a rule without id" : "rule " + ruleId;
        try {
            return yaml.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new RuleFileException(file, lineOfKey(file, ruleId, e.getPropertyName(), 0), "unknown key '"
                    + e.getPropertyName() + "' in " + where + knownKeys);
        } catch (JsonMappingException e) {
            String key = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            int line = key == null ? 0 : lineOfKey(file, ruleId, key, 0);
            throw new RuleFileException(file, line, where + (key == null ? "" : ": '" + key + "'") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new RuleFileException(file, 0, where + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- LanguageTool XML

    /** Metadata of one XML rule or rule group, read with a SAX pass that knows line numbers. */
    private record XmlMeta(String id, String name, String category, Severity severity, String message, int line) {
    }

    private void loadXml(Path f) {
        files.add(f);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new RuleFileException(f, 0, "cannot read: " + e.getMessage());
        }
        List<XmlMeta> metas = readXmlMeta(f, bytes);
        List<AbstractPatternRule> loaded;
        try {
            loaded = new PatternRuleLoader().getRules(new ByteArrayInputStream(bytes), f.toString(), language);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            int line = root instanceof SAXParseException sp ? sp.getLineNumber() : 0;
            throw new RuleFileException(f, line, "LanguageTool cannot load it: " + root.getMessage(), e);
        }
        Map<String, List<Rule>> byId = new LinkedHashMap<>();
        for (AbstractPatternRule r : loaded) byId.computeIfAbsent(r.getId(), k -> new ArrayList<>()).add(r);
        for (XmlMeta m : metas) {
            List<Rule> group = byId.getOrDefault(m.id(), List.of());
            if (group.isEmpty()) continue;
            checkMeta(f, m.line(), m.id(), m.category(), m.severity(), m.message());
            List<RuleExample> examples = new ArrayList<>();
            for (Rule r : group) {
                for (IncorrectExample ex : r.getIncorrectExamples()) {
                    List<String> corr = ex.getCorrections();
                    examples.add(new RuleExample(ex.getExample(), true, corr.isEmpty() ? null : corr.get(0)));
                }
                for (CorrectExample ex : r.getCorrectExamples()) {
                    examples.add(new RuleExample(ex.getExample(), false, null));
                }
            }
            RuleInfo info = new RuleInfo(m.id(), m.name() == null ? m.id() : m.name(), m.category(), m.severity(),
                    m.message(), "xml", f.toString(), examples);
            register(f, m.line(), info, group);
        }
    }

    private static List<XmlMeta> readXmlMeta(Path f, byte[] bytes) {
        List<XmlMeta> metas = new ArrayList<>();
        try {
            // This pass runs first and refuses any DOCTYPE, so LanguageTool's own loader (whose parser
            // resolves entities) never sees a document that declares one.
            SAXParser parser = UntrustedXml.saxFactory().newSAXParser();
            parser.parse(new ByteArrayInputStream(bytes), new DefaultHandler() {
                Locator locator;
                final Deque<String[]> defaults = new ArrayDeque<>(); // {category, severity}
                String id;
                String name;
                String category;
                String severityText;
                int line;
                int depthInGroup;
                StringBuilder message;
                String firstMessage;
                /** Text of the open token, exception and regexp elements; null where not a regular expression. */
                final Deque<java.util.Optional<StringBuilder>> expressions = new ArrayDeque<>();

                @Override
                public void setDocumentLocator(Locator l) {
                    locator = l;
                }

                @Override
                public void startElement(String uri, String local, String q, Attributes a) {
                    switch (q) {
                        case "category" -> defaults.push(new String[] {a.getValue("mqm"), a.getValue("severity")});
                        case "rulegroup" -> open(a);
                        case "rule" -> {
                            if (id == null) open(a); else depthInGroup++;
                        }
                        case "message" -> {
                            if (firstMessage == null && id != null) message = new StringBuilder();
                        }
                        case "suggestion" -> {
                            if (message != null) message.append('“');
                        }
                        case "token", "exception" -> expressions.push("yes".equals(a.getValue("regexp"))
                                ? java.util.Optional.of(new StringBuilder()) : java.util.Optional.empty());
                        case "regexp" -> expressions.push(java.util.Optional.of(new StringBuilder()));
                        default -> { }
                    }
                }

                private void open(Attributes a) {
                    String[] d = defaults.isEmpty() ? new String[2] : defaults.peek();
                    id = a.getValue("id");
                    name = a.getValue("name");
                    category = a.getValue("mqm") != null ? a.getValue("mqm") : d[0];
                    severityText = a.getValue("severity") != null ? a.getValue("severity") : d[1];
                    line = locator == null ? 0 : locator.getLineNumber();
                    depthInGroup = 0;
                    firstMessage = null;
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (message != null) message.append(ch, start, length);
                    if (!expressions.isEmpty()) expressions.peek().ifPresent(b -> b.append(ch, start, length));
                }

                @Override
                public void endElement(String uri, String local, String q) {
                    switch (q) {
                        case "category" -> defaults.pop();
                        case "token", "exception", "regexp" -> {
                            if (expressions.isEmpty()) return;
                            String regex = expressions.pop().map(b -> b.toString().strip()).orElse(null);
                            String evil = regex == null ? null : NestedRepetition.find(regex);
                            if (evil != null) {
                                throw new RuleFileException(f, locator == null ? 0 : locator.getLineNumber(),
                                        (id == null ? "" : "rule " + id + ": ") + "regular expression '" + regex
                                        + "' repeats a group that itself repeats (" + evil + "), which can take "
                                        + "exponential time; write it without the nested repetition");
                            }
                            String slow = regex == null ? null : RegexCost.superQuadratic(regex, q.equals("regexp"));
                            if (slow != null) {
                                throw new RuleFileException(f, locator == null ? 0 : locator.getLineNumber(),
                                        (id == null ? "" : "rule " + id + ": ") + "regular expression '" + regex
                                        + "' takes more than quadratic time on long input: " + slow
                                        + " (LanguageTool cannot stop a match; write its repetitions so that they cannot match the same text)");
                            }
                        }
                        case "suggestion" -> {
                            if (message != null) message.append('”');
                        }
                        case "message" -> {
                            if (message != null) {
                                firstMessage = message.toString().replaceAll("\\s+", " ").strip();
                                message = null;
                            }
                        }
                        case "rule", "rulegroup" -> {
                            if (q.equals("rule") && depthInGroup > 0) {
                                depthInGroup--;
                                return;
                            }
                            if (id == null) return;
                            Severity sev;
                            try {
                                sev = severityText == null ? null : Severity.parse(severityText);
                            } catch (IllegalArgumentException e) {
                                throw new RuleFileException(f, line, "rule " + id + ": " + e.getMessage());
                            }
                            metas.add(new XmlMeta(id, name, category, sev, firstMessage, line));
                            id = null;
                        }
                        default -> { }
                    }
                }
            });
        } catch (SAXParseException e) {
            if (UntrustedXml.isDoctypeRefusal(e)) throw new RuleFileException(f, e.getLineNumber(), UntrustedXml.NO_DOCTYPE);
            throw new RuleFileException(f, e.getLineNumber(), "not well-formed XML: " + UntrustedXml.plain(e));
        } catch (RuleFileException e) {
            throw e;
        } catch (Exception e) {
            throw new RuleFileException(f, 0, "cannot parse: " + e.getMessage());
        }
        return metas;
    }

    // ---------------------------------------------------------------- common

    /** The metadata every rule must declare, whatever its kind or format. */
    public static void checkMeta(Path f, int line, String id, String category, Severity severity, String message) {
        if (category == null) {
            throw new RuleFileException(f, line, "rule " + id + ": no MQM category (set mqm=\"Dimension/Type\" on the rule or its category)");
        }
        try {
            MqmCategory.parse(category);
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(f, line, "rule " + id + ": " + e.getMessage());
        }
        if (severity == null) {
            throw new RuleFileException(f, line, "rule " + id + ": no severity (minor, major or critical)");
        }
        if (message == null || message.isBlank()) {
            throw new RuleFileException(f, line, "rule " + id + ": no message for the editor");
        }
    }

    private void register(Path f, int line, RuleInfo info, List<Rule> group) {
        // a rule cannot land untested: the generic example test needs one sentence of each kind
        boolean flagged = info.examples().stream().anyMatch(e -> e.flagged() && !e.text().isBlank());
        boolean clean = info.examples().stream().anyMatch(e -> !e.flagged() && !e.text().isBlank());
        if (!flagged || !clean) {
            throw new RuleFileException(f, line, "rule " + info.id() + ": needs at least one flagged and one clean example"
                    + " (has " + (flagged ? "no clean one" : clean ? "no flagged one" : "none") + ")");
        }
        RuleInfo previous = infos.putIfAbsent(info.id(), info);
        if (previous != null) {
            throw new RuleFileException(f, line, "rule id " + info.id() + " is already defined in " + previous.source());
        }
        rules.addAll(group);
    }

    /** A short hash of rule files' names and bytes, in the order given: what caches of checked text are keyed by. */
    public static String hash(List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files) {
                md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash rule files", e);
        }
    }
}
