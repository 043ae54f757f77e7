package dev.calque.report.allure;

import dev.calque.ingest.Printable;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Allure's results writer with every text of a result (names, messages, parameters, labels, steps) shown
 * visibly: a bidirectional control or another control character from an article, a file name or a rule
 * becomes its escape ({@code \u202e}), as on the console, so that Allure's page cannot reorder a line
 * (Trojan Source) around it. Tabs and line breaks stay: messages are laid out with them.
 */
final class Visible extends FileSystemResultsWriter {
    Visible(Path results) {
        super(results);
    }

    @Override
    public void write(TestResult t) {
        t.setName(shown(t.getName())).setFullName(shown(t.getFullName())).setDescription(shown(t.getDescription()));
        details(t.getStatusDetails());
        parameters(t.getParameters());
        if (t.getLabels() != null) for (Label l : t.getLabels()) l.setValue(shown(l.getValue()));
        steps(t.getSteps());
        super.write(t);
    }

    private static void steps(List<StepResult> steps) {
        if (steps == null) return;
        for (StepResult s : steps) {
            s.setName(shown(s.getName()));
            details(s.getStatusDetails());
            parameters(s.getParameters());
            steps(s.getSteps());
        }
    }

    private static void details(StatusDetails d) {
        if (d != null) d.setMessage(shown(d.getMessage())).setTrace(shown(d.getTrace()));
    }

    private static void parameters(List<Parameter> ps) {
        if (ps != null) for (Parameter p : ps) p.setName(shown(p.getName())).setValue(shown(p.getValue()));
    }

    static String shown(String s) {
        return Printable.visible(s);
    }
}
