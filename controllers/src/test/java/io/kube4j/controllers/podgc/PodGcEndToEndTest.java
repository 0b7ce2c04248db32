package io.kube4j.controllers.podgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kube4j.controllers.PodStates;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.MutableClock;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A pod bound to a node that does not exist is failed and removed once the quarantine has passed on the controller's clock. */
class PodGcEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aPodBoundToAVanishedNodeIsFailedAndDeletedAfterTheQuarantine() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (LiveCluster cluster = LiveCluster.start(clock)) {
            KubernetesClient client = cluster.client();
            List<String> orphanStates = new CopyOnWriteArrayList<>();
            cluster.context().informer(Pod.class).addEventHandler(new StatesOf("orphan", orphanStates));
            cluster.run(new PodGcController(cluster.context()));
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("here").endMetadata().build()).create();
            client.pods().inNamespace("default").resource(pod("orphan", "gone")).create();
            client.pods().inNamespace("default").resource(pod("kept", "here")).create();

            // The controller notices the orphan at some clock time; moving the clock in steps ends the quarantine.
            Poll.until(TIMEOUT, "the orphaned pod deleted", () -> {
                clock.advance(Duration.ofSeconds(5));
                return client.pods().inNamespace("default").withName("orphan").get() == null;
            });
            assertNotNull(client.pods().inNamespace("default").withName("kept").get(), "a pod on an existing node stays");
            Poll.until(TIMEOUT, "the informer to see the deletion", () -> orphanStates.contains("deleted"));
            assertEquals(List.of("Pending", "Failed DeletionByPodGC", "deleted"), orphanStates);
        }
    }

    private static Pod pod(String name, String node) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .build();
    }

    /** Records one pod's phase and DisruptionTarget reason at each change the informer sees. */
    private record StatesOf(String name, List<String> states) implements ResourceEventHandler<Pod> {
        @Override
        public void onAdd(Pod pod) {
            record(pod);
        }

        @Override
        public void onUpdate(Pod oldPod, Pod pod) {
            record(pod);
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            if (name.equals(pod.getMetadata().getName())) {
                states.add("deleted");
            }
        }

        private void record(Pod pod) {
            if (name.equals(pod.getMetadata().getName())) {
                states.add(PodStates.phase(pod) + PodStates.condition(pod, "DisruptionTarget")
                        .map(c -> " " + c.getReason()).orElse(""));
            }
        }
    }
}
