package io.kube4j.api.patch.apply;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kube4j.api.patch.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldSetTest {

    @Test
    void fieldsV1RoundTripMarksMembersWithChildrenByDot() {
        String fieldsV1 = "{'f:metadata':{'f:labels':{'.':{},'f:app':{}}},'f:spec':{'f:containers':"
                + "{'k:{\\'name\\':\\'c\\'}':{'.':{},'f:image':{},'f:name':{}}}}}";
        FieldSet set = FieldSet.fromFieldsV1(json(fieldsV1.replace("\\'", "\\\"")));

        assertTrue(set.contains(List.of("f:metadata", "f:labels")));
        assertTrue(set.contains(List.of("f:spec", "f:containers", "k:{\"name\":\"c\"}")));
        assertTrue(set.contains(List.of("f:spec", "f:containers", "k:{\"name\":\"c\"}", "f:image")));
        assertEquals(5, set.paths().size());
        assertEquals(json(fieldsV1.replace("\\'", "\\\"")), set.toFieldsV1());
    }

    @Test
    void memberBelowAPath() {
        FieldSet set = FieldSet.of(List.of(List.of("f:spec", "f:template", "f:metadata")));

        assertTrue(set.hasMemberBelow(List.of("f:spec")));
        assertTrue(!set.hasMemberBelow(List.of("f:spec", "f:template", "f:metadata")));
    }

    @Test
    void displayPathsAsConflictsShowThem() {
        assertEquals(".spec.template.spec.containers[name=\"c\"].image", PathElements.display(List.of("f:spec",
                "f:template", "f:spec", "f:containers", PathElements.key("name", json("'c'")), "f:image")));
        assertEquals(".metadata.finalizers[=\"x\"]",
                PathElements.display(List.of("f:metadata", "f:finalizers", PathElements.value(json("'x'")))));
        assertEquals("k:{\"containerPort\":80}", PathElements.key("containerPort", json("80.0")));
    }
}
