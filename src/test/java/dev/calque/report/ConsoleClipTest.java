package dev.calque.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console shows a passage or suggestion longer than a line by its two ends, never half a character. */
class ConsoleClipTest {

    @Test
    void aLongPassageKeepsItsEndsAndAShortOneIsShownWhole() {
        assertThat(ConsoleWriter.clipMiddle("Poutine", 140)).isEqualTo("Poutine");
        String run = "https://example.com/" + "a".repeat(3_000) + "/end";
        String shown = ConsoleWriter.clipMiddle(run, 140);
        assertThat(shown).hasSize(140).startsWith("https://example.com/aaa").endsWith("aaa/end").contains("…");
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "😀".repeat(500); // two UTF-16 units each
        for (int max = 100; max < 110; max++) {
            String shown = ConsoleWriter.clipMiddle(emoji, max);
            assertThat(shown.replace("…", "").codePoints().allMatch(c -> c == 0x1F600)).as("max " + max).isTrue();
            assertThat(shown.length()).isLessThanOrEqualTo(max + 1);
        }
    }
}
