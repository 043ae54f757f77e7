package dev.calque.bilingual;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.calque.model.Severity;
import dev.calque.rules.RuleExample;
import dev.calque.rules.RuleFileException;
import dev.calque.rules.RuleInfo;
import dev.calque.rules.RulePackLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Loads the rules that read the original: the {@code bilingual:} section of the YAML rule files in the
 * same folders as the other rules ({@code rules/en/} for every source language, {@code rules/<pair>/}).
 * A section holds {@code rules:} (each of a generic kind below) and {@code languages:} (how a language
 * writes numbers, dates, negation and names; tables beside the file). Languages are read from every
 * pair folder, so an original in any described language is read right whatever {@code --from} says.
 */
public final class SourceRules {
    private static final long MAX_FILE_BYTES = 1 << 20;

    /** One rule as its file writes it. */
    record Spec(String id, String name, String kind, String category, Severity severity, String message,
                Integer minWords, Integer minChars, Double mean, Double sd, Double z, Double coverageZ, Integer minMissing,
                String values, Double margin, Double reach,
                List<Example> examples) {
    }

    /** An example: the original, and the translation to flag (with a marker) or to leave alone. */
    record Example(String source, String flag, String clean, String correction) {
    }

    /** A language's section. */
    record LanguageSpec(Boolean decimalComma, String words, Boolean capitalizedDates, String nameForms,
                        String timePattern, String ordinalPattern, String centuryPattern, List<String> negation,
                        List<String> weakNegation, List<String> units, List<String> articles, String notNames,
                        Boolean unspaced, String monthPattern, List<String> notNegation,
                        String names, String negationJoiner, Map<String, String> counterparts,
                        List<String> nameArticles, String clauseGoesOn, List<String> placePrepositions, List<String> functionWords,
                        List<String> nameJoiners, List<String> subjectVerbs, List<String> determiners,
                        Map<String, String> capitals) {
    }

    record Section(Map<String, LanguageSpec> languages, List<Spec> rules) {
    }

    /** The loaded rules, their metadata and the languages' conventions. */
    public record Pack(List<SourceRule> rules, ConventionTable conventions, String hash) {
        public Pack {
            rules = List.copyOf(rules);
        }

        public RuleInfo info(String id) {
            for (SourceRule r : rules) if (r.info().id().equals(id)) return r.info();
            return null;
        }
    }

    private final ObjectMapper yaml;
    private final List<SourceRule> rules = new ArrayList<>();
    private final Map<String, Conventions> languages = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();

    private SourceRules() {
        // the one hardened reader of every YAML file (aliases, depth, size; UTF-16 and UTF-32 too)
        yaml = new ObjectMapper(dev.calque.untrusted.UntrustedYaml.factory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * @param dirs   rule folders, in order, as given to the rule pack loader
     * @param target target language code, e.g. {@code en}
     * @param source source language code, e.g. {@code fr} (rules of its pair folder load too)
     */
    public static Pack load(List<Path> dirs, String target, String source) {
        SourceRules loader = new SourceRules();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) throw new RuleFileException(dir, 0, "rule folder not found");
            Path general = dir.resolve(target);
            List<Path> pairs = pairFolders(dir, target);
            if (Files.isDirectory(general) || !pairs.isEmpty()) {
                if (Files.isDirectory(general)) loader.loadFolder(general, true, dir);
                for (Path pair : pairs) loader.loadFolder(pair, pair.getFileName().toString().equals(source + "-" + target), dir);
            } else {
                loader.loadFolder(dir, true, dir);
            }
        }
        return new Pack(loader.rules, new ConventionTable(loader.languages), RulePackLoader.hash(loader.files));
    }

