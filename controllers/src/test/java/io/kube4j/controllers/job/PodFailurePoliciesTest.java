package io.kube4j.controllers.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import org.junit.jupiter.api.Test;

class PodFailurePoliciesTest {
    private static final PodFailurePolicy POLICY = new PodFailurePolicyBuilder()
            .addNewRule().withAction("FailJob").withNewOnExitCodes().withContainerName("main").withOperator("In")
            .withValues(42).endOnExitCodes().endRule()
            .addNewRule().withAction("Ignore").addNewOnPodCondition().withType("DisruptionTarget").endOnPodCondition().endRule()
            .addNewRule().withAction("Count").withNewOnExitCodes().withOperator("NotIn").withValues(1, 2).endOnExitCodes().endRule()
            .build();

    private static Pod failed(String container, int exitCode, String condition) {
        PodBuilder builder = new PodBuilder().withNewMetadata().withName("job-abc").withNamespace("default").endMetadata()
                .withNewStatus().withPhase("Failed")
                .addNewContainerStatus().withName(container).withNewState().withNewTerminated().withExitCode(exitCode)
                .endTerminated().endState().endContainerStatus().endStatus();
        Pod pod = builder.build();
        if (condition != null) {
            pod.getStatus().getConditions().add(new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                    .withType(condition).withStatus("True").build());
        }
        return pod;
    }

    @Test
    void exitCodeRuleFailsTheJobWithUpstreamsMessage() {
        PodFailurePolicies.Match match = PodFailurePolicies.match(POLICY, failed("main", 42, null));
        assertEquals("FailJob", match.action());
        assertEquals("Container main for pod default/job-abc failed with exit code 42 matching FailJob rule at index 0",
                match.message());
    }

    @Test
    void disruptionConditionIsIgnored() {
        PodFailurePolicies.Match match = PodFailurePolicies.match(POLICY, failed("main", 1, "DisruptionTarget"));
        assertEquals("Ignore", match.action());
        assertEquals("Pod default/job-abc has condition DisruptionTarget matching Ignore rule at index 1", match.message());
    }

    @Test
    void notInMatchesOtherNonZeroCodesAndNoRuleMatchesTheRest() {
        assertEquals("Count", PodFailurePolicies.match(POLICY, failed("side", 42, null)).action(), "rule 0 is for main only");
        assertNull(PodFailurePolicies.match(POLICY, failed("main", 1, null)));
        assertNull(PodFailurePolicies.match(POLICY, failed("main", 0, null)), "exit code 0 never matches");
    }

    @Test
    void classifyAppliesThePolicy() {
        var job = new JobBuilder().withNewSpec().withPodFailurePolicy(POLICY).endSpec().build();
        assertEquals(JobPlanner.Outcome.FAIL_JOB, JobPlanner.classify(job, failed("main", 42, null), false).outcome());
        assertEquals(JobPlanner.Outcome.IGNORED, JobPlanner.classify(job, failed("main", 1, "DisruptionTarget"), false).outcome());
        assertEquals(JobPlanner.Outcome.FAILED, JobPlanner.classify(job, failed("main", 1, null), false).outcome());
    }
}
