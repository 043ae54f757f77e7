package dev.calque.rules.bilingual;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.model.Severity;
import dev.calque.rules.RuleExample;
import dev.calque.rules.RuleFileException;
import dev.calque.rules.RuleInfo;
import dev.calque.rules.RulePackLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the rules that compare a translation with its original, segment by segment: the
 * {@code bilingual/} folder of each rule root ({@code rules/bilingual/*.yml}), or a folder given with
 * {@code --rules} that is named {@code bilingual}. Same metadata as every rule table (id, name, kind,
 * category, severity, message, examples); examples hold an original beside the translation.
 */
public final class BilingualRuleLoader {
    /** A YAML rule of a bilingual kind, as a tuner writes it. */
    public record Spec(String id, String name, String kind, String check, String category, Severity severity,
                       String message, List<ExampleSpec> examples) {
    }

    /** {@code source} with {@code flag} (with a marker) or {@code clean}; {@code glossary}: one row for the example. */
    public record ExampleSpec(String source, String flag, String clean, String correction, String glossary) {
    }

    public record File(List<Spec> rules) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(dev.calque.untrusted.UntrustedYaml.factory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BilingualRuleLoader() {
    }

    public static List<BilingualRule> load(List<Path> dirs) {
        Map<String, BilingualRule> rules = new LinkedHashMap<>();
        for (Path dir : dirs) {
            Path folder = dir.getFileName() != null && dir.getFileName().toString().equals("bilingual") ? dir
                    : dir.resolve("bilingual");
            if (!Files.isDirectory(folder)) continue;
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                throw new RuleFileException(folder, 0, "cannot list rule folder: " + e.getMessage());
            }
            for (Path f : files) {
                dev.calque.rules.RulePackLoader.inside(dir, f);
                for (BilingualRule r : loadFile(f)) {
                    BilingualRule previous = rules.putIfAbsent(r.info().id(), r);
                    if (previous != null) {
                        throw new RuleFileException(f, 0, "rule id " + r.info().id() + " is already defined in "
                                + previous.info().source());
                    }
                }
            }
        }
        return List.copyOf(rules.values());
    }

    static List<BilingualRule> loadFile(Path f) {
        File file;
        try {
            file = YAML.readValue(f.toFile(), File.class);
        } catch (JsonMappingException e) {
            throw new RuleFileException(f, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    dev.calque.untrusted.UntrustedYaml.reason(e));
        } catch (IOException e) {
            throw new RuleFileException(f, 0, "not valid YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jp
                    ? dev.calque.untrusted.UntrustedYaml.reason(jp) : e.getMessage()));
        }
        if (file == null || file.rules() == null) throw new RuleFileException(f, 0, "no rules: in this file");
        List<BilingualRule> out = new ArrayList<>();
        for (Spec s : file.rules()) out.add(build(f, s));
        return out;
    }

    private static BilingualRule build(Path f, Spec s) {
        String where = s.id() == null ? "a rule without id" : "rule " + s.id();
        if (s.id() == null || !s.id().matches("[A-Z][A-Z0-9_]*")) {
            throw new RuleFileException(f, 0, where + ": 'id' must be UPPER_SNAKE_CASE");
        }
        RulePackLoader.checkMeta(f, 0, s.id(), s.category(), s.severity(), s.message());
        List<BilingualExample> examples = new ArrayList<>();
        if (s.examples() != null) {
            for (ExampleSpec e : s.examples()) {
                if (e.source() == null || (e.flag() == null) == (e.clean() == null)) {
                    throw new RuleFileException(f, 0, where + ": each example needs 'source' and one of 'flag' or 'clean'");
                }
                examples.add(new BilingualExample(e.source(), e.flag() != null ? e.flag() : e.clean(), e.flag() != null,
                        e.correction(), e.glossary()));
            }
        }
        List<RuleExample> shown = examples.stream()
                .map(e -> new RuleExample(e.marked(), e.flagged(), e.correction())).toList();
        RuleInfo info = new RuleInfo(s.id(), s.name() == null ? s.id() : s.name(), s.category(), s.severity(),
                s.message().replaceAll("\\{[a-z]+}", "…"), s.kind(), f.toString(), shown);
        String check = s.check() == null ? "" : s.check().toUpperCase(Locale.ROOT);
        try {
            return switch (s.kind() == null ? "" : s.kind()) {
                case "inline-codes" -> new InlineCodeRule(info, examples, InlineCodeRule.Check.valueOf(check), s.message());
                case "glossary" -> new GlossaryRule(info, examples, GlossaryRule.Check.valueOf(check), s.message());
                default -> throw new RuleFileException(f, 0, where + ": 'kind' must be inline-codes or glossary");
            };
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(f, 0, where + ": 'check' must be " + ("glossary".equals(s.kind())
                    ? "required or forbidden" : "missing, extra or order"));
        }
    }
}
