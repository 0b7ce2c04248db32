package io.kube4j.controllers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import org.junit.jupiter.api.Test;

class TolerationsTest {
    private static final Taint DEDICATED = new TaintBuilder().withKey("dedicated").withValue("db").withEffect("NoExecute").build();
    private static final Taint UNREACHABLE = new TaintBuilder().withKey("node.kubernetes.io/unreachable").withEffect("NoExecute").build();

    @Test
    void tolerationMatchingFollowsKeyEffectOperatorAndValue() {
        Toleration equalDb = new TolerationBuilder().withKey("dedicated").withOperator("Equal").withValue("db").build();
        Toleration equalWeb = new TolerationBuilder().withKey("dedicated").withValue("web").build();
        Toleration everything = new TolerationBuilder().withOperator("Exists").build();
        Toleration noSchedule = new TolerationBuilder().withKey("dedicated").withOperator("Exists").withEffect("NoSchedule").build();
        assertTrue(Tolerations.tolerates(equalDb, DEDICATED));
        assertFalse(Tolerations.tolerates(equalWeb, DEDICATED));
        assertTrue(Tolerations.tolerates(everything, DEDICATED));
        assertTrue(Tolerations.tolerates(everything, UNREACHABLE));
        assertFalse(Tolerations.tolerates(noSchedule, DEDICATED));
    }

    @Test
    void anAbsentValueEqualsAnEmptyOne() {
        Toleration unreachable = new TolerationBuilder().withKey("node.kubernetes.io/unreachable").withValue("").build();
        assertTrue(Tolerations.tolerates(unreachable, UNREACHABLE));
    }
}
