package io.kube4j.apiserver.registry.kinds;

import static io.kube4j.apiserver.registry.kinds.Objects.named;
import static io.kube4j.apiserver.registry.kinds.Objects.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadStrategiesTest {
    private static final String TEMPLATE = "'template': {'metadata': {'labels': {'app': 'web'}}, "
            + "'spec': {'containers': [{'name': 'c', 'image': 'nginx:1'}]}}";

    private static ObjectNode created(Strategy strategy, String spec) {
        ObjectNode obj = named("web", "{'spec': " + spec + "}");
        strategy.prepareForCreate(obj);
        return obj;
    }

    @Test
    void deploymentDefaults() {
        Strategy strategy = BuiltinStrategies.forKind("apps", "Deployment", null);
        ObjectNode d = created(strategy, "{'selector': {'matchLabels': {'app': 'web'}}, " + TEMPLATE + "}");
        assertEquals(1, d.at("/spec/replicas").asInt());
        assertEquals(Objects.parse("{'type': 'RollingUpdate', 'rollingUpdate': {'maxUnavailable': '25%', 'maxSurge': '25%'}}"),
                d.at("/spec/strategy"));
        assertEquals(10, d.at("/spec/revisionHistoryLimit").asInt());
        assertEquals(600, d.at("/spec/progressDeadlineSeconds").asInt());
        assertEquals("Always", d.at("/spec/template/spec/restartPolicy").asText());
        assertEquals("IfNotPresent", d.at("/spec/template/spec/containers/0/imagePullPolicy").asText());
        assertEquals(false, d.at("/spec/template/spec").has("enableServiceLinks"), "pod-only defaults stay out of templates");
        assertEquals(List.of(), strategy.validate(d));
    }

    @Test
    void selectorMustMatchTheTemplate() {
        Strategy strategy = BuiltinStrategies.forKind("apps", "Deployment", null);
        ObjectNode d = created(strategy, "{'selector': {'matchLabels': {'app': 'api'}}, " + TEMPLATE + "}");
        assertEquals(List.of("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                + "`selector` does not match template `labels`"), texts(strategy.validate(d)));
        ObjectNode missing = created(strategy, "{" + TEMPLATE + "}");
        assertEquals(List.of("spec.selector: Required value"), texts(strategy.validate(missing)));
        ObjectNode empty = created(strategy, "{'selector': {}, " + TEMPLATE + "}");
        assertEquals(List.of("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"),
                texts(strategy.validate(empty)));
    }

    @Test
    void selectorExpressionsAreValidatedAndMatched() {
        Strategy strategy = BuiltinStrategies.forKind("apps", "ReplicaSet", null);
        ObjectNode rs = created(strategy, "{'selector': {'matchExpressions': [{'key': 'app', 'operator': 'In', 'values': ['web', 'api']}, "
                + "{'key': 'tier', 'operator': 'Exists', 'values': ['x']}]}, " + TEMPLATE + "}");
        assertEquals(List.of("spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is "
                        + "'Exists' or 'DoesNotExist'",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                        + "`selector` does not match template `labels`"),
                texts(strategy.validate(rs)));
    }

    @Test
    void appsTemplatesMustRestartAlwaysAndCountsBeNonNegative() {
        Strategy strategy = BuiltinStrategies.forKind("apps", "Deployment", null);
        ObjectNode d = created(strategy, "{'replicas': -1, 'selector': {'matchLabels': {'app': 'web'}}, "
                + TEMPLATE.replace("'spec': {", "'spec': {'restartPolicy': 'Never', ") + "}");
        assertEquals(List.of("spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""),
                texts(strategy.validate(d)));
    }

    @Test
    void appsSelectorsAreImmutable() {
        Strategy strategy = BuiltinStrategies.forKind("apps", "Deployment", null);
        ObjectNode old = created(strategy, "{'selector': {'matchLabels': {'app': 'web'}}, " + TEMPLATE + "}");
        ObjectNode update = old.deepCopy();
        ((ObjectNode) update.at("/spec/selector/matchLabels")).put("tier", "front");
        ((ObjectNode) update.at("/spec/template/metadata/labels")).put("tier", "front");
        strategy.prepareForUpdate(update, old);
        assertEquals(List.of("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", "
                + "\"tier\":\"front\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"),
                texts(strategy.validateUpdate(update, old)));
    }

    @Test
    void statefulSetDefaultsAndFixedFields() {
        Strategy strategy = BuiltinStrategies.forKind("apps", "StatefulSet", null);
        ObjectNode s = created(strategy, "{'serviceName': 'db', 'selector': {'matchLabels': {'app': 'web'}}, " + TEMPLATE + "}");
        assertEquals("OrderedReady", s.at("/spec/podManagementPolicy").asText());
        assertEquals(Objects.parse("{'type': 'RollingUpdate', 'rollingUpdate': {'partition': 0}}"), s.at("/spec/updateStrategy"));
        assertEquals(Objects.parse("{'whenDeleted': 'Retain', 'whenScaled': 'Retain'}"),
                s.at("/spec/persistentVolumeClaimRetentionPolicy"));
        assertEquals(1, s.at("/spec/replicas").asInt());
        assertEquals(10, s.at("/spec/revisionHistoryLimit").asInt());
        assertEquals(List.of(), strategy.validate(s));

        ObjectNode scaled = s.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 3);
        strategy.prepareForUpdate(scaled, s);
        assertEquals(List.of(), strategy.validateUpdate(scaled, s));
        ObjectNode renamed = s.deepCopy();
        ((ObjectNode) renamed.get("spec")).put("serviceName", "other");
        strategy.prepareForUpdate(renamed, s);
        assertEquals(List.of("spec: Forbidden: " + StatefulSetStrategy.UPDATE_FORBIDDEN), texts(strategy.validateUpdate(renamed, s)));
    }

    @Test
    void daemonSetDefaults() {
        Strategy strategy = BuiltinStrategies.forKind("apps", "DaemonSet", null);
        ObjectNode ds = created(strategy, "{'selector': {'matchLabels': {'app': 'web'}}, " + TEMPLATE + "}");
        assertEquals(Objects.parse("{'type': 'RollingUpdate', 'rollingUpdate': {'maxUnavailable': 1, 'maxSurge': 0}}"),
                ds.at("/spec/updateStrategy"));
        assertEquals(10, ds.at("/spec/revisionHistoryLimit").asInt());
        assertEquals(List.of(), strategy.validate(ds));
    }

    @Test
    void replicationControllerSelectorDefaultsToTemplateLabels() {
        Strategy strategy = BuiltinStrategies.forKind("", "ReplicationController", null);
        ObjectNode rc = created(strategy, "{" + TEMPLATE + "}");
        assertEquals(Objects.parse("{'app': 'web'}"), rc.at("/spec/selector"));
        assertEquals(Objects.parse("{'app': 'web'}"), rc.at("/metadata/labels"));
        assertEquals(1, rc.at("/spec/replicas").asInt());
        assertEquals(List.of(), strategy.validate(rc));
        ObjectNode mismatch = created(strategy, "{'selector': {'app': 'api'}, " + TEMPLATE + "}");
        assertEquals(List.of("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                + "`selector` does not match template `labels`"), texts(strategy.validate(mismatch)));
    }
}
