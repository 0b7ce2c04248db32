package io.kube4j.controllers.statefulset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StatefulSets against a real API server, with the test playing the kubelet. */
class StatefulSetEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LiveCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = LiveCluster.start();
        client = cluster.client();
        cluster.run(new StatefulSetController(cluster.context()));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static StatefulSet web(String name, int replicas, String image) {
        return new StatefulSetBuilder()
                .withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName("nginx")
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage(image).endContainer().endSpec()
                .endTemplate()
                .addNewVolumeClaimTemplate()
                .withNewMetadata().withName("www").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec()
                .endVolumeClaimTemplate()
                .endSpec().build();
    }

    private static Set<String> podNames(String set) {
        return client.pods().inNamespace("default").withLabel("app", set).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    }

    private static StatefulSet get(String name) {
        return client.apps().statefulSets().inNamespace("default").withName(name).get();
    }

    @Test
    void createsPodsInOrderEachAfterThePreviousIsReadyAndDeletesInReverse() throws Exception {
        client.apps().statefulSets().inNamespace("default").resource(web("web", 3, "nginx:1.25")).create();

        Poll.until(WAIT, "web-0", () -> podNames("web").equals(Set.of("web-0")));
        Thread.sleep(300);
        assertEquals(Set.of("web-0"), podNames("web"), "web-1 must wait until web-0 is Running and Ready");
        Pod web0 = client.pods().inNamespace("default").withName("web-0").get();
        assertEquals("web-0", web0.getSpec().getHostname());
        assertEquals("nginx", web0.getSpec().getSubdomain());
        assertEquals("web-0", web0.getMetadata().getLabels().get(StatefulSetPods.POD_NAME_LABEL));
        assertEquals("0", web0.getMetadata().getLabels().get(StatefulSetPods.POD_INDEX_LABEL));
        assertEquals("www-web-0", web0.getSpec().getVolumes().getFirst().getPersistentVolumeClaim().getClaimName());
        assertNotNull(client.persistentVolumeClaims().inNamespace("default").withName("www-web-0").get(),
                "the claim is created before the pod");

        cluster.markRunningReady("default", "web-0");
        Poll.until(WAIT, "web-1", () -> podNames("web").equals(Set.of("web-0", "web-1")));
        Thread.sleep(300);
        assertEquals(Set.of("web-0", "web-1"), podNames("web"));
        cluster.markRunningReady("default", "web-1");
        Poll.until(WAIT, "web-2", () -> podNames("web").contains("web-2"));
        cluster.markRunningReady("default", "web-2");

        Poll.until(WAIT, "status 3/3 ready", () -> {
            StatefulSet s = get("web");
            return s.getStatus() != null && Integer.valueOf(3).equals(s.getStatus().getReadyReplicas());
        });
        StatefulSet ready = get("web");
        assertEquals(3, ready.getStatus().getReplicas());
        assertEquals(3, ready.getStatus().getCurrentReplicas());
        assertEquals(3, ready.getStatus().getUpdatedReplicas());
        assertEquals(3, ready.getStatus().getAvailableReplicas());
        assertEquals(ready.getStatus().getCurrentRevision(), ready.getStatus().getUpdateRevision());
        assertEquals(ready.getMetadata().getGeneration(), ready.getStatus().getObservedGeneration());
        List<ControllerRevision> revisions = client.apps().controllerRevisions().inNamespace("default").list().getItems().stream()
                .filter(r -> r.getMetadata().getName().startsWith("web-")).toList();
        assertEquals(1, revisions.size());
        assertEquals(ready.getStatus().getUpdateRevision(), revisions.getFirst().getMetadata().getName());
        assertEquals(1L, revisions.getFirst().getRevision());

        List<String> deletionOrder = new CopyOnWriteArrayList<>();
        try (Watch watch = client.pods().inNamespace("default").withLabel("app", "web").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                boolean going = action == Action.DELETED || pod.getMetadata().getDeletionTimestamp() != null;
                if (going && !deletionOrder.contains(pod.getMetadata().getName())) {
                    deletionOrder.add(pod.getMetadata().getName());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.apps().statefulSets().inNamespace("default").withName("web").scale(0);
            Poll.until(WAIT, "all pods deleted", () -> podNames("web").isEmpty() && deletionOrder.size() == 3);
        }
        assertEquals(List.of("web-2", "web-1", "web-0"), deletionOrder);
        assertNotNull(client.persistentVolumeClaims().inNamespace("default").withName("www-web-2").get(),
                "claims are retained by default");
    }

    @Test
    void rollingUpdateReplacesPodsFromTheHighestOrdinalDownToThePartition() throws Exception {
        StatefulSet set = web("roll", 3, "nginx:1.25");
        set.getSpec().setPodManagementPolicy("Parallel");
        client.apps().statefulSets().inNamespace("default").resource(set).create();
        Poll.until(WAIT, "3 pods at once", () -> podNames("roll").size() == 3);
        for (String name : List.of("roll-0", "roll-1", "roll-2")) {
            cluster.markRunningReady("default", name);
        }
        Poll.until(WAIT, "ready", () -> Integer.valueOf(3).equals(get("roll").getStatus().getReadyReplicas()));
        String oldRevision = get("roll").getStatus().getCurrentRevision();

        client.apps().statefulSets().inNamespace("default").withName("roll").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":1}},"
                        + "\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.26\"}]}}}}");
        Poll.until(WAIT, "update revision", () -> !oldRevision.equals(get("roll").getStatus().getUpdateRevision()));
        String newRevision = get("roll").getStatus().getUpdateRevision();
        Poll.until(WAIT, "roll-2 replaced", () -> revisionOf("roll-2").equals(newRevision));
        Thread.sleep(300);
        assertEquals(oldRevision, revisionOf("roll-1"), "roll-1 waits for roll-2 to be ready");
        cluster.markRunningReady("default", "roll-2");
        Poll.until(WAIT, "roll-1 replaced", () -> revisionOf("roll-1").equals(newRevision));
        cluster.markRunningReady("default", "roll-1");
        Thread.sleep(300);
        assertEquals(oldRevision, revisionOf("roll-0"), "the partition keeps ordinal 0 on the old revision");
        assertEquals("nginx:1.26", client.pods().inNamespace("default").withName("roll-1").get()
                .getSpec().getContainers().getFirst().getImage());
        Poll.until(WAIT, "status", () -> Integer.valueOf(2).equals(get("roll").getStatus().getUpdatedReplicas()));
        StatefulSet status = get("roll");
        assertEquals(1, status.getStatus().getCurrentReplicas());
        assertEquals(oldRevision, status.getStatus().getCurrentRevision());
        ControllerRevision latest = client.apps().controllerRevisions().inNamespace("default").withName(newRevision).get();
        assertEquals(2L, latest.getRevision());
    }

    private static String revisionOf(String pod) {
        Pod p = client.pods().inNamespace("default").withName(pod).get();
        return p == null || p.getMetadata().getDeletionTimestamp() != null ? ""
                : p.getMetadata().getLabels().get(StatefulSetPods.REVISION_LABEL);
    }

    @Test
    void replacesADeletedPodUnderItsOwnName() throws Exception {
        StatefulSet set = web("solo", 1, "nginx:1.25");
        client.apps().statefulSets().inNamespace("default").resource(set).create();
        Poll.until(WAIT, "solo-0", () -> podNames("solo").contains("solo-0"));
        String uid = client.pods().inNamespace("default").withName("solo-0").get().getMetadata().getUid();
        client.pods().inNamespace("default").withName("solo-0").delete();
        Poll.until(WAIT, "recreated", () -> {
            Pod p = client.pods().inNamespace("default").withName("solo-0").get();
            return p != null && !p.getMetadata().getUid().equals(uid);
        });
        assertNull(client.pods().inNamespace("default").withName("solo-1").get());
    }
}
