package dev.calque.bilingual;

import java.util.Map;

/** The languages the rule files describe, by ISO 639-1 code. */
public record ConventionTable(Map<String, Conventions> byCode) {

    public ConventionTable {
        byCode = Map.copyOf(byCode);
    }

    public Conventions of(String code) {
        Conventions l = byCode.get(code);
        return l != null ? l : Conventions.unknown(code);
    }
}
