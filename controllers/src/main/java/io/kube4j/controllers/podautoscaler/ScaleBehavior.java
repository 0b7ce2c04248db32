package io.kube4j.controllers.podautoscaler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRulesBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * autoscaling/v2 behavior, as upstream's normalizeDesiredReplicasWithBehaviors: the recommendation
 * is stabilized (a scale-down takes the highest recommendation of the scale-down window, 300 s by
 * default; a scale-up the lowest of its window, 0 s by default), then limited by the scaling
 * policies' rates over the scale events of their periods, and by min/max replicas.
 */
final class ScaleBehavior {
    /** The stabilized and limited replica count, with the reasons for the AbleToScale and ScalingLimited conditions. */
    record Decision(int replicas, boolean stabilized, String stabilizeReason, String stabilizeMessage,
                    boolean limited, String limitReason, String limitMessage) {
    }

    private record Recommendation(int replicas, Instant at) {
    }

    private record ScaleEvent(int change, Instant at) {
    }

    static final HPAScalingRules DEFAULT_SCALE_UP = new HPAScalingRulesBuilder().withStabilizationWindowSeconds(0)
            .withSelectPolicy("Max").withPolicies(policy("Pods", 4, 15), policy("Percent", 100, 15)).build();
    static final HPAScalingRules DEFAULT_SCALE_DOWN = new HPAScalingRulesBuilder().withStabilizationWindowSeconds(300)
            .withSelectPolicy("Max").withPolicies(policy("Percent", 100, 15)).build();

    private final Map<String, List<Recommendation>> recommendations = new ConcurrentHashMap<>();
    private final Map<String, List<ScaleEvent>> scaleUps = new ConcurrentHashMap<>();
    private final Map<String, List<ScaleEvent>> scaleDowns = new ConcurrentHashMap<>();

    private static HPAScalingPolicy policy(String type, int value, int periodSeconds) {
        return new HPAScalingPolicyBuilder().withType(type).withValue(value).withPeriodSeconds(periodSeconds).build();
    }

    Decision normalize(String key, HorizontalPodAutoscalerBehavior behavior, int min, int max, int current, int desired, Instant now) {
        HPAScalingRules up = rules(behavior == null ? null : behavior.getScaleUp(), DEFAULT_SCALE_UP);
        HPAScalingRules down = rules(behavior == null ? null : behavior.getScaleDown(), DEFAULT_SCALE_DOWN);
        int stabilized = stabilize(key, up, down, current, desired, now);
        boolean wasStabilized = stabilized != desired;
        String stabilizeReason = !wasStabilized ? "ReadyForNewScale" : desired >= current ? "ScaleUpStabilized" : "ScaleDownStabilized";
        String stabilizeMessage = !wasStabilized ? "recommended size matches current size" : desired >= current
                ? "recent recommendations were lower than current one, applying the lowest recent recommendation"
                : "recent recommendations were higher than current one, applying the highest recent recommendation";
        int replicas = stabilized;
        String reason = "DesiredWithinRange";
        String message = "the desired count is within the acceptable range";
        if (stabilized > current) {
            int rateLimit = Math.max(current, limit(key, up, current, now, true));
            boolean byRate = max > rateLimit;
            if (stabilized > Math.min(max, rateLimit)) {
                replicas = Math.min(max, rateLimit);
                reason = byRate ? "ScaleUpLimit" : "TooManyReplicas";
                message = byRate ? "the desired replica count is increasing faster than the maximum scale rate"
                        : "the desired replica count is more than the maximum replica count";
            }
        } else if (stabilized < current) {
            int rateLimit = Math.min(current, limit(key, down, current, now, false));
            boolean byRate = min < rateLimit;
            if (stabilized < Math.max(min, rateLimit)) {
                replicas = Math.max(min, rateLimit);
                reason = byRate ? "ScaleDownLimit" : "TooFewReplicas";
                message = byRate ? "the desired replica count is decreasing faster than the maximum scale rate"
                        : "the desired replica count is less than the minimum replica count";
            }
        }
        return new Decision(replicas, wasStabilized, stabilizeReason, stabilizeMessage, replicas != stabilized, reason, message);
    }