    private static List<Path> pairFolders(Path dir, String target) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("[a-z]{2,3}-" + target))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void loadFolder(Path dir, boolean withRules, Path root) {
        List<Path> list;
        try (Stream<Path> s = Files.list(dir)) {
            list = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new RuleFileException(dir, 0, "cannot list rule folder: " + e.getMessage());
        }
        for (Path f : list) {
            dev.calque.rules.RulePackLoader.inside(root, f);
            Section section = read(f);
            if (section == null) continue;
            files.add(f);
            if (section.languages() != null) {
                for (Map.Entry<String, LanguageSpec> e : section.languages().entrySet()) {
                    languages.put(e.getKey(), conventions(f, e.getKey(), e.getValue()));
                }
            }
            if (withRules && section.rules() != null) for (Spec s : section.rules()) rules.add(build(f, s));
        }
    }

    private Section read(Path f) {
        try {
            if (Files.size(f) > MAX_FILE_BYTES) throw new RuleFileException(f, 0, "rule file larger than 1 MB");
            JsonNode root = yaml.readTree(f.toFile());
            JsonNode b = root == null ? null : root.get("bilingual");
            if (b == null || b.isNull()) return null;
            return yaml.treeToValue(b, Section.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RuleFileException(f, 0, "bilingual: unknown key '" + e.getPropertyName() + "'");
        } catch (NoSuchFileException e) {
            throw new RuleFileException(f, 0, "file not found");
        } catch (IOException e) {
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? dev.calque.untrusted.UntrustedYaml.reason(jp)
                    : e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new RuleFileException(f, 0, "bilingual: " + msg);
        }
    }

    private Conventions conventions(Path f, String code, LanguageSpec s) {
        if (!code.matches("[a-z]{2,3}")) throw new RuleFileException(f, 0, "bilingual: language '" + code + "' is not an ISO 639 code");
        Map<String, String> words = new LinkedHashMap<>();
        if (s.words() != null) {
            for (String[] row : table(f, s.words())) {
                String v = row[1];
                if (!v.matches("-?\\d+(\\.\\d+)?|x\\d+|month:(1[0-2]|[1-9])|weekday:[1-7]")) {
                    throw new RuleFileException(f.resolveSibling(s.words()), 0, "value '" + v + "' of '" + row[0]
                            + "' is not a number, xN, month:N or weekday:N");
                }
                words.put(row[0], v); // as written: an entry with capitals matches only so (M, Md), others in any case
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (s.nameForms() != null) for (String[] row : table(f, s.nameForms())) names.put(row[0], row[1]);
        // names English writes otherwise that are also correct English as they are (Suisse as in Credit Suisse):
        // for comparing with the original only, so not in the name-form table the monolingual rule reads
        if (s.names() != null) for (String[] row : table(f, s.names())) names.putIfAbsent(row[0], row[1]);
        List<Pattern> negation = new ArrayList<>();
        if (s.negation() != null) for (String n : s.negation()) negation.add(compile(f, n));
        List<Pattern> weak = new ArrayList<>();
        if (s.weakNegation() != null) for (String n : s.weakNegation()) weak.add(compile(f, n));
        List<Pattern> notNegation = new ArrayList<>();
        if (s.notNegation() != null) for (String n : s.notNegation()) notNegation.add(compile(f, n));
        return new Conventions(code, Boolean.TRUE.equals(s.decimalComma()), words, Boolean.TRUE.equals(s.capitalizedDates()),
                names, s.timePattern() == null ? null : compile(f, s.timePattern()),
                s.ordinalPattern() == null ? null : compile(f, s.ordinalPattern()),
                s.centuryPattern() == null ? null : compile(f, s.centuryPattern()), negation, weak,
                s.units() == null ? java.util.Set.of() : new java.util.HashSet<>(s.units()),
                s.articles() == null ? java.util.Set.of() : new java.util.HashSet<>(s.articles()),
                s.notNames() == null ? null : compile(f, s.notNames()), Boolean.TRUE.equals(s.unspaced()),
                s.monthPattern() == null ? null : compile(f, s.monthPattern()), notNegation,
                s.negationJoiner() == null ? null : compile(f, s.negationJoiner()),
                counterparts(f, s.counterparts()),
                s.nameArticles() == null ? java.util.Set.of() : new java.util.HashSet<>(s.nameArticles()),
                // the words after the white space that follows the name, as whole words
                s.clauseGoesOn() == null ? null : compile(f, "[\\s\\u00A0]+(?:" + s.clauseGoesOn() + ")(?![\\p{L}'’])"),
                // a preposition as the last word of what comes before a word, and a function word as the first of what follows
                s.placePrepositions() == null ? null : compile(f, "(?i)(?:^|\\s)(?:" + words(s.placePrepositions()) + ")\\s+$"),
                s.functionWords() == null ? null : compile(f, "(?:" + words(s.functionWords()) + ")\\b"),
                s.nameJoiners() == null ? null : compile(f, "(?:" + words(s.nameJoiners()) + ")"),
                // the verb as the first word of what follows a word
                s.subjectVerbs() == null ? null : compile(f, "[\\s\\u00A0]+(?:" + words(s.subjectVerbs()) + ")\\b"),
                // a determiner as the last word of what comes before a word
                s.determiners() == null ? null : compile(f, "(?i)(?:^|[^\\p{L}])(?:" + words(s.determiners()) + ")[\\s\\u00A0]+$"),
                counterparts(f, s.capitals()));
    }

    /** Words as alternatives of a pattern, each as written. */
    private static String words(List<String> words) {
        return String.join("|", words.stream().map(Pattern::quote).toList());
    }

    private static Map<String, Pattern> counterparts(Path f, Map<String, String> spec) {
        Map<String, Pattern> out = new LinkedHashMap<>();
        if (spec != null) for (Map.Entry<String, String> e : spec.entrySet()) out.put(e.getKey(), compile(f, e.getValue()));
        return out;
    }

    /** A table beside the rule file: two or more tab-separated columns a line, {@code #} comments. */
    private List<String[]> table(Path ruleFile, String name) {
        if (name.contains("/") || name.contains("\\")) {
            throw new RuleFileException(ruleFile, 0, "bilingual: table '" + name + "' must be a file beside the rule file");
        }
        Path t = ruleFile.resolveSibling(name);
        List<String> lines;
        try {
            if (Files.size(t) > dev.calque.rules.RuleDefinition.MAX_TABLE_BYTES) {
                throw new RuleFileException(t, 0, "table larger than " + (dev.calque.rules.RuleDefinition.MAX_TABLE_BYTES >> 20) + " MB");
            }
            lines = Files.readAllLines(t, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RuleFileException(ruleFile, 0, "bilingual: table " + t + " not found");
        } catch (IOException e) {
            throw new RuleFileException(ruleFile, 0, "bilingual: cannot read table " + t + ": " + e.getMessage());
        }
        files.add(t);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length < 2 || cols[0].isBlank()) throw new RuleFileException(t, i + 1, "expected 'word<TAB>value'");
            rows.add(new String[] {cols[0].strip(), cols[1].strip()});
        }
        return rows;
    }

    private static Pattern compile(Path f, String regex) {
        try {
            return Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new RuleFileException(f, 0, "bilingual: bad regular expression: " + e.getDescription() + " in " + regex);
        }
    }

    private SourceRule build(Path f, Spec s) {
        String where = s.id() == null ? "a bilingual rule without id" : "rule " + s.id();
        if (s.id() == null || !s.id().matches("[A-Z][A-Z0-9_]*")) throw new RuleFileException(f, 0, where + ": 'id' must be UPPER_SNAKE_CASE");
        for (SourceRule r : rules) {
            if (r.info().id().equals(s.id())) throw new RuleFileException(f, 0, where + ": id already defined in " + r.info().source());
        }
        if (s.category() == null || !dev.calque.model.MqmCategory.isValid(s.category())) {
            throw new RuleFileException(f, 0, where + ": MQM category must start with one of "
                    + dev.calque.model.MqmCategory.DIMENSION_NAMES);
        }
        if (s.severity() == null) throw new RuleFileException(f, 0, where + ": no severity (minor, major or critical)");
        if (s.message() == null || s.message().isBlank()) throw new RuleFileException(f, 0, where + ": no message for the editor");
        List<SourceRule.SourceExample> examples = new ArrayList<>();
        boolean flags = false;
        boolean cleans = false;
        if (s.examples() != null) {
            for (Example e : s.examples()) {
                if (e.source() == null || (e.flag() == null) == (e.clean() == null)) {
                    throw new RuleFileException(f, 0, where + ": each example needs 'source' and one of 'flag' or 'clean'");
                }
                flags |= e.flag() != null;
                cleans |= e.clean() != null;
                examples.add(new SourceRule.SourceExample(e.source(), e.flag() != null
                        ? new RuleExample(e.flag(), true, e.correction()) : new RuleExample(e.clean(), false, null)));
            }
        }
        if (!flags || !cleans) throw new RuleFileException(f, 0, where + ": needs at least one 'flag' and one 'clean' example");
        RuleInfo info = new RuleInfo(s.id(), s.name() == null ? s.id() : s.name(), s.category(), s.severity(),
                s.message().replaceAll("\\{[a-z]+}", "…"), s.kind(), f.toString(),
                examples.stream().map(SourceRule.SourceExample::target).toList());
        LinkRules.Meta base = new LinkRules.Meta(info, examples, s.message());
        int minWords = s.minWords() == null ? 0 : s.minWords();
        return switch (s.kind() == null ? "" : s.kind()) {
            case "omission" -> new LinkRules.Omission(base, minWords);
            case "addition" -> {
                if (s.z() != null && (s.sd() == null || s.sd() <= 0)) throw new RuleFileException(f, 0, where + ": 'z' needs 'sd' > 0");
                yield new LinkRules.Addition(base, minWords, s.mean() == null ? 0 : s.mean(), s.sd() == null ? 1 : s.sd(), s.z());
            }
            case "length-ratio" -> {
                if (s.sd() == null || s.sd() <= 0) throw new RuleFileException(f, 0, where + ": needs 'sd' > 0");
                yield new LinkRules.LengthRatio(base, s.mean() == null ? 0 : s.mean(), s.sd(), s.z() == null ? 3 : s.z(),
                        s.minChars() == null ? 60 : s.minChars(), s.coverageZ(), s.minMissing() == null ? 2 : s.minMissing());
            }
            case "numbers" -> {
                if (!"numbers".equals(s.values()) && !"dates".equals(s.values())) {
                    throw new RuleFileException(f, 0, where + ": 'values' must be numbers or dates");
                }
                yield new NumberRule(base, "dates".equals(s.values()));
            }
            case "names" -> new NameRule(base);
            case "negation" -> {
                if (s.reach() != null && (s.reach() <= 0 || s.reach() > 1)) throw new RuleFileException(f, 0, where + ": 'reach' must be in (0, 1]");
                yield new LinkRules.Negation(base, s.reach() == null ? 1 : s.reach());
            }
            case "copy" -> new LinkRules.Copy(base, minWords == 0 ? 4 : minWords);
            case "quotes" -> new LinkRules.Quotes(base, minWords == 0 ? 3 : minWords);
            case "verbatim" -> new LinkRules.Verbatim(base);
            case "consistency" -> new LinkRules.Consistency(base, minWords == 0 ? 3 : minWords);
            case "order" -> new LinkRules.Order(base, minWords == 0 ? 3 : minWords, s.margin());
            default -> throw new RuleFileException(f, 0, where + ": 'kind' must be one of omission, addition, "
                    + "length-ratio, numbers, names, negation, copy, quotes, verbatim, consistency, order");
        };
    }
}
