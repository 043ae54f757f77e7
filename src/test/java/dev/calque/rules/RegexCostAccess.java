package dev.calque.rules;

/** Lets the security tests measure expressions with the loader's own measure. */
public final class RegexCostAccess {
    private RegexCostAccess() {
    }

    public static String superQuadratic(String regex, boolean sentence) {
        return RegexCost.superQuadratic(regex, sentence);
    }
}