    /** Records a rescale so the rate policies count it. */
    void recordScale(String key, int from, int to, Instant now) {
        (to > from ? scaleUps : scaleDowns).computeIfAbsent(key, k -> new ArrayList<>()).add(new ScaleEvent(Math.abs(to - from), now));
    }

    void forget(String key) {
        recommendations.remove(key);
        scaleUps.remove(key);
        scaleDowns.remove(key);
    }

    private int stabilize(String key, HPAScalingRules up, HPAScalingRules down, int current, int desired, Instant now) {
        Instant upCutoff = now.minusSeconds(up.getStabilizationWindowSeconds());
        Instant downCutoff = now.minusSeconds(down.getStabilizationWindowSeconds());
        int upRecommendation = desired;
        int downRecommendation = desired;
        List<Recommendation> recent = recommendations.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (recent) {
            for (Recommendation r : recent) {
                if (r.at.isAfter(upCutoff)) {
                    upRecommendation = Math.min(upRecommendation, r.replicas);
                }
                if (r.at.isAfter(downCutoff)) {
                    downRecommendation = Math.max(downRecommendation, r.replicas);
                }
            }
            Instant oldest = upCutoff.isBefore(downCutoff) ? upCutoff : downCutoff;
            recent.removeIf(r -> r.at.isBefore(oldest));
            recent.add(new Recommendation(desired, now));
        }
        return Math.min(Math.max(current, upRecommendation), downRecommendation);
    }

    /** The furthest the rules let the count move from where it stood at the start of each policy's period. */
    private int limit(String key, HPAScalingRules rules, int current, Instant now, boolean scaleUp) {
        if ("Disabled".equals(rules.getSelectPolicy())) {
            return current;
        }
        boolean pickMin = "Min".equals(rules.getSelectPolicy());
        Integer result = null;
        for (HPAScalingPolicy p : rules.getPolicies()) {
            Instant since = now.minusSeconds(p.getPeriodSeconds());
            int added = changeSince(scaleUps.get(key), since);
            int deleted = changeSince(scaleDowns.get(key), since);
            int periodStart = current - added + deleted;
            int proposed;
            if (scaleUp) {
                proposed = "Pods".equals(p.getType()) ? periodStart + p.getValue()
                        : (int) Math.ceil(periodStart * (1 + p.getValue() / 100.0));
            } else {
                proposed = "Pods".equals(p.getType()) ? periodStart - p.getValue()
                        : (int) (periodStart * (1 - p.getValue() / 100.0));
            }
            // Up: Max picks the largest allowance; down: Max picks the largest drop (the smallest count).
            boolean takeLarger = scaleUp != pickMin;
            result = result == null ? proposed : takeLarger ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result == null ? current : result;
    }

    private static int changeSince(List<ScaleEvent> events, Instant since) {
        if (events == null) {
            return 0;
        }
        synchronized (events) {
            return events.stream().filter(e -> e.at.isAfter(since)).mapToInt(ScaleEvent::change).sum();
        }
    }

    private static HPAScalingRules rules(HPAScalingRules given, HPAScalingRules defaults) {
        if (given == null) {
            return defaults;
        }
        return new HPAScalingRulesBuilder(given)
                .withStabilizationWindowSeconds(given.getStabilizationWindowSeconds() == null
                        ? defaults.getStabilizationWindowSeconds() : given.getStabilizationWindowSeconds())
                .withSelectPolicy(given.getSelectPolicy() == null ? "Max" : given.getSelectPolicy())
                .withPolicies(given.getPolicies() == null || given.getPolicies().isEmpty() ? defaults.getPolicies() : given.getPolicies())
                .build();
    }
}
