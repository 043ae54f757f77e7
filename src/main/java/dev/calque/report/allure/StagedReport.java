package dev.calque.report.allure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.category.Category;
import io.qameta.allure.entity.ExecutorInfo;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Allure report being built: results are written with Allure's own {@link FileSystemResultsWriter}
 * into a hidden staging folder inside the report folder, rendered there in-process, and moved into
 * place only when complete, so a failed or interrupted run leaves the previous report as it was.
 * History comes from the previous report's {@code history/}; {@code executor.json}'s build order
 * goes up by one per run.
 *
 * <p>Layout of the report folder: {@code index.html} (open it from disk), {@code allure-results/}
 * (input for {@code calque report} or any Allure 2 tool), {@code history/} (read by the next run).
 * Shared by the check report ({@link AllureWriter}) and the eval report ({@link EvalAllureReport}).
 */
final class StagedReport implements Closeable {
    static final String RESULTS = "allure-results";

    private final Path reportDir;
    private final String reportName;
    private final String buildLabel;
    private final long buildOrder;
    private Path staging;
    private final Path results;
    private final FileSystemResultsWriter writer;

    /** @param buildLabel names each run in the trend charts: {@code buildLabel #N} */
    StagedReport(Path reportDir, String reportName, String buildLabel) throws IOException {
        this.reportDir = reportDir.toAbsolutePath().normalize();
        this.reportName = reportName;
        this.buildLabel = buildLabel;
        if (Files.exists(this.reportDir) && !Files.isDirectory(this.reportDir)) {
            throw new NotDirectoryException(this.reportDir + " (the report folder) is a file");
        }
        Files.createDirectories(this.reportDir);
        sweepAbandoned(this.reportDir);
        staging = Files.createTempDirectory(this.reportDir, STAGING + ProcessHandle.current().pid() + "-");
        results = Files.createDirectories(staging.resolve(RESULTS));
        AllureReport.copyTree(this.reportDir.resolve(AllureReport.HISTORY), results.resolve(AllureReport.HISTORY));
        buildOrder = previousBuildOrder(this.reportDir.resolve(RESULTS)) + 1;
        writer = new Visible(results);
    }

    private static final String STAGING = ".calque-report-";
    private static final java.util.regex.Pattern STAGING_NAME = java.util.regex.Pattern.compile("\\.calque-report-(\\d+)-\\d+");

    /**
     * Removes the staging folders of runs that were killed before they could clean up (kill -9, power
     * loss): those whose process no longer exists. A concurrent run's folder has a live process and is
     * left alone; so is any folder whose process cannot be told.
     */
    static void sweepAbandoned(Path reportDir) {
        try (java.util.stream.Stream<Path> entries = Files.list(reportDir)) {
            for (Path p : entries.toList()) {
                java.util.regex.Matcher m = STAGING_NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                AllureReport.deleteTree(p);
            }
        } catch (IOException | RuntimeException e) {
            // only housekeeping: the report is written regardless
        }
    }

    /** Where test results and attachments go. */
    FileSystemResultsWriter writer() {
        return writer;
    }

    Path reportDir() {
        return reportDir;
    }

    boolean open() {
        return staging != null;
    }

    /**
     * Writes {@code categories.json}, {@code executor.json} and {@code environment.properties}, renders
     * {@code index.html} and moves the finished report over the old one.
     */
    void finish(List<Category> categories, Map<String, String> environment) throws IOException {
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT);
        writer.write("categories.json", new ByteArrayInputStream(json.writeValueAsBytes(categories)));
        writer.write("executor.json", new ByteArrayInputStream(json.writeValueAsBytes(new ExecutorInfo()
                .setName("Calque").setType("calque").setBuildOrder(buildOrder)
                .setBuildName(buildLabel + " #" + buildOrder).setReportName(reportName))));
        writer.write("environment.properties", new ByteArrayInputStream(properties(environment).getBytes(StandardCharsets.UTF_8)));
        try {
            new AllureReport(reportName).render(List.of(results), staging);
        } catch (RuntimeException e) {
            throw new IOException("could not render the Allure report in " + reportDir + ": " + e.getMessage(), e);
        }
        publish();
    }

    /** Moves the finished report over the old one, piece by piece, each piece replaced whole. */
    private void publish() throws IOException {
        AllureReport.move(staging.resolve(AllureReport.INDEX), reportDir.resolve(AllureReport.INDEX));
        AllureReport.replaceDir(staging.resolve(RESULTS), reportDir.resolve(RESULTS), staging);
        AllureReport.replaceDir(staging.resolve(AllureReport.HISTORY), reportDir.resolve(AllureReport.HISTORY), staging);
        AllureReport.deleteTree(staging);
        staging = null;
    }

    /** Drops an unfinished report; the previous one stays. */
    @Override
    public void close() throws IOException {
        if (staging != null) {
            AllureReport.deleteTree(staging);
            staging = null;
        }
    }

    static String properties(Map<String, String> entries) {
        StringBuilder p = new StringBuilder();
        entries.forEach((k, v) -> p.append(escapeProperty(k, true)).append('=')
                .append(escapeProperty(v == null ? "" : v, false)).append('\n'));
        return p.toString();
    }

    private static String escapeProperty(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                case ' ' -> b.append(key ? "\\ " : " ");
                default -> {
                    if (c > 0x7e) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
                }
            }
        }
        return b.toString();
    }

    static long previousBuildOrder(Path resultsDir) {
        Path f = resultsDir.resolve("executor.json");
        if (!Files.isRegularFile(f)) return 0;
        try {
            JsonNode n = new ObjectMapper().readTree(f.toFile()).get("buildOrder");
            return n != null && n.canConvertToLong() ? n.asLong() : 0;
        } catch (IOException e) {
            return 0; // a damaged executor.json only restarts the numbering
        }
    }
}
