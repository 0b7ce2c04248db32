package io.kube4j.api.printer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;

/**
 * A value as kubectl's JSONPath printer renders it in text: strings raw, numbers and booleans as Go prints
 * them, objects and arrays as compact JSON with sorted keys.
 */
final class JsonPathText {
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** Go's %v switches to exponent notation from this decimal exponent on (shortest formatting). */
    private static final int EXPONENT_THRESHOLD = 6;

    private JsonPathText() {
    }

    static String of(JsonNode value) {
        if (value.isContainerNode()) {
            try {
                return SORTED.writeValueAsString(SORTED.treeToValue(value, Object.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize a parsed JSON value", e);
            }
        }
        if (value.isFloatingPointNumber()) {
            return goFloat(value.doubleValue());
        }
        return value.asText();
    }

    /** Go's {@code fmt.Sprint(float64)}: shortest digits, {@code %e} style for exponents below -4 or from 6 on. */
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < EXPONENT_THRESHOLD) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = d < 0 ? "-" : "";
        String exponentText = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
        return sign + mantissa + "e" + exponentText;
    }
}
