package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.testing.Fixtures.deployment;
import static io.kube4j.controllers.testing.Fixtures.replicaSet;
import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollingMathTest {

    private static IntOrString intOrPercent(String value) {
        return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
    }

    @ParameterizedTest(name = "replicas={0} maxSurge={1} maxUnavailable={2} -> surge {3}, unavailable {4}")
    @CsvSource({
            "10, 25%, 25%, 3, 2",   // surge rounds up, unavailable rounds down
            "3, 25%, 25%, 1, 0",
            "1, 25%, 25%, 1, 0",
            "4, 50%, 50%, 2, 2",
            "5, 0%, 10%, 0, 1",     // both would be 0: one pod may be unavailable
            "5, 0, 0, 0, 1",
            "10, 2, 30%, 2, 3",
            "0, 25%, 25%, 0, 1",
            "7, 100%, 0, 7, 0",
    })
    void fenceposts(int replicas, String maxSurge, String maxUnavailable, int surge, int unavailable) {
        assertEquals(new RollingMath.Fenceposts(surge, unavailable),
                RollingMath.resolveFenceposts(intOrPercent(maxSurge), intOrPercent(maxUnavailable), replicas));
    }

    @Test
    void maxUnavailableIsCappedAtReplicasAndZeroForRecreate() {
        Deployment d = deployment("web", 3, template("nginx"));
        d.getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString(5));
        assertEquals(3, RollingMath.maxUnavailable(d));

        d.getSpec().getStrategy().setType("Recreate");
        assertEquals(List.of(0, 0), List.of(RollingMath.maxUnavailable(d), RollingMath.maxSurge(d)));
    }

    @ParameterizedTest(name = "replicas={0} surge={1}: old {2}, new {3} -> new may have {4}")
    @CsvSource({
            "10, 25%, 10, 0, 3",   // 13 allowed in total
            "10, 25%, 8, 3, 5",
            "10, 25%, 10, 3, 3",   // at the ceiling already
            "3, 0, 3, 0, 0",       // no surge: the old ones must shrink first
            "3, 1, 0, 2, 3",       // never above replicas
    })
    void newReplicaSetGrowsUpToTheSurge(int replicas, String maxSurge, int oldReplicas, int newReplicas, int expected) {
        Deployment d = deployment("web", replicas, template("nginx:2"));
        d.getSpec().getStrategy().getRollingUpdate().setMaxSurge(intOrPercent(maxSurge));
        d.getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString(1));
        ReplicaSet old = replicaSet("web-old", oldReplicas, template("nginx:1"));
        ReplicaSet newRS = replicaSet("web-new", newReplicas, template("nginx:2"));

        assertEquals(expected, RollingMath.newReplicaSetReplicas(d, List.of(old, newRS), newRS));
    }

    @Test
    void recreateWantsEveryReplicaInTheNewReplicaSetAtOnce() {
        Deployment d = deployment("web", 4, template("nginx:2"));
        d.getSpec().getStrategy().setType("Recreate");
        ReplicaSet newRS = replicaSet("web-new", 0, template("nginx:2"));
        assertEquals(4, RollingMath.newReplicaSetReplicas(d, List.of(newRS), newRS));
    }

    @Test
    void proportionsFollowTheSizeTheReplicaSetWasSizedFor() {
        Deployment d = deployment("web", 20, template("nginx:2"));
        d.getSpec().getStrategy().getRollingUpdate().setMaxSurge(new IntOrString(3));
        ReplicaSet rs = replicaSet("web-old", 8, template("nginx:1"));
        DeploymentAnnotations.setReplicasAnnotations(rs, 10, 13);

        // sized for 13 pods, now 23 allowed: 8 * 23 / 13 = 14.15 -> 14, i.e. +6
        assertEquals(6, RollingMath.proportion(rs, d, 10, 0));
        assertEquals(4, RollingMath.proportion(rs, d, 10, 6), "capped by what is left to add");
        assertEquals(List.of(3, -3, 2), List.of(RollingMath.roundHalfAwayFromZero(2.5),
                RollingMath.roundHalfAwayFromZero(-2.5), RollingMath.roundHalfAwayFromZero(2.49)));
    }
}
