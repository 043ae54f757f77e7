package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.check.RuleExamples;
import dev.calque.rules.RuleInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calque rules list|test}: what the rule packs hold, and whether their examples hold. */
@Command(name = "rules", description = "List the rules, or test every rule's examples.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.TestRules.class, RuleStatsCommand.class})
public final class RulesCommand {
    /** The checker options and calque.yml, read the way {@code check} reads them. */
    static final class ConfiguredChecker {
        @Mixin
        CheckerOptions options;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: calque.yml in "
                + "the working folder, if there is one): its languages, rule folders, bundled/stock switches, disabled "
                + "rules and severities apply, as in check.")
        Path configFile;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        Settings settings() {
            return Settings.load(configFile, options.commandLine(spec.commandLine().getParseResult()::hasMatchedOption));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "list", description = "Print every rule with its category, severity and source file.")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        ConfiguredChecker configured;

        @Option(names = "--stock", description = "Also list LanguageTool's own active rules.")
        boolean stock;

        @Override
        public Integer call() {
            Checker checker = Checkers.from(configured.settings());
            PrintWriter out = configured.out();
            List<RuleInfo> infos = checker.rules().infos();
            out.printf("%-28s %-9s %-32s %s%n", "RULE", "SEVERITY", "CATEGORY", "SOURCE");
            for (RuleInfo r : infos) {
                out.printf("%-28s %-9s %-32s %s%s%n", r.id(), r.severity().label(), r.category(), r.source(),
                        checker.disabled(r.id()) ? "  (disabled by configuration)" : "");
            }
            if (stock) {
                for (RuleInfo r : checker.stockRuleInfos()) {
                    out.printf("%-28s %-9s %-32s %s%n", r.id(), r.severity().label(), r.category(), "languagetool");
                }
            }
            out.printf("%d Calque rules from %d files (rule-pack hash %s)%n", infos.size(), checker.rules().files().size(),
                    checker.rules().hash());
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "test", description = "Check every example of every rule: flagged examples must give exactly "
            + "the marked span, clean ones nothing.")
    static final class TestRules implements Callable<Integer> {
        @Mixin
        ConfiguredChecker configured;

        @Override
        public Integer call() {
            Checker checker = Checkers.rulesOnly(configured.settings());
            RuleExamples.Report report = RuleExamples.run(checker);
            PrintWriter out = configured.out();
            for (RuleExamples.Failure f : report.failures()) out.println("FAIL " + f.oneLine());
            out.printf("%d rules, %d examples: %d passed, %d failed%n", report.rules(), report.examples(),
                    report.examples() - report.failures().size(), report.failures().size());
            out.flush();
            return report.passed() ? Main.OK : Main.FAILED_GATE;
        }
    }
}
