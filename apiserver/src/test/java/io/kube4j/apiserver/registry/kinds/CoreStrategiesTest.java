package io.kube4j.apiserver.registry.kinds;

import static io.kube4j.apiserver.registry.kinds.Objects.named;
import static io.kube4j.apiserver.registry.kinds.Objects.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.NameRule;
import io.kube4j.apiserver.registry.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreStrategiesTest {

    @Test
    void namespaceLifecycle() {
        Strategy strategy = BuiltinStrategies.forKind("", "Namespace", null);
        ObjectNode ns = named("team-a", "{}");
        strategy.prepareForCreate(ns);
        assertEquals(Objects.parse("{'finalizers': ['kubernetes']}"), ns.get("spec"));
        assertEquals("Active", ns.at("/status/phase").asText());
        assertEquals("team-a", ns.at("/metadata/labels/kubernetes.io~1metadata.name").asText());
        assertEquals(NameRule.LABEL, strategy.nameRule());

        ObjectNode update = named("team-a", "{'spec': {'finalizers': []}}");
        strategy.prepareForUpdate(update, ns);
        assertEquals(Objects.parse("{'finalizers': ['kubernetes']}"), update.get("spec"), "finalizers change only via finalize");
        assertEquals("team-a", update.at("/metadata/labels/kubernetes.io~1metadata.name").asText());

        assertTrue(strategy.holdForFinalization(ns));
        assertEquals("Terminating", ns.at("/status/phase").asText());
        assertEquals("Terminating", strategy.selectableFields().get("status.phase").apply(ns));
        ((ObjectNode) ns.get("spec")).putArray("finalizers");
        assertFalse(strategy.holdForFinalization(ns));
    }

    @Test
    void configMapKeysSizeAndImmutability() {
        Strategy strategy = BuiltinStrategies.forKind("", "ConfigMap", null);
        ObjectNode cm = named("cfg", "{'data': {'good.key': 'v', 'bad key': 'v', 'dup': 'x'}, 'binaryData': {'dup': 'eA=='}}");
        assertEquals(List.of(
                "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, "
                        + "'-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
                        + "'[-._a-zA-Z0-9]+')",
                "data[dup]: Invalid value: \"dup\": duplicate of key present in binaryData"),
                texts(strategy.validate(cm)));

        ObjectNode big = named("big", "{'data': {'a': '" + "x".repeat(1024 * 1024 + 1) + "'}}");
        assertEquals(List.of("data: Forbidden: may not be more than 1048576 bytes"), texts(strategy.validate(big)));

        ObjectNode frozen = named("cfg", "{'immutable': true, 'data': {'a': '1'}}");
        ObjectNode changed = named("cfg", "{'immutable': true, 'data': {'a': '2'}}");
        assertEquals(List.of("data: Forbidden: field is immutable when `immutable` is set"),
                texts(strategy.validateUpdate(changed, frozen)));
    }

    @Test
    void secretDefaultsAndTypeRules() {
        Strategy strategy = BuiltinStrategies.forKind("", "Secret", null);
        ObjectNode secret = named("s", "{'stringData': {'password': 'hunter2'}}");
        strategy.prepareForCreate(secret);
        assertEquals("Opaque", secret.get("type").asText());
        assertEquals("aHVudGVyMg==", secret.at("/data/password").asText());
        assertFalse(secret.has("stringData"));
        assertEquals("Opaque", strategy.selectableFields().get("type").apply(secret));

        ObjectNode tls = named("t", "{'type': 'kubernetes.io/tls', 'data': {'tls.crt': 'eA=='}}");
        strategy.prepareForCreate(tls);
        assertEquals(List.of("data[tls.key]: Required value"), texts(strategy.validate(tls)));

        ObjectNode retyped = secret.deepCopy();
        retyped.put("type", "kubernetes.io/basic-auth");
        strategy.prepareForUpdate(retyped, secret);
        assertEquals(List.of("type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable"),
                texts(strategy.validateUpdate(retyped, secret)));
    }

    @Test
    void nodesKeepTheirStatus() {
        Strategy strategy = BuiltinStrategies.forKind("", "Node", null);
        assertFalse(strategy.clearsStatusOnCreate());
        ObjectNode node = named("n1", "{'spec': {'unschedulable': true}, 'status': {'capacity': {'cpu': '4'}}}");
        strategy.prepareForCreate(node);
        assertEquals(Objects.parse("{'cpu': '4'}"), node.at("/status/allocatable"));
        assertEquals("true", strategy.selectableFields().get("spec.unschedulable").apply(node));
    }

    @Test
    void eventsSelectByInvolvedObject() {
        Strategy strategy = BuiltinStrategies.forKind("", "Event", null);
        ObjectNode event = named("e", "{'involvedObject': {'kind': 'Pod', 'name': 'web', 'uid': 'u'}, 'reason': 'Pulled', "
                + "'source': {'component': 'kubelet'}, 'type': 'Normal'}");
        assertEquals("Pod", strategy.selectableFields().get("involvedObject.kind").apply(event));
        assertEquals("web", strategy.selectableFields().get("involvedObject.name").apply(event));
        assertEquals("", strategy.selectableFields().get("involvedObject.namespace").apply(event));
        assertEquals("kubelet", strategy.selectableFields().get("source").apply(event));
        assertEquals("Normal", strategy.selectableFields().get("type").apply(event));
        assertTrue(strategy.allowCreateOnUpdate());
    }

    @Test
    void persistentVolumesAndClaims() {
        Strategy claims = BuiltinStrategies.forKind("", "PersistentVolumeClaim", null);
        ObjectNode pvc = named("data", "{'spec': {'accessModes': ['ReadWriteOnce'], 'resources': {'requests': {'storage': '1Gi'}}}}");
        claims.prepareForCreate(pvc);
        assertEquals("Filesystem", pvc.at("/spec/volumeMode").asText());
        assertEquals("Pending", pvc.at("/status/phase").asText());
        assertEquals(List.of(), claims.validate(pvc));
        ObjectNode grown = pvc.deepCopy();
        ((ObjectNode) grown.at("/spec/resources/requests")).put("storage", "2Gi");
        assertEquals(List.of(), claims.validateUpdate(grown, pvc));
        ObjectNode remoded = pvc.deepCopy();
        ((ObjectNode) remoded.get("spec")).putArray("accessModes").add("ReadWriteMany");
        assertEquals(List.of("spec: Forbidden: " + PersistentVolumeClaimStrategy.SPEC_IMMUTABLE), texts(claims.validateUpdate(remoded, pvc)));

        Strategy volumes = BuiltinStrategies.forKind("", "PersistentVolume", null);
        ObjectNode pv = named("pv1", "{'spec': {'capacity': {'storage': '1Gi'}, 'accessModes': ['ReadWriteOnce'], "
                + "'hostPath': {'path': '/data'}}}");
        volumes.prepareForCreate(pv);
        assertEquals("Retain", pv.at("/spec/persistentVolumeReclaimPolicy").asText());
        assertEquals("Filesystem", pv.at("/spec/volumeMode").asText());
        assertEquals("Pending", pv.at("/status/phase").asText());
        assertEquals(List.of(), volumes.validate(pv));
        ObjectNode sourceless = named("pv2", "{'spec': {'capacity': {'storage': '1Gi'}, 'accessModes': ['ReadWriteOnce']}}");
        volumes.prepareForCreate(sourceless);
        assertEquals(List.of("spec: Required value: must specify a volume type"), texts(volumes.validate(sourceless)));
    }

    @Test
    void otherKindsGetTheDefaultStrategy() {
        Strategy strategy = BuiltinStrategies.forKind("coordination.k8s.io", "Lease", null);
        assertEquals(NameRule.SUBDOMAIN, strategy.nameRule());
        assertEquals(List.of(), strategy.validate(named("l", "{}")));
    }
}
