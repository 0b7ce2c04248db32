package io.kube4j.controllers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.testing.MutableClock;
import io.kube4j.controllers.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events as the API server stores them: repeats patched onto one Event, sources per component. */
class EventRecorderTest {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private static TestApiServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestApiServer.start();
        client = TestClients.connect(server);
    }

    @AfterAll
    static void stopServer() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void threeIdenticalWarningsAreOneEventWithCountThree() {
        MutableClock clock = new MutableClock(START);
        EventRecorder recorder = new EventRecorder(client, "job-controller", clock);
        ConfigMap about = configMap("three");

        for (int i = 0; i < 3; i++) {
            recorder.warning(about, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
            clock.advance(Duration.ofSeconds(10));
        }

        List<Event> events = eventsAbout("three");
        assertEquals(1, events.size());
        Event event = events.getFirst();
        assertEquals(3, event.getCount());
        assertEquals("Warning", event.getType());
        assertEquals("2030-01-01T00:00:00Z", event.getFirstTimestamp());
        assertEquals("2030-01-01T00:00:20Z", event.getLastTimestamp());
        assertEquals("job-controller", event.getSource().getComponent());
        assertEquals(true, event.getMetadata().getName().matches("three\\.[0-9a-f]+"), event.getMetadata().getName());
    }

    @Test
    void aRepeatOfAnEventDeletedMeanwhileIsCreatedAgainWithItsCount() {
        EventRecorder recorder = new EventRecorder(client, "job-controller", new MutableClock(START));
        ConfigMap about = configMap("gone");

        recorder.normal(about, "Completed", "Job completed");
        client.v1().events().inNamespace("default").withName(eventsAbout("gone").getFirst().getMetadata().getName()).delete();
        recorder.normal(about, "Completed", "Job completed");

        List<Event> events = eventsAbout("gone");
        assertEquals(1, events.size());
        assertEquals(2, events.getFirst().getCount());
    }

    @Test
    void aRecorderForAComponentReportsThatSourceWithItsOwnRepeats() {
        EventRecorder manager = new EventRecorder(client, "kube4j-controller-manager", new MutableClock(START));
        ConfigMap about = configMap("sources");

        manager.forComponent("deployment-controller").normal(about, "ScalingReplicaSet", "Scaled up");
        manager.forComponent("replicaset-controller").normal(about, "ScalingReplicaSet", "Scaled up");

        assertEquals(List.of("deployment-controller", "replicaset-controller"), eventsAbout("sources").stream()
                .map(e -> e.getSource().getComponent()).sorted().toList());
    }

    @Test
    void anUnreachableServerLosesTheEventWithoutThrowing() {
        try (KubernetesClient nowhere = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).build())
                .build()) {
            assertDoesNotThrow(() -> new EventRecorder(nowhere, "job-controller").warning(configMap("x"), "Failed", "no"));
        }
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").withUid("uid-" + name)
                .endMetadata().build();
    }

    private static List<Event> eventsAbout(String name) {
        return client.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }
}
