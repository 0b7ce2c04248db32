package io.kube4j.scheduler.framework;

import java.util.List;

/** Ranks feasible nodes; after {@link #normalize} every score is within 0..{@link #MAX_SCORE}. */
public interface ScorePlugin extends Plugin {
    long MAX_SCORE = 100;

    long score(CycleState state, PodInfo pod, NodeInfo node);

    /** Rescales {@code scores} (parallel to {@code nodes}) in place into 0..MAX_SCORE; identity by default. */
    default void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    }

    /**
     * Maps raw counts to 0..MAX_SCORE relative to the highest, as upstream's default
     * normalization; {@code reverse} makes the highest count the lowest score.
     */
    static void normalizeToMax(long[] scores, boolean reverse) {
        long max = 0;
        for (long s : scores) {
            max = Math.max(max, s);
        }
        for (int i = 0; i < scores.length; i++) {
            if (max == 0) {
                scores[i] = reverse ? MAX_SCORE : 0;
            } else {
                long s = MAX_SCORE * scores[i] / max;
                scores[i] = reverse ? MAX_SCORE - s : s;
            }
        }
    }
}
