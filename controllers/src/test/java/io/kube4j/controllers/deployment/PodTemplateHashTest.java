package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {

    @Test
    void isStableAndWrittenInTheSafeAlphabet() {
        String hash = PodTemplateHash.of(template("nginx"), null);
        assertEquals(hash, PodTemplateHash.of(template("nginx"), null));
        assertTrue(hash.matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}"), hash);
    }

    @Test
    void changesWithTheTemplateAndTheCollisionCount() {
        String hash = PodTemplateHash.of(template("nginx"), null);
        assertNotEquals(hash, PodTemplateHash.of(template("nginx:2"), null));
        assertNotEquals(hash, PodTemplateHash.of(template("nginx"), 1));
    }

    @Test
    void equalityIgnoresTheHashLabelAndEmptyValues() {
        PodTemplateSpec labelled = template("nginx");
        labelled.getMetadata().getLabels().put(PodTemplateHash.LABEL, "abc");
        labelled.getSpec().setVolumes(new ArrayList<>());

        assertTrue(PodTemplateHash.equalIgnoringHash(template("nginx"), labelled));
        assertFalse(PodTemplateHash.equalIgnoringHash(template("nginx"), template("nginx:2")));
    }

    @Test
    void goZeroValuesOfPlainFieldsEqualAbsentOnesButPointerFieldsDoNot() {
        PodTemplateSpec decodedFromProtobuf = template("nginx");
        decodedFromProtobuf.getMetadata().setGeneration(0L);
        decodedFromProtobuf.getSpec().setHostNetwork(false);
        decodedFromProtobuf.getSpec().getContainers().getFirst().setTty(false);
        assertTrue(PodTemplateHash.equalIgnoringHash(template("nginx"), decodedFromProtobuf));
        assertEquals(PodTemplateHash.of(template("nginx"), null), PodTemplateHash.of(decodedFromProtobuf, null));

        PodTemplateSpec noToken = template("nginx");
        noToken.getSpec().setAutomountServiceAccountToken(false);
        assertFalse(PodTemplateHash.equalIgnoringHash(template("nginx"), noToken));
    }
}
