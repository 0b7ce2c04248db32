package io.kube4j.scheduler.framework;

import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NominatorTest {
    private final Nominator nominator = new Nominator();
    private final PodInfo a = PodInfo.of(pod("a"));
    private final PodInfo b = PodInfo.of(pod("b"));

    @Test
    void nominationsMoveAndGo() {
        nominator.nominate(a, "n1");
        nominator.nominate(b, "n1");
        assertEquals(List.of(a, b), nominator.podsOn("n1"));
        nominator.nominate(a, "n2");
        assertEquals(List.of(b), nominator.podsOn("n1"));
        assertEquals(List.of(a), nominator.podsOn("n2"));
        nominator.nominate(b, "");
        nominator.remove("default/a");
        assertTrue(nominator.podsOn("n1").isEmpty());
        assertTrue(nominator.isEmpty());
    }

    @Test
    void whatAFilterReadStaysAsItWasWhileNominationsChange() {
        nominator.nominate(a, "n1");
        List<PodInfo> seen = nominator.podsOn("n1");
        nominator.nominate(b, "n1");
        nominator.remove("default/a");
        assertEquals(List.of(a), seen);
        assertEquals(List.of(b), nominator.podsOn("n1"));
    }
}
