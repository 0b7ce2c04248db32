package io.kube4j.controllers.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerHistoryTest {
    private final ControllerHistory history = new ControllerHistory(new KubernetesClientBuilder().build());

    private static PodTemplateSpec template(String image) {
        return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage(image).endContainer().endSpec().build();
    }

    @Test
    void revisionDataIsTheTemplateAsAReplacePatch() {
        Map<String, Object> data = history.templatePatch(template("nginx"));
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) ((Map<String, Object>) data.get("spec")).get("template");
        assertEquals("replace", stored.get("$patch"));
        assertTrue(stored.containsKey("spec"));
    }

    @Test
    void hashesDependOnTheTemplateAndTheCollisionCountAndUseTheSafeAlphabet() {
        String a = history.hash(history.templatePatch(template("nginx:1")), 0);
        assertEquals(a, history.hash(history.templatePatch(template("nginx:1")), 0));
        assertNotEquals(a, history.hash(history.templatePatch(template("nginx:2")), 0));
        assertNotEquals(a, history.hash(history.templatePatch(template("nginx:1")), 1));
        assertTrue(a.matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}"), a);
    }

    @Test
    void equalDataIsRecognisedWhateverTheKeyOrder() {
        Map<String, Object> data = history.templatePatch(template("nginx"));
        ControllerRevision stored = new ControllerRevisionBuilder().withData(Map.of("spec", data.get("spec"))).withRevision(1L).build();
        assertTrue(history.sameData(stored, data));
        assertEquals(List.of(2L, 3L), ControllerHistory.byNumber(List.of(
                new ControllerRevisionBuilder().withNewMetadata().withName("x").endMetadata().withRevision(3L).build(),
                new ControllerRevisionBuilder().withNewMetadata().withName("y").endMetadata().withRevision(2L).build()))
                .stream().map(ControllerRevision::getRevision).toList());
    }
}
