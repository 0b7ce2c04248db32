package io.kube4j.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.Test;

class IntOrPercentTest {

    @Test
    void integersStayAndPercentagesScaleRoundingAsAsked() {
        assertEquals(3, IntOrPercent.scaled(new IntOrString(3), 10, false));
        assertEquals(3, IntOrPercent.scaled(new IntOrString("25%"), 10, true));
        assertEquals(2, IntOrPercent.scaled(new IntOrString("25%"), 10, false));
        assertEquals(0, IntOrPercent.scaled(null, 10, true));
    }

    @Test
    void aStringThatIsNotAPercentageIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> IntOrPercent.scaled(new IntOrString("5"), 10, true));
        assertEquals("invalid value for IntOrString: invalid type: string is not a percentage", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntOrPercent.scaled(new IntOrString("x%"), 10, true));
    }
}
