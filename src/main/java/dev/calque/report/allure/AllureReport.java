package dev.calque.report.allure;

import freemarker.cache.TemplateLoader;
import io.qameta.allure.ConfigurationBuilder;
import io.qameta.allure.Extension;
import io.qameta.allure.ReportGenerator;
import io.qameta.allure.context.FreemarkerContext;
import io.qameta.allure.core.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders Allure results into one self-contained {@code index.html} with Allure's own generator, in
 * this JVM, with no network: the analytics aggregator is left out of the configuration and the
 * tracking script is cut from the page template.
 */
public final class AllureReport {
    static final String INDEX = "index.html";
    static final String HISTORY = "history";

    private final String reportName;

    public AllureReport(String reportName) {
        this.reportName = reportName;
    }

    /** Allure's bundled configuration minus what talks to the network. */
    Configuration configuration() {
        Configuration bundled = ConfigurationBuilder.bundled().withReportName(reportName).build();
        List<Extension> kept = new ArrayList<>();
        for (Extension e : bundled.getExtensions()) {
            if (e.getClass().getPackageName().equals("io.qameta.allure.ga")) continue; // analytics
            kept.add(e instanceof FreemarkerContext ? new OfflineTemplates() : e);
        }
        // not empty(): it adds its own FreemarkerContext, which would be found before ours
        return new ConfigurationBuilder().withReportName(reportName).withExtensions(kept).build();
    }

    /**
     * Generates {@code outDir/index.html} from the results folders (merged) and writes the history
     * the next run needs to {@code outDir/history/}: a single-file report keeps it only inside the page.
     */
    public void render(List<Path> resultsDirs, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        new ReportGenerator(configuration()).generateSingleFile(outDir, resultsDirs);
        extractHistory(outDir.resolve(INDEX), outDir.resolve(HISTORY));
    }

    /**
     * {@code calque report}: renders the results folders (merged) with the history of the report
     * already in {@code reportDir}, then replaces that report's {@code index.html} and {@code history/}.
     * Nothing in {@code reportDir} changes unless rendering succeeds.
     */
    public static void publish(List<Path> resultsDirs, Path reportDir) throws IOException {
        Path dir = reportDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".calque-report-");
        try {
            Path previous = staging.resolve("previous");
            copyTree(dir.resolve(HISTORY), previous.resolve(HISTORY));
            List<Path> inputs = new ArrayList<>(resultsDirs);
            // the previous history as one more results folder; the results folders stay untouched
            if (Files.isDirectory(previous)) inputs.add(previous);
            Path out = staging.resolve("out");
            try {
                new AllureReport("Calque report").render(inputs, out);
            } catch (RuntimeException e) {
                throw new IOException("could not render the Allure report in " + dir + ": " + e.getMessage(), e);
            }
            move(out.resolve(INDEX), dir.resolve(INDEX));
            replaceDir(out.resolve(HISTORY), dir.resolve(HISTORY), staging);
        } finally {
            deleteTree(staging);
        }
    }

    /** Moves {@code from} to {@code to}, the old {@code to} going into {@code trash} first. */
    static void replaceDir(Path from, Path to, Path trash) throws IOException {
        if (Files.exists(to)) move(to, trash.resolve("old-" + to.getFileName()));
        move(from, to);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static final Pattern DATA_FILE = Pattern.compile("d\\('(history/[A-Za-z0-9_.-]+)','([A-Za-z0-9+/=]*)'\\)");

    static void extractHistory(Path index, Path historyDir) throws IOException {
        Files.createDirectories(historyDir);
        String html = Files.readString(index, StandardCharsets.UTF_8);
        Matcher m = DATA_FILE.matcher(html);
        while (m.find()) {
            Path target = historyDir.resolve(m.group(1).substring(HISTORY.length() + 1));
            Files.write(target, Base64.getDecoder().decode(m.group(2)));
        }
    }

    /**
     * Allure's page template without the Google Analytics loader and its inline {@code gtag} setup.
     * If a new Allure version changes the template so these cuts no longer apply, rendering fails
     * here instead of quietly shipping a tracking script.
     */
    static final class OfflineTemplates extends FreemarkerContext {
        private static final Pattern GA_LOADER = Pattern.compile(
                "\\s*<#if analyticsDisable == false>\\s*<script async src=\"https://www\\.googletagmanager\\.com/[^\"]*\"></script>\\s*</#if>");
        private static final Pattern GA_INLINE = Pattern.compile(
                "\\s*<script>\\s*window\\.dataLayer = window\\.dataLayer \\|\\| \\[\\];.*?</script>", Pattern.DOTALL);

        OfflineTemplates() {
            getValue().setTemplateLoader(new TemplateLoader() {
                @Override
                public Object findTemplateSource(String name) {
                    return getClass().getClassLoader().getResource("tpl/" + name) == null ? null : name;
                }

                @Override
                public long getLastModified(Object source) {
                    return -1;
                }

                @Override
                public Reader getReader(Object source, String encoding) throws IOException {
                    String name = (String) source;
                    String text;
                    try (InputStream in = FreemarkerContext.class.getClassLoader().getResourceAsStream("tpl/" + name)) {
                        if (in == null) throw new IOException("Allure template tpl/" + name + " is missing");
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    if (name.equals("index.html.ftl")) text = withoutAnalytics(text);
                    return new StringReader(text);
                }

                @Override
                public void closeTemplateSource(Object source) {
                }
            });
        }

        static String withoutAnalytics(String template) {
            String out = cut(GA_LOADER, template);
            out = cut(GA_INLINE, out);
            if (out.contains("googletagmanager") || out.contains("gtag(")) {
                throw new UncheckedIOException(new IOException("Allure's page template still loads analytics"));
            }
            return out;
        }

        private static String cut(Pattern p, String s) {
            Matcher m = p.matcher(s);
            if (!m.find()) {
                throw new UncheckedIOException(new IOException(
                        "Allure's page template changed; cannot remove its analytics (" + p.pattern() + ")"));
            }
            return m.replaceAll("");
        }
    }
}
