package dev.calque.cli;

import dev.calque.report.allure.AllureReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calque report [RESULTS_DIR...]}: re-render the HTML report from Allure results, merged. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render the Allure report (one self-contained index.html) from Allure results folders, "
                + "e.g. several runs' or machines' allure-results merged into one report.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "RESULTS_DIR",
            description = "Allure results folders to merge (default: DIR/allure-results of --report-dir).")
    List<Path> resultsDirs = new ArrayList<>();

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where index.html and history/ go; its history/ feeds the trend charts "
                    + "(default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
        List<Path> dirs = new ArrayList<>(resultsDirs);
        if (dirs.isEmpty()) dirs.add(reportDir.resolve("allure-results"));
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) throw new UsageError(d + ": no such results folder (run calque check first)");
        }
        AllureReport.publish(dirs, reportDir);
        System.err.println("calque: report written to " + reportDir.resolve("index.html"));
        return Main.OK;
    }
}
