package dev.calque.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.languagetool.rules.Rule;

/**
 * Calque's rules as loaded from the rule folders: LanguageTool rule objects (shared by every
 * checker thread, as they hold no per-check state), the metadata each declares, the policy for
 * stock LanguageTool rules, and a hash that identifies this exact set of files.
 */
public final class RulePack {
    private final List<Rule> rules;
    private final Map<String, RuleInfo> infos;
    private final Set<String> generic;
    private final StockPolicy stock;
    private final List<Path> files;
    private final String hash;

    RulePack(List<Rule> rules, Map<String, RuleInfo> infos, Set<String> generic, StockPolicy stock, List<Path> files,
             String hash) {
        this.rules = List.copyOf(rules);
        this.infos = new LinkedHashMap<>(infos);
        this.generic = Set.copyOf(generic);
        this.stock = stock;
        this.files = List.copyOf(files);
        this.hash = hash;
    }

    /** LanguageTool rule objects, several per id for XML rule groups. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every Calque rule's metadata, in load order. */
    public List<RuleInfo> infos() {
        return List.copyOf(infos.values());
    }

    public RuleInfo info(String id) {
        return infos.get(id);
    }

    /**
     * Whether a Calque rule is of a generic kind ({@link RuleKind#generic}): where a specific rule flags
     * the same passage, the specific one's finding is kept.
     */
    public boolean isGeneric(String id) {
        return generic.contains(id);
    }

    public StockPolicy stock() {
        return stock;
    }

    public List<Path> files() {
        return files;
    }

    /** SHA-256 over the rule files' names and contents: changes whenever a rule does. */
    public String hash() {
        return hash;
    }
}
