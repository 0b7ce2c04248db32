package io.kube4j.scheduler;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.scheduler.testing.Poll;
import io.kube4j.scheduler.testing.TestClients;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scheduler placing pods by their volumes against a real API server with three nodes (no volume controllers). */
class VolumeBindingEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestApiServer server;
    private static KubernetesClient client;
    private static Scheduler scheduler;

    @BeforeAll
    static void startCluster() throws Exception {
        server = TestApiServer.start();
        client = TestClients.connect(server);
        for (String name : new String[] {"n1", "n2", "n3"}) {
            Node node = node(name);
            Node created = client.nodes().resource(new NodeBuilder(node).withStatus(null).build()).create();
            created.setStatus(node.getStatus());
            client.nodes().resource(created).updateStatus();
        }
        scheduler = Scheduler.start(client);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        scheduler.close();
        client.close();
        server.close();
    }

    private static PersistentVolumeClaimBuilder claim(String name, String className) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withStorageClassName(className).withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec();
    }

    private static Pod podUsing(String name, String claim) {
        return client.pods().inNamespace("default").resource(pod(name, null, null).editSpec().addNewVolume().withName("data")
                .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().endVolume().endSpec().build()).create();
    }

    private static String awaitNode(String pod) throws InterruptedException {
        return Poll.until(WAIT, pod + " to be bound", () -> {
            Pod p = client.pods().inNamespace("default").withName(pod).get();
            return p == null ? null : p.getSpec().getNodeName();
        });
    }

    @Test
    void aPodGoesWhereItsBoundVolumeIs() throws Exception {
        client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName("pv-n2").endMetadata()
                .withNewSpec().withCapacity(Map.of("storage", new Quantity("1Gi"))).withAccessModes("ReadWriteOnce")
                .withStorageClassName("manual").withNewHostPath().withPath("/data/pv-n2").endHostPath()
                .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                .withKey("kubernetes.io/hostname").withOperator("In").withValues("n2")
                .endMatchExpression().endNodeSelectorTerm().endRequired().endNodeAffinity().endSpec().build()).create();
        client.persistentVolumeClaims().inNamespace("default")
                .resource(claim("bound", "manual").editSpec().withVolumeName("pv-n2").endSpec().build()).create();
        podUsing("uses-pv-n2", "bound");
        assertEquals("n2", awaitNode("uses-pv-n2"));
    }

    @Test
    void aPodWaitingForItsClaimIsScheduledOnceTheClaimExistsAndTheClaimLearnsTheNode() throws Exception {
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName("wffc").endMetadata()
                .withProvisioner("rancher.io/local-path").withVolumeBindingMode("WaitForFirstConsumer").build()).create();
        podUsing("waits", "later");
        Poll.until(WAIT, "waits to be marked unschedulable", () -> {
            Pod p = client.pods().inNamespace("default").withName("waits").get();
            return p.getStatus().getConditions() == null ? null : p.getStatus().getConditions().stream()
                    .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())).findFirst().orElse(null);
        });
        client.persistentVolumeClaims().inNamespace("default").resource(claim("later", "wffc").build()).create();
        String node = awaitNode("waits");
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace("default").withName("later").get();
        assertEquals(node, claim.getMetadata().getAnnotations().get("volume.kubernetes.io/selected-node"));
    }
}
