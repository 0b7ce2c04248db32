package io.kube4j.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class ComponentClientsTest {
    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns","labels":{"app":"web"},
             "managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1",
               "fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}]},
             "spec":{"containers":[{"name":"c","image":"nginx"}]}}""";

    @Test
    void decodedObjectsCarryNoManagedFields() {
        Pod pod = ComponentClients.serialization().unmarshal(POD, Pod.class);
        assertEquals("web", pod.getMetadata().getLabels().get("app"));
        assertTrue(pod.getMetadata().getManagedFields().isEmpty());
        assertTrue(pod.getMetadata().getAdditionalProperties().isEmpty());
        assertEquals("nginx", pod.getSpec().getContainers().get(0).getImage());
    }

    @Test
    void writesLeaveManagedFieldsOutSoTheServerKeepsTheStoredOnes() {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").addToManagedFields(
                new ManagedFieldsEntryBuilder().withManager("someone").build()).endMetadata().build();
        String json = ComponentClients.serialization().asJson(pod);
        assertFalse(json.contains("managedFields"), json);
        assertTrue(new KubernetesSerialization().asJson(pod).contains("managedFields"));
    }
}
