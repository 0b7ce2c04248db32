package io.kube4j.apiserver.registry.kinds;

import static io.kube4j.apiserver.registry.kinds.Objects.named;
import static io.kube4j.apiserver.registry.kinds.Objects.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.NameRule;
import io.kube4j.apiserver.registry.Strategy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceStrategyTest {
    private final List<JsonNode> stored = new ArrayList<>();
    private final Strategy strategy = BuiltinStrategies.forKind("", "Service",
            new CidrServiceAllocator("10.96.0.0/12", 30000, 32767, () -> List.copyOf(stored), Clock.systemUTC()));

    private ObjectNode created(String spec) {
        ObjectNode svc = named("web", "{'spec': " + spec + "}");
        strategy.prepareForCreate(svc);
        return svc;
    }

    @Test
    void defaultsAClusterIpService() {
        ObjectNode svc = created("{'selector': {'app': 'web'}, 'ports': [{'port': 80}]}");
        assertEquals(Objects.parse("{'selector': {'app': 'web'}, 'ports': [{'port': 80, 'protocol': 'TCP', 'targetPort': 80}], "
                + "'type': 'ClusterIP', 'sessionAffinity': 'None', 'internalTrafficPolicy': 'Cluster', "
                + "'ipFamilyPolicy': 'SingleStack', 'ipFamilies': ['IPv4'], 'clusterIP': '10.96.0.2', "
                + "'clusterIPs': ['10.96.0.2']}"), svc.get("spec"));
        assertEquals(Objects.parse("{'loadBalancer': {}}"), svc.get("status"));
        assertEquals(List.of(), strategy.validate(svc));
        assertEquals(NameRule.DNS1035, strategy.nameRule());
    }

    @Test
    void allocatesNodePortsForNodePortServices() {
        ObjectNode svc = created("{'type': 'NodePort', 'ports': [{'name': 'http', 'port': 80}, {'name': 'https', 'port': 443, 'nodePort': 30443}]}");
        assertEquals(30000, svc.at("/spec/ports/0/nodePort").asInt());
        assertEquals(30443, svc.at("/spec/ports/1/nodePort").asInt());
        assertEquals("Cluster", svc.at("/spec/externalTrafficPolicy").asText());
    }

    @Test
    void reportsATakenClusterIpOnTheField() {
        stored.add(Objects.parse("{'spec': {'clusterIP': '10.96.0.5', 'clusterIPs': ['10.96.0.5']}}"));
        ApiException e = assertThrows(ApiException.class, () -> created("{'clusterIP': '10.96.0.5', 'ports': [{'port': 80}]}"));
        assertEquals(422, e.code());
        assertEquals("Service \"web\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.5\"}: "
                + "failed to allocate IP 10.96.0.5: provided IP is already allocated", e.getMessage());
    }

    @Test
    void reportsATakenNodePortOnTheField() {
        stored.add(Objects.parse("{'spec': {'ports': [{'port': 80, 'nodePort': 30080}]}}"));
        ApiException e = assertThrows(ApiException.class,
                () -> created("{'type': 'NodePort', 'ports': [{'port': 80, 'nodePort': 30080}]}"));
        assertEquals("Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated",
                e.getMessage());
    }

    @Test
    void headlessServicesGetNoAddressAndNeedNoPorts() {
        ObjectNode svc = created("{'clusterIP': 'None', 'selector': {'app': 'db'}}");
        assertEquals("None", svc.at("/spec/clusterIP").asText());
        assertEquals(List.of(), strategy.validate(svc));
    }

    @Test
    void externalNameServicesGetNoAddress() {
        ObjectNode svc = created("{'type': 'ExternalName', 'externalName': 'db.example.com'}");
        assertFalse(svc.get("spec").has("clusterIP"));
        assertFalse(svc.get("spec").has("ipFamilies"));
        assertEquals(List.of(), strategy.validate(svc));
    }

    @Test
    void reportsInvalidSpecsWithoutAllocating() {
        ObjectNode svc = created("{'type': 'Fancy', 'ports': [{'port': 0, 'protocol': 'ICMP'}, {'name': 'b', 'port': 81, 'nodePort': 30001}]}");
        assertFalse(svc.get("spec").has("clusterIP"));
        assertEquals(List.of(
                "spec.type: Unsupported value: \"Fancy\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"",
                "spec.ports[0].name: Required value",
                "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive"),
                texts(strategy.validate(svc)));
        ObjectNode clusterIp = named("web", "{'spec': {'ports': [{'port': 80, 'nodePort': 30001}]}}");
        ServiceSpecs.applyDefaults((ObjectNode) clusterIp.get("spec"));
        assertEquals(List.of("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
                texts(strategy.validate(clusterIp)));
        assertEquals(List.of("spec.ports: Required value"), texts(strategy.validate(created("{}"))));
    }

    @Test
    void updatesKeepTheClusterIpAndNodePortsWhenOmitted() {
        ObjectNode old = created("{'type': 'NodePort', 'ports': [{'name': 'http', 'port': 80}]}");
        stored.add(old);
        ObjectNode update = named("web", "{'spec': {'type': 'NodePort', 'ports': [{'name': 'http', 'port': 8080}]}}");
        strategy.prepareForUpdate(update, old);
        assertEquals(List.of(), strategy.validateUpdate(update, old));
        assertEquals("10.96.0.2", update.at("/spec/clusterIP").asText());
        assertEquals(30000, update.at("/spec/ports/0/nodePort").asInt());
    }

    @Test
    void clusterIpCannotChange() {
        ObjectNode old = created("{'ports': [{'port': 80}]}");
        stored.add(old);
        ObjectNode update = named("web", "{'spec': {'clusterIP': '10.96.0.9', 'ports': [{'port': 80}]}}");
        strategy.prepareForUpdate(update, old);
        assertEquals(List.of("spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.9\"}: may not change once set"),
                texts(strategy.validateUpdate(update, old)));
    }

    @Test
    void switchingToNodePortAllocatesAndBackDropsThePorts() {
        ObjectNode old = created("{'ports': [{'port': 80}]}");
        stored.add(old);
        ObjectNode nodePort = old.deepCopy();
        ((ObjectNode) nodePort.get("spec")).put("type", "NodePort");
        strategy.prepareForUpdate(nodePort, old);
        assertEquals(30000, nodePort.at("/spec/ports/0/nodePort").asInt());
        stored.set(0, nodePort);
        ObjectNode back = nodePort.deepCopy();
        ((ObjectNode) back.get("spec")).put("type", "ClusterIP");
        strategy.prepareForUpdate(back, nodePort);
        assertFalse(back.at("/spec/ports/0").has("nodePort"));
        assertFalse(back.get("spec").has("externalTrafficPolicy"));
        assertTrue(strategy.validateUpdate(back, nodePort).isEmpty());
    }
}
