package dev.calque.risk;

import dev.calque.check.Checker;
import dev.calque.model.Finding;
import dev.calque.risk.RiskCorpus.Doc;
import dev.calque.risk.RiskCorpus.Row;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.imageio.ImageIO;

/** Measures a trained model on the dev corpora and writes the figures of {@code docs/risk.md}. */
final class Measure {
    static final List<String> ANNOTATED = List.of("biomqm-fr-en.dev.jsonl", "wmt23-zh-en-news.dev.jsonl");
    static final double[] THRESHOLDS = {0.0, 0.1, 0.15, 0.2, 0.25, 0.3};

    private Measure() {
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    static void run(RiskModel model, Path evalDir, Path figures, Path png, ExecutorService pool, boolean newstest,
                    List<Train.Item> calibration) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("### Segment has a major error: ROC AUC\n\n");
        md.append("| corpus | segments | with a major error | length (words) | stock LanguageTool findings | Calque findings (default profile) | risk, no source | risk, with source |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, double[][]> conf = new LinkedHashMap<>();
        for (String name : ANNOTATED) {
            RiskCorpus c = RiskCorpus.read(evalDir.resolve(name));
            Path cache = Path.of("target/risk/cache");
            List<List<Finding>> calque = Train.cached(cache, "dev-" + name + "-calque",
                    Train.checker(c.sourceLanguage(), true), c.docs(), pool);
            List<List<Finding>> stock = Train.cached(cache, "dev-" + name + "-stock", Train.checker(null, false),
                    c.docs(), pool);
            List<Double> len = new ArrayList<>(), lt = new ArrayList<>(), cq = new ArrayList<>(), r0 = new ArrayList<>(),
                    r1 = new ArrayList<>();
            List<Boolean> major = new ArrayList<>();
            List<double[]> findingRows = new ArrayList<>(); // confidence no source, with source, hit
            for (int d = 0; d < c.docs().size(); d++) {
                Doc doc = c.docs().get(d);
                List<List<Finding>> byRow = Train.split(doc, calque.get(d));
                List<List<Finding>> stockRow = Train.split(doc, stock.get(d));
                double ratio = Train.documentLogRatio(doc);
                for (int i = 0; i < doc.rows().size(); i++) {
                    Row r = doc.rows().get(i);
                    if (!r.annotated()) continue;
                    List<Finding> fs = byRow.get(i);
                    len.add((double) Train.words(r.text()));
                    lt.add((double) stockRow.get(i).size());
                    cq.add((double) fs.stream().filter(f -> !RiskModel.capitalizedSpelling(f)).count());
                    r0.add(model.segmentRisk(r.text(), null, fs));
                    r1.add(model.segmentRisk(r.text(), r.source(), fs, ratio));
                    major.add(r.hasMajor());
                    Train.dump(name, r, Features.segment(r.text(), r.source(),
                            fs.stream().filter(f -> !RiskModel.capitalizedSpelling(f)).toList(), model.rates(),
                            model.ruleFeatures(), ratio), r.hasMajor());
                    for (Finding f : fs) {
                        Train.dumpFinding(name, f, model.confidence(f, r.text(), null, fs.size()),
                                model.confidence(f, r.text(), r.source(), fs.size()), r.hitShare(f.start(), f.end()));
                        findingRows.add(new double[] {model.confidence(f, r.text(), null, fs.size()),
                                model.confidence(f, r.text(), r.source(), fs.size()), r.hit(f.start(), f.end()) ? 1 : 0,
                                r.hitShare(f.start(), f.end())});
                    }
                }
            }
            boolean[] y = new boolean[major.size()];
            for (int i = 0; i < y.length; i++) y[i] = major.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | **%s** | **%s** |%n", name, y.length,
                    major.stream().filter(b -> b).count(), f3(Metrics.auc(arr(len), y)), f3(Metrics.auc(arr(lt), y)),
                    f3(Metrics.auc(arr(cq), y)), f3(Metrics.auc(arr(r0), y)), f3(Metrics.auc(arr(r1), y))));
            conf.put(name, findingRows.toArray(double[][]::new));
        }
        md.append("\n### Finding confidence: calibration and precision at the top\n\n");
        md.append("A finding is right when it overlaps an annotated error (minor or worse, not a source error). ")
                .append("ECE over 10 equal-width bins; top 10%: the share of hits among the tenth of findings with the highest confidence.\n\n");
        md.append("Per annotator: the label is the share of the row's annotators who marked the passage (the chance that one annotator does, which is what the confidence estimates; it differs from any-annotator only where several annotated).\n\n");
        md.append("| corpus | findings | hit rate | ECE, no source | ECE, with source | top-10% precision, no source | top-10% precision, with source | mean confidence, no source | hit rate per annotator | ECE per annotator, no source | ECE per annotator, with source |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<double[]> pooled = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : conf.entrySet()) {
            line(md, e.getKey(), e.getValue());
            pooled.addAll(List.of(e.getValue()));
        }
        double[][] all = pooled.toArray(double[][]::new);
        line(md, "both dev corpora", all);
        List<double[]> calRows = new ArrayList<>();
        for (Train.Item it : calibration) {
            if (!it.row().annotated()) continue;
            for (Finding f : it.findings()) {
                Train.dumpFinding("cal:" + it.corpus() + ":" + it.row().pair(), f,
                        model.confidence(f, it.row().text(), null, it.findings().size()),
                        model.confidence(f, it.row().text(), it.row().source(), it.findings().size()),
                        it.row().hitShare(f.start(), f.end()));
                calRows.add(new double[] {model.confidence(f, it.row().text(), null, it.findings().size()),
                        model.confidence(f, it.row().text(), it.row().source(), it.findings().size()),
                        it.row().hit(f.start(), f.end()) ? 1 : 0, it.row().hitShare(f.start(), f.end())});
            }
        }
        line(md, "train calibration slice (not held out)", calRows.toArray(double[][]::new));
        drawReliability(all, png);
        md.append("\nReliability diagram (both dev corpora): `").append(png).append("`.\n");
        if (newstest) newstest(model, evalDir, pool, md);
        Files.createDirectories(figures.toAbsolutePath().getParent());
        Files.writeString(figures, md.toString());
        Train.closeDump();
        System.out.print(md);
    }

    private static void line(StringBuilder md, String name, double[][] rows) {
        double[] p0 = new double[rows.length], p1 = new double[rows.length];
        boolean[] y = new boolean[rows.length];
        double hits = 0, mean = 0;
        for (int i = 0; i < rows.length; i++) {
            p0[i] = rows[i][0];
            p1[i] = rows[i][1];
            y[i] = rows[i][2] > 0;
            hits += rows[i][2];
            mean += p0[i];
        }
        double[] share = new double[rows.length];
        double shares = 0;
        for (int i = 0; i < rows.length; i++) {
            share[i] = rows[i][3];
            shares += share[i];
        }
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", name, rows.length,
                f3(hits / rows.length), f3(Metrics.ece(p0, y)), f3(Metrics.ece(p1, y)),
                f3(Metrics.precisionAtTop(p0, y, 0.1)), f3(Metrics.precisionAtTop(p1, y, 0.1)), f3(mean / rows.length),
                f3(shares / rows.length), f3(Metrics.ece(p0, share)), f3(Metrics.ece(p1, share))));
    }

    static void newstest(RiskModel model, Path evalDir, ExecutorService pool, StringBuilder md) throws Exception {
        md.append("\n### Machine versus human on newstest2014 (findings per 1,000 words at or above a confidence)\n\n");
        md.append("| findings counted | MT per 1,000 words | human per 1,000 words | MT / human |\n|---|---|---|---|\n");
        double[][] per = new double[2][THRESHOLDS.length * 2 + 1];
        String[] files = {"newstest2014-fr-en-mt.dev.jsonl", "newstest2014-fr-en-ref.dev.jsonl"};
        for (int k = 0; k < 2; k++) {
            RiskCorpus c = RiskCorpus.read(evalDir.resolve(files[k]));
            List<List<Finding>> found = Train.cached(Path.of("target/risk/cache"), "dev-" + files[k] + "-calque",
                    Train.checker("fr", true), c.docs(), pool);
            long words = 0;
            long[] n = new long[per[k].length];
            for (int d = 0; d < c.docs().size(); d++) {
                Doc doc = c.docs().get(d);
                List<List<Finding>> byRow = Train.split(doc, found.get(d));
                for (int i = 0; i < doc.rows().size(); i++) {
                    Row r = doc.rows().get(i);
                    words += Train.words(r.text());
                    List<Finding> fs = byRow.get(i);
                    for (Finding f : fs) {
                        if (!RiskModel.capitalizedSpelling(f)) n[0]++;
                        double p0 = model.confidence(f, r.text(), null, fs.size());
                        double p1 = model.confidence(f, r.text(), r.source(), fs.size());
                        for (int t = 0; t < THRESHOLDS.length; t++) {
                            if (p0 >= THRESHOLDS[t]) n[1 + t]++;
                            if (p1 >= THRESHOLDS[t]) n[1 + THRESHOLDS.length + t]++;
                        }
                    }
                }
            }
            for (int j = 0; j < n.length; j++) per[k][j] = n[j] * 1000.0 / words;
        }
        for (int j = 0; j < per[0].length; j++) {
            String label = j == 0 ? "the trainer's findings without capitalized speller words (other-variety spellings kept, unlike the shipped profile, measured in docs/rules-quality.md), no confidence"
                    : j <= THRESHOLDS.length ? "all findings, confidence (no source) >= " + THRESHOLDS[j - 1]
                    : "all findings, confidence (with source) >= " + THRESHOLDS[j - 1 - THRESHOLDS.length];
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2fx |%n", label, per[0][j], per[1][j],
                    per[0][j] / per[1][j]));
        }
    }

    static double[] arr(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Confidence bins against observed hit rates, both variants, with the count of findings per bin. */
    static void drawReliability(double[][] rows, Path png) throws IOException {
        int w = 820, h = 520, left = 70, top = 40, size = 400;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString("Calque finding confidence: reliability on the dev corpora (biomqm fr-en + wmt23 zh-en)", 10, 20);
        g.drawRect(left, top, size, size);
        for (int i = 0; i <= 10; i++) {
            int x = left + i * size / 10, y = top + size - i * size / 10;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(x, top, x, top + size);
            g.drawLine(left, y, left + size, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), x - 8, top + size + 15);
            g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), left - 28, y + 4);
        }
        g.drawString("confidence (bin mean)", left + size / 2 - 60, top + size + 35);
        g.drawString("observed hit rate", 5, top - 8);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        g.drawLine(left, top + size, left + size, top);
        Color[] colors = {new Color(31, 119, 180), new Color(214, 39, 40)};
        String[] names = {"no source", "with source"};
        for (int v = 0; v < 2; v++) {
            double[] p = new double[rows.length];
            boolean[] y = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                p[i] = rows[i][v];
                y[i] = rows[i][2] > 0;
            }
            List<Metrics.Bin> bins = Metrics.reliability(p, y);
            g.setColor(colors[v]);
            g.setStroke(new BasicStroke(2));
            int px = -1, py = -1;
            for (Metrics.Bin b : bins) {
                if (b.count() == 0) continue;
                int x = left + (int) (b.predicted() * size), yy = top + size - (int) (b.observed() * size);
                g.fillOval(x - 4, yy - 4, 8, 8);
                if (px >= 0) g.drawLine(px, py, x, yy);
                px = x;
                py = yy;
            }
            g.drawString(String.format(Locale.ROOT, "%s (ECE %.3f, %d findings)", names[v], Metrics.ece(p, y), rows.length),
                    left + size + 10 - 400 + 410, top + 20 + v * 18);
            // counts per bin along the bottom
            for (int b = 0; b < bins.size(); b++) {
                int x = left + b * size / 10 + 4;
                g.drawString(Integer.toString(bins.get(b).count()), x, top + size + 55 + v * 15);
            }
        }
        g.setColor(Color.BLACK);
        g.drawString("findings per bin:", 5, top + size + 55);
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(img, "png", png.toFile());
    }
}
