package dev.calque.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubWriterTest {
    @Test
    void escapesDataAndPropertiesAsTheRunnerExpects() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("file", "news/a,b:c.txt");
        props.put("line", "3");
        props.put("title", "Name [X] (Accuracy/Untranslated, major) 100%");
        String line = GithubWriter.command("error", props, "50% of “Poutine”: line one\r\nline two, with: colon");
        assertThat(line).isEqualTo("::error file=news/a%2Cb%3Ac.txt,line=3,title=Name [X] (Accuracy/Untranslated%2C major) 100%25"
                + "::50%25 of “Poutine”: line one%0D%0Aline two, with: colon\n");
        // one command per line, whatever the message held
        assertThat(line.strip()).doesNotContain("\n", "\r");
    }

    @Test
    void percentIsEscapedFirstSoEscapesAreNotDoubled() {
        assertThat(GithubWriter.escapeData("%0A\n")).isEqualTo("%250A%0A");
        assertThat(GithubWriter.escapeProperty("a%2C,b")).isEqualTo("a%252C%2Cb");
    }
}
