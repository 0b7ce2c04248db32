package io.kube4j.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

    @Test
    void selectorsMatchLabelsAndExpressions() {
        var selector = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web")).addNewMatchExpression()
                .withKey("tier").withOperator("In").withValues("front", "edge").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression().build();
        assertTrue(LabelSelectors.matches(selector, Map.of("app", "web", "tier", "edge")));
        assertFalse(LabelSelectors.matches(selector, Map.of("app", "web", "tier", "back")));
        assertFalse(LabelSelectors.matches(selector, Map.of("app", "web", "tier", "front", "canary", "yes")));
        assertTrue(LabelSelectors.matches(new LabelSelectorBuilder().build(), Map.of("any", "thing")), "empty selects all");
        assertFalse(LabelSelectors.matches(null, Map.of("any", "thing")), "null selects nothing");
    }

    @Test
    void anUnknownOperatorIsRejectedAsUpstreamDoes() {
        var selector = new LabelSelectorBuilder().addNewMatchExpression().withKey("a").withOperator("Near").endMatchExpression().build();
        var e = assertThrows(IllegalArgumentException.class, () -> LabelSelectors.matches(selector, Map.of()));
        assertEquals("\"Near\" is not a valid label selector operator", e.getMessage());
    }

    @Test
    void mapSelectorsRequireEveryLabel() {
        assertTrue(LabelSelectors.containsAll(Map.of("app", "web", "tier", "front"), Map.of("app", "web")));
        assertFalse(LabelSelectors.containsAll(Map.of("app", "db"), Map.of("app", "web")));
        assertFalse(LabelSelectors.containsAll(null, Map.of("app", "web")));
        assertTrue(LabelSelectors.containsAll(null, null), "no selector requires nothing");
    }

    @Test
    void withLabelAddsARequirementAndLeavesTheOriginalAlone() {
        LabelSelector original = new LabelSelector(null, Map.of("app", "web"));
        LabelSelector narrowed = LabelSelectors.withLabel(original, "pod-template-hash", "abc");
        assertEquals(Map.of("app", "web", "pod-template-hash", "abc"), narrowed.getMatchLabels());
        assertEquals(Map.of("app", "web"), original.getMatchLabels());
    }
}
