package io.kube4j.bench;

/** A measured quantity: its label in the report, how to print it and which way is better. */
record Metric(String label, String format, Better better) {

    enum Better { HIGHER, LOWER, NEITHER }

    static Metric rate(String label) {
        return new Metric(label, "%,.0f", Better.HIGHER);
    }

    static Metric millis(String label) {
        return new Metric(label, "%,.1f", Better.LOWER);
    }

    static Metric seconds(String label) {
        return new Metric(label, "%,.2f", Better.LOWER);
    }

    static Metric size(String label) {
        return new Metric(label, "%,.0f", Better.NEITHER);
    }

    String print(double value) {
        return format.formatted(value);
    }
}
