package io.kube4j.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.kube4j.controllers.EventCorrelator.Correlated;
import io.kube4j.controllers.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCorrelatorTest {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final EventCorrelator correlator = new EventCorrelator(clock);

    @Test
    void identicalEventsBecomeRepeatsOfTheFirstWithAGrowingCount() {
        Correlated first = correlate(event("web", "BackOff", "Back-off restarting failed container"));
        clock.advance(Duration.ofSeconds(30));
        Correlated second = correlate(event("web", "BackOff", "Back-off restarting failed container"));
        clock.advance(Duration.ofSeconds(30));
        Correlated third = correlate(event("web", "BackOff", "Back-off restarting failed container"));

        assertFalse(first.repeat());
        assertTrue(second.repeat());
        assertTrue(third.repeat());
        assertEquals(first.event().getMetadata().getName(), third.event().getMetadata().getName());
        assertEquals(3, third.event().getCount());
        assertEquals("2030-01-01T00:00:00Z", third.event().getFirstTimestamp());
        assertEquals("2030-01-01T00:01:00Z", third.event().getLastTimestamp());
    }

    @Test
    void aDifferentMessageOrObjectIsANewEvent() {
        Correlated first = correlate(event("web", "SuccessfulCreate", "Created pod: web-1"));
        Correlated otherMessage = correlate(event("web", "SuccessfulCreate", "Created pod: web-2"));
        Correlated otherObject = correlate(event("api", "SuccessfulCreate", "Created pod: web-1"));

        assertFalse(otherMessage.repeat());
        assertFalse(otherObject.repeat());
        assertNotEquals(first.event().getMetadata().getName(), otherMessage.event().getMetadata().getName());
    }

    @Test
    void theTenthSimilarMessageWithinTenMinutesIsCombinedAndLaterOnesRepeatTheCombinedEvent() {
        for (int i = 1; i <= 9; i++) {
            Correlated c = correlate(event("web", "SuccessfulCreate", "Created pod: web-" + i));
            assertEquals("Created pod: web-" + i, c.event().getMessage());
        }
        Correlated tenth = correlate(event("web", "SuccessfulCreate", "Created pod: web-10"));
        Correlated eleventh = correlate(event("web", "SuccessfulCreate", "Created pod: web-11"));

        assertEquals("(combined from similar events): Created pod: web-10", tenth.event().getMessage());
        assertFalse(tenth.repeat());
        assertEquals("(combined from similar events): Created pod: web-11", eleventh.event().getMessage());
        assertTrue(eleventh.repeat());
        assertEquals(tenth.event().getMetadata().getName(), eleventh.event().getMetadata().getName());
        assertEquals(2, eleventh.event().getCount());
    }

    @Test
    void similarMessagesTenMinutesApartAreNotCombined() {
        for (int i = 1; i <= 9; i++) {
            correlate(event("web", "SuccessfulCreate", "Created pod: web-" + i));
        }
        clock.advance(Duration.ofMinutes(11));

        assertEquals("Created pod: web-10", correlate(event("web", "SuccessfulCreate", "Created pod: web-10")).event().getMessage());
    }

    @Test
    void aSourceGets25EventsAboutAnObjectThenOneMoreEveryFiveMinutes() {
        for (int i = 0; i < 25; i++) {
            assertTrue(correlator.correlate(event("web", "Reason" + i, "message")).isPresent(), "event " + i);
        }
        assertTrue(correlator.correlate(event("web", "Reason25", "message")).isEmpty(), "the 26th is dropped");
        assertTrue(correlator.correlate(event("api", "Reason0", "message")).isPresent(), "another object has its own bucket");

        clock.advance(Duration.ofMinutes(5));
        assertTrue(correlator.correlate(event("web", "Reason26", "message")).isPresent());
        assertTrue(correlator.correlate(event("web", "Reason27", "message")).isEmpty());
    }

    @Test
    void aDroppedRepeatStillCountsInTheNextOneWritten() {
        for (int i = 0; i < 25; i++) {
            correlate(event("web", "Same", "again"));
        }
        assertTrue(correlator.correlate(event("web", "Same", "again")).isEmpty());
        clock.advance(Duration.ofMinutes(5));

        assertEquals(27, correlate(event("web", "Same", "again")).event().getCount());
    }

    private Correlated correlate(Event event) {
        Optional<Correlated> correlated = correlator.correlate(event);
        assertTrue(correlated.isPresent(), "not dropped as spam");
        return correlated.get();
    }

    private Event event(String object, String reason, String message) {
        String now = clock.instant().toString();
        return new EventBuilder()
                .withNewMetadata().withName(EventCorrelator.newName(object)).withNamespace("default").endMetadata()
                .withNewInvolvedObject().withApiVersion("apps/v1").withKind("ReplicaSet").withNamespace("default")
                .withName(object).withUid("uid-" + object).endInvolvedObject()
                .withType("Normal").withReason(reason).withMessage(message)
                .withNewSource().withComponent("replicaset-controller").endSource()
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
    }
}
