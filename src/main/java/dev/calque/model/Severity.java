package dev.calque.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** MQM severity of a finding. Neutral marks are remarks, not errors, and carry no penalty. */
public enum Severity {
    NEUTRAL, MINOR, MAJOR, CRITICAL;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    @JsonCreator
    public static Severity parse(String s) {
        if (s != null) {
            for (Severity v : values()) {
                if (v.label().equalsIgnoreCase(s.trim())) return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (use neutral, minor, major or critical)");
    }
}
