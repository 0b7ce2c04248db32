package io.kube4j.controllers;

import static io.kube4j.controllers.testing.Fixtures.replicaSet;
import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kube4j.controllers.testing.FakeWriter;
import io.kube4j.controllers.testing.TestInformers;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObjectWriterTest {
    private final TestInformers informers = new TestInformers();
    private final FakeWriter writer = new FakeWriter().mirror(ReplicaSet.class, informers.of(ReplicaSet.class));
    private final UnaryOperator<ReplicaSet> threeReplicas =
            rs -> new ReplicaSetBuilder(rs).withNewStatus().withReplicas(3).endStatus().build();

    @AfterEach
    void close() {
        informers.close();
    }

    @Test
    void aConflictPutsTheSameStatusOnTheLatestObject() {
        ReplicaSet cached = replicaSet("web", 3, template("nginx"));
        ReplicaSet latest = new ReplicaSetBuilder(cached).editMetadata().withResourceVersion("7")
                .withLabels(Map.of("app", "web", "touched", "yes")).endMetadata().build();
        informers.seed(latest);
        writer.conflictOnNextStatusWrite();

        ReplicaSet stored = writer.updateStatusOnLatest(cached, threeReplicas);

        assertEquals(List.of("status ReplicaSet web"), writer.actions());
        assertEquals(3, stored.getStatus().getReplicas());
        assertEquals("yes", stored.getMetadata().getLabels().get("touched"), "written onto the latest object");
    }

    @Test
    void anObjectGoneMeanwhileIsNoError() {
        writer.conflictOnNextStatusWrite();
        assertNull(writer.updateStatusOnLatest(replicaSet("gone", 1, template("nginx")), threeReplicas));
        assertEquals(List.of(), writer.actions());
    }
}
