package io.kube4j.controllers.ttl;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.MutableClock;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TtlAfterFinishedEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LiveCluster cluster;
    private static final MutableClock clock = new MutableClock(Instant.now());
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = LiveCluster.start(clock);
        client = cluster.client();
        cluster.run(new TtlAfterFinishedController(cluster.context()));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static void createFinished(String name, int ttl, Instant finishedAt) {
        Job job = client.batch().v1().jobs().inNamespace("default").resource(new JobBuilder()
                .withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withTtlSecondsAfterFinished(ttl)
                .withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("busybox").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        String at = finishedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        JobStatus status = new JobStatus();
        status.setStartTime(at);
        status.setCompletionTime(at);
        status.setSucceeded(1);
        status.setConditions(List.of(new JobCondition(at, at, "", "CompletionsReached", "True", "SuccessCriteriaMet"),
                new JobCondition(at, at, "", "CompletionsReached", "True", "Complete")));
        job.setStatus(status);
        client.batch().v1().jobs().inNamespace("default").resource(job).updateStatus();
    }

    @Test
    void deletesFinishedJobsOnceTheirTtlHasPassed() throws Exception {
        Instant now = clock.instant();
        createFinished("expired", 5, now.minusSeconds(10));
        createFinished("fresh", 3600, now.minusSeconds(10));
        Poll.until(WAIT, "expired Job deleted",
                () -> client.batch().v1().jobs().inNamespace("default").withName("expired").get() == null);
        assertNotNull(client.batch().v1().jobs().inNamespace("default").withName("fresh").get());
    }
}
