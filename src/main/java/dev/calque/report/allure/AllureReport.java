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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
