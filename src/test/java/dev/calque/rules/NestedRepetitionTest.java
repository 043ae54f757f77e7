package dev.calque.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NestedRepetitionTest {
    @Test
    void repeatedGroupsThatRepeatInsideAreFound() {
        assertThat(NestedRepetition.find("(.*a){12}$")).isEqualTo("(.*a){12}");
        assertThat(NestedRepetition.find("x(\\w+\\s?)*y")).isEqualTo("(\\w+\\s?)*");
        assertThat(NestedRepetition.find("(?:a+)+b")).isEqualTo("(?:a+)+");
        assertThat(NestedRepetition.find("((ab)*c)+")).isEqualTo("((ab)*c)+");
        assertThat(NestedRepetition.find("(?i)(x|[a-z]+){2,}")).isEqualTo("(x|[a-z]+){2,}");
    }

    @Test
    void ordinaryRuleExpressionsPass() {
        for (String ok : new String[] {"AFP|Reuters|AP", "stor(y|ies)", "dispatch(es)?", "\\p{Lu}.*", "[(]+x",
                "(?:ab){2}", "(a+)?", "\\Q(a*)*\\E", "'s|’s|reporters?", "(\\d{1,3})(,\\d{3})+",
                "(?i)said"}) {
            assertThat(NestedRepetition.find(ok)).as(ok).isNull();
        }
    }
}
