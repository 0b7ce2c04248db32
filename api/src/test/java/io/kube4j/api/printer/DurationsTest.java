package io.kube4j.api.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PT0S, 0s",
        "-PT1.5S, 0s",
        "-PT2S, <invalid>",
        "PT45S, 45s",
        "PT119S, 119s",
        "PT2M, 2m",
        "PT5M30S, 5m30s",
        "PT9M59S, 9m59s",
        "PT10M, 10m",
        "PT10M59S, 10m",
        "PT179M, 179m",
        "PT3H, 3h",
        "PT3H20M, 3h20m",
        "PT7H59M, 7h59m",
        "PT8H30M, 8h",
        "PT47H, 47h",
        "PT48H, 2d",
        "PT123H, 5d3h",
        "PT168H, 7d",
        "PT191H, 7d23h",
        "PT192H, 8d",
        "P729D, 729d",
        "P730D, 2y",
        "P731D, 2y1d",
        "P1095D, 3y",
        "P2919D, 7y364d",
        "P2920D, 8y",
        "P3700D, 10y",
    })
    void formatsLikeUpstreamHumanDuration(String iso, String expected) {
        assertEquals(expected, Durations.humanShort(Duration.parse(iso)));
    }

    @Test
    void ageOfMissingTimestampIsUnknown() {
        assertEquals("<unknown>", Durations.age(Fixtures.json("{}").path("creationTimestamp"), Fixtures.NOW));
        assertEquals("<unknown>", Durations.age(Fixtures.json("{'t':null}").path("t"), Fixtures.NOW));
    }

    @Test
    void ageOfFutureTimestampIsInvalid() {
        assertEquals("<invalid>", Durations.age(Fixtures.json("{'t':'2025-01-01T12:00:10Z'}").path("t"), Fixtures.NOW));
    }

    @Test
    void ageOfUnparsableTimestampIsInvalid() {
        assertEquals("<invalid>", Durations.age(Fixtures.json("{'t':'yesterday'}").path("t"), Fixtures.NOW));
    }

    @Test
    void ageIsMeasuredFromTheTimestamp() {
        assertEquals("5m30s", Durations.age(Fixtures.json("{'t':'2025-01-01T11:54:30Z'}").path("t"), Fixtures.NOW));
    }
}
