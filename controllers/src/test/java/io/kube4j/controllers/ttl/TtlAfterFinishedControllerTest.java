package io.kube4j.controllers.ttl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TtlAfterFinishedControllerTest {
    private static final Instant FINISHED = Instant.parse("2024-01-01T00:00:00Z");

    private static Job job(Integer ttl, String condition) {
        JobBuilder builder = new JobBuilder().withNewMetadata().withName("j").withNamespace("ns").endMetadata()
                .withNewSpec().withTtlSecondsAfterFinished(ttl).endSpec();
        if (condition != null) {
            builder.withNewStatus().addNewCondition().withType(condition).withStatus("True")
                    .withLastTransitionTime(FINISHED.toString()).endCondition().endStatus();
        }
        return builder.build();
    }

    @Test
    void expiresTtlSecondsAfterTheTerminalCondition() {
        assertEquals(Duration.ofSeconds(60), TtlAfterFinishedController.timeLeft(job(100, "Complete"), FINISHED.plusSeconds(40)));
        assertEquals(Duration.ofSeconds(-5), TtlAfterFinishedController.timeLeft(job(0, "Failed"), FINISHED.plusSeconds(5)));
    }

    @Test
    void unfinishedJobsAndJobsWithoutTtlNeverExpire() {
        assertNull(TtlAfterFinishedController.timeLeft(job(100, null), FINISHED));
        assertNull(TtlAfterFinishedController.timeLeft(job(100, "SuccessCriteriaMet"), FINISHED));
        assertNull(TtlAfterFinishedController.timeLeft(job(null, "Complete"), FINISHED));
    }
}
