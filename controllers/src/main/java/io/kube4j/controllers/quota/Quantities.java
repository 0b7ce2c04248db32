package io.kube4j.controllers.quota;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Sums of resource quantities written the way the API server writes them back: binary suffixes
 * (Ki … Ei) when the first amount used one, otherwise decimal ones (k … E, or millis for fractions),
 * always the largest suffix that keeps the number whole: {@code 1.5Gi → 1536Mi}, {@code 0.5 → 500m}.
 */
public final class Quantities {
    private static final List<String> BINARY = List.of("Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
    private static final List<String> DECIMAL = List.of("k", "M", "G", "T", "P", "E");
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);
    private static final BigDecimal KILO = BigDecimal.valueOf(1000);

    private Quantities() {
    }

    public static BigDecimal amount(Quantity q) {
        return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q);
    }

    public static boolean isBinary(Quantity q) {
        return q != null && q.getFormat() != null && q.getFormat().endsWith("i");
    }

    /** The canonical text of {@code value} in the binary or the decimal notation. */
    public static String format(BigDecimal value, boolean binary) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return value.multiply(KILO).setScale(0, RoundingMode.CEILING).toPlainString() + "m";
        }
        BigDecimal base = binary ? KIBI : KILO;
        List<String> suffixes = binary ? BINARY : DECIMAL;
        BigDecimal current = stripped;
        String suffix = "";
        for (String next : suffixes) {
            BigDecimal[] division = current.divideAndRemainder(base);
            if (division[1].signum() != 0) {
                break;
            }
            current = division[0];
            suffix = next;
        }
        return current.toPlainString() + suffix;
    }
}
