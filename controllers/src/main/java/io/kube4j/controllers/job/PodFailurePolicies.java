package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnExitCodesRequirement;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnPodConditionsPattern;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Job's pod failure policy applied to one failed pod: the first rule whose exit codes (of a
 * container that ended non-zero) or pod conditions match decides whether the failure fails the Job,
 * is ignored, or counts towards backoffLimit.
 */
public final class PodFailurePolicies {
    public static final String FAIL_JOB = "FailJob";
    public static final String IGNORE = "Ignore";
    public static final String COUNT = "Count";

    /** The matched rule's action and upstream's description of the match. */
    public record Match(String action, String message) {
    }

    private PodFailurePolicies() {
    }

    /** The first matching rule's action, or null when no rule matches (the failure counts). */
    public static Match match(PodFailurePolicy policy, Pod pod) {
        if (policy == null || policy.getRules() == null) {
            return null;
        }
        List<PodFailurePolicyRule> rules = policy.getRules();
        for (int index = 0; index < rules.size(); index++) {
            PodFailurePolicyRule rule = rules.get(index);
            if (rule.getOnExitCodes() != null) {
                ContainerStatus container = matchingContainer(rule.getOnExitCodes(), pod);
                if (container != null) {
                    return new Match(rule.getAction(), "Container " + container.getName() + " for pod "
                            + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName()
                            + " failed with exit code " + container.getState().getTerminated().getExitCode()
                            + " matching " + rule.getAction() + " rule at index " + index);
                }
            }
            if (rule.getOnPodConditions() != null) {
                PodCondition condition = matchingCondition(rule.getOnPodConditions(), pod);
                if (condition != null) {
                    return new Match(rule.getAction(), "Pod " + pod.getMetadata().getNamespace() + "/"
                            + pod.getMetadata().getName() + " has condition " + condition.getType() + " matching "
                            + rule.getAction() + " rule at index " + index);
                }
            }
        }
        return null;
    }

    private static ContainerStatus matchingContainer(PodFailurePolicyOnExitCodesRequirement requirement, Pod pod) {
        if (pod.getStatus() == null) {
            return null;
        }
        List<ContainerStatus> statuses = new ArrayList<>();
        if (pod.getStatus().getInitContainerStatuses() != null) {
            statuses.addAll(pod.getStatus().getInitContainerStatuses());
        }
        if (pod.getStatus().getContainerStatuses() != null) {
            statuses.addAll(pod.getStatus().getContainerStatuses());
        }
        List<Integer> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        for (ContainerStatus status : statuses) {
            if (status.getState() == null || status.getState().getTerminated() == null) {
                continue;
            }
            Integer exitCode = status.getState().getTerminated().getExitCode();
            if (exitCode == null || exitCode == 0) {
                continue;
            }
            if (requirement.getContainerName() != null && !requirement.getContainerName().equals(status.getName())) {
                continue;
            }
            boolean listed = values.contains(exitCode);
            if ("In".equals(requirement.getOperator()) == listed) {
                return status;
            }
        }
        return null;
    }

    private static PodCondition matchingCondition(List<PodFailurePolicyOnPodConditionsPattern> patterns, Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        for (PodFailurePolicyOnPodConditionsPattern pattern : patterns) {
            String wantedStatus = Objects.requireNonNullElse(pattern.getStatus(), "True");
            for (PodCondition condition : pod.getStatus().getConditions()) {
                if (pattern.getType().equals(condition.getType()) && wantedStatus.equals(condition.getStatus())) {
                    return condition;
                }
            }
        }
        return null;
    }
}
