package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Upstream's GetScaledValueFromIntOrPercent, for maxSurge, maxUnavailable and minAvailable: an int
 * as it is, or a percentage ("25%") of a total, rounded up or down.
 */
public final class IntOrPercent {
    private IntOrPercent() {
    }

    /** The value as a count of {@code total}; an absent value counts 0. */
    public static int scaled(IntOrString value, int total, boolean roundUp) {
        if (value == null) {
            return 0;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal();
        if (text == null || !text.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
        }
        int percent;
        try {
            percent = Integer.parseInt(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid value \"" + text + "\"", e);
        }
        double scaled = percent * (double) total / 100;
        return (int) (roundUp ? Math.ceil(scaled) : Math.floor(scaled));
    }
}
