package io.kube4j.apiserver.registry.kinds;

import static io.kube4j.apiserver.registry.kinds.Objects.named;
import static io.kube4j.apiserver.registry.kinds.Objects.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodStrategyTest {
    private final Strategy strategy = BuiltinStrategies.forKind("", "Pod", null);

    private ObjectNode created(String spec) {
        ObjectNode pod = named("web", "{'spec': " + spec + "}");
        strategy.prepareForCreate(pod);
        return pod;
    }

    @Test
    void defaultsSpecContainersAndAdmissionFields() {
        ObjectNode pod = created("{'containers': [{'name': 'c', 'image': 'nginx', 'ports': [{'containerPort': 80}]}]}");
        JsonNode spec = pod.get("spec");
        assertEquals("Always", spec.get("restartPolicy").asText());
        assertEquals("ClusterFirst", spec.get("dnsPolicy").asText());
        assertEquals(30, spec.get("terminationGracePeriodSeconds").asInt());
        assertEquals("default-scheduler", spec.get("schedulerName").asText());
        assertTrue(spec.get("securityContext").isObject());
        assertTrue(spec.get("enableServiceLinks").asBoolean());
        assertEquals(0, spec.get("priority").asInt());
        assertEquals("PreemptLowerPriority", spec.get("preemptionPolicy").asText());
        assertEquals("default", spec.get("serviceAccountName").asText());
        assertEquals("default", spec.get("serviceAccount").asText());
        JsonNode c = spec.get("containers").get(0);
        assertEquals("Always", c.get("imagePullPolicy").asText());
        assertEquals("/dev/termination-log", c.get("terminationMessagePath").asText());
        assertEquals("File", c.get("terminationMessagePolicy").asText());
        assertTrue(c.get("resources").isObject());
        assertEquals("TCP", c.get("ports").get(0).get("protocol").asText());
        JsonNode tolerations = spec.get("tolerations");
        assertEquals(2, tolerations.size());
        assertEquals(Objects.parse("{'key': 'node.kubernetes.io/not-ready', 'operator': 'Exists', 'effect': 'NoExecute', "
                + "'tolerationSeconds': 300}"), tolerations.get(0));
        assertEquals("node.kubernetes.io/unreachable", tolerations.get(1).get("key").asText());
        assertEquals(Objects.parse("{'phase': 'Pending', 'qosClass': 'BestEffort'}"), pod.get("status"));
    }

    @Test
    void keepsAnExistingTolerationForTheSameTaint() {
        ObjectNode pod = created("{'containers': [{'name': 'c', 'image': 'x'}], 'tolerations': "
                + "[{'key': 'node.kubernetes.io/unreachable', 'operator': 'Exists', 'effect': 'NoExecute', 'tolerationSeconds': 5}]}");
        JsonNode tolerations = pod.get("spec").get("tolerations");
        assertEquals(2, tolerations.size());
        assertEquals(5, tolerations.get(0).get("tolerationSeconds").asInt());
        assertEquals("node.kubernetes.io/not-ready", tolerations.get(1).get("key").asText());
    }

    @Test
    void pullPolicyFollowsTheTag() {
        assertEquals("Always", PodSpecDefaults.pullPolicyFor("nginx:latest"));
        assertEquals("Always", PodSpecDefaults.pullPolicyFor("localhost:5000/nginx"));
        assertEquals("IfNotPresent", PodSpecDefaults.pullPolicyFor("nginx:1.27"));
        assertEquals("IfNotPresent", PodSpecDefaults.pullPolicyFor("nginx@sha256:abcd"));
    }

    @Test
    void qosClassFollowsRequestsAndLimits() {
        ObjectNode guaranteed = created("{'containers': [{'name': 'c', 'image': 'x', 'resources': "
                + "{'limits': {'cpu': '500m', 'memory': '128Mi'}}}]}");
        assertEquals("Guaranteed", guaranteed.get("status").get("qosClass").asText());
        assertEquals("500m", guaranteed.at("/spec/containers/0/resources/requests/cpu").asText());
        ObjectNode burstable = created("{'containers': [{'name': 'c', 'image': 'x', 'resources': "
                + "{'requests': {'cpu': '0.1'}, 'limits': {'cpu': '1', 'memory': '1Gi'}}}]}");
        assertEquals("Burstable", burstable.get("status").get("qosClass").asText());
    }

    @Test
    void reportsInvalidContainersWithUpstreamPaths() {
        ObjectNode pod = created("{'restartPolicy': 'Sometimes', 'containers': [{'name': 'Web', 'image': 'x'}, "
                + "{'name': 'b', 'ports': [{'containerPort': 70000, 'protocol': 'HTTP'}], "
                + "'resources': {'requests': {'cpu': '2'}, 'limits': {'cpu': '1'}}}, {'name': 'b', 'image': 'y'}]}");
        List<String> errors = texts(strategy.validate(pod));
        assertEquals(List.of(
                "spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case "
                        + "alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. "
                        + "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "spec.containers[1].image: Required value",
                "spec.containers[1].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.containers[1].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                "spec.containers[1].resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
                "spec.containers[2].name: Duplicate value: \"b\"",
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""),
                errors);
    }

    @Test
    void requiresContainers() {
        assertEquals(List.of("spec.containers: Required value"), texts(strategy.validate(created("{}"))));
    }

    @Test
    void allowsImageChangesOnUpdate() {
        ObjectNode old = created("{'containers': [{'name': 'c', 'image': 'nginx:1'}], 'nodeName': 'n1'}");
        ObjectNode update = Objects.named("web", "{'spec': {'containers': [{'name': 'c', 'image': 'nginx:2'}]}}");
        strategy.prepareForUpdate(update, old);
        List<FieldError> errors = strategy.validateUpdate(update, old);
        assertEquals(List.of(), texts(errors));
        assertEquals("n1", update.at("/spec/nodeName").asText(), "the node is kept when an update omits it");
        assertEquals("default", update.at("/spec/serviceAccountName").asText());
    }

    @Test
    void forbidsOtherSpecChangesOnUpdate() {
        ObjectNode old = created("{'containers': [{'name': 'c', 'image': 'nginx', 'ports': [{'containerPort': 80}]}]}");
        ObjectNode update = old.deepCopy();
        ((ObjectNode) update.at("/spec/containers/0/ports/0")).put("containerPort", 8080);
        strategy.prepareForUpdate(update, old);
        List<FieldError> errors = strategy.validateUpdate(update, old);
        assertEquals(1, errors.size());
        FieldError error = errors.get(0);
        assertEquals("spec", error.field());
        assertEquals(FieldError.Type.FORBIDDEN, error.type());
        assertTrue(error.detail().startsWith("pod updates may not change fields other than `spec.containers[*].image`,"
                + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to "
                + "existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was "
                + "previously negative)\n"), error.detail());
        assertTrue(error.detail().contains("- spec.containers[0].ports[0].containerPort: 80\n"
                + "+ spec.containers[0].ports[0].containerPort: 8080"), error.detail());
    }

    @Test
    void tolerationsMayOnlyBeAdded() {
        ObjectNode old = created("{'containers': [{'name': 'c', 'image': 'x'}]}");
        ObjectNode added = old.deepCopy();
        ((ArrayNode) added.at("/spec/tolerations")).addObject()
                .put("key", "gpu").put("operator", "Exists");
        strategy.prepareForUpdate(added, old);
        assertEquals(List.of(), texts(strategy.validateUpdate(added, old)));

        ObjectNode removed = old.deepCopy();
        ((ArrayNode) removed.at("/spec/tolerations")).remove(0);
        strategy.prepareForUpdate(removed, old);
        assertEquals(List.of("spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds"),
                texts(strategy.validateUpdate(removed, old)));
    }

    @Test
    void gracePeriodDependsOnNodeAndPhase() {
        ObjectNode pending = created("{'containers': [{'name': 'c', 'image': 'x'}]}");
        assertEquals(0, strategy.gracePeriodSeconds(pending, 10L));
        ObjectNode bound = created("{'nodeName': 'n1', 'terminationGracePeriodSeconds': 45, 'containers': [{'name': 'c', 'image': 'x'}]}");
        assertEquals(45, strategy.gracePeriodSeconds(bound, null));
        assertEquals(5, strategy.gracePeriodSeconds(bound, 5L));
        ((ObjectNode) bound.get("status")).put("phase", "Succeeded");
        assertEquals(0, strategy.gracePeriodSeconds(bound, 5L));
    }

    @Test
    void selectsOnNodeNameAndPhase() {
        ObjectNode pod = created("{'nodeName': 'n1', 'containers': [{'name': 'c', 'image': 'x'}]}");
        assertEquals("n1", strategy.selectableFields().get("spec.nodeName").apply(pod));
        assertEquals("Pending", strategy.selectableFields().get("status.phase").apply(pod));
        assertEquals("false", strategy.selectableFields().get("spec.hostNetwork").apply(pod));
        assertEquals("", strategy.selectableFields().get("status.podIP").apply(pod));
    }
}
