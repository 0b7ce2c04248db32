package io.kube4j.api.selector;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldSelectorTest {

    private static final Map<String, String> POD = Map.of("metadata.name", "web", "spec.nodeName", "n1");

    @Test
    void termsAreSortedAndAllMustHold() {
        FieldSelector selector = FieldSelector.parse("spec.nodeName!=n2,metadata.name==web");

        assertEquals(List.of(new FieldSelector.Requirement("metadata.name", true, "web"),
                new FieldSelector.Requirement("spec.nodeName", false, "n2")), selector.requirements());
        assertEquals("metadata.name=web,spec.nodeName!=n2", selector.toString());
        assertTrue(selector.matches(POD::get));
        assertFalse(FieldSelector.parse("metadata.name=web,spec.nodeName=n2").matches(POD::get));
    }

    @Test
    void absentFieldsCompareAsEmpty() {
        assertTrue(FieldSelector.parse("spec.nodeName=").matches(field -> null));
        assertTrue(FieldSelector.parse("spec.nodeName!=n1").matches(field -> null));
    }

    @Test
    void escapedCharactersInValues() {
        FieldSelector selector = FieldSelector.parse("metadata.name=a\\,b\\=c\\\\d,spec.nodeName=x");

        assertEquals("a,b=c\\d", selector.requirements().get(0).value());
        assertEquals("metadata.name=a\\,b\\=c\\\\d,spec.nodeName=x", selector.toString());
    }

    @Test
    void emptySelectorMatchesEverything() {
        assertTrue(FieldSelector.parse("").isEverything());
        assertTrue(FieldSelector.parse("").matches(field -> "x"));
    }

    @Test
    void badTermsAreRejectedWithUpstreamMessages() {
        assertEquals("invalid selector: 'a=b,foo'; can't understand 'foo'",
                assertThrows(IllegalArgumentException.class, () -> FieldSelector.parse("a=b,foo")).getMessage());
        assertEquals("invalid field selector: unescaped character in value: 61",
                assertThrows(IllegalArgumentException.class, () -> FieldSelector.parse("a=b=c")).getMessage());
        assertEquals("invalid field selector: invalid escape sequence: \\x",
                assertThrows(IllegalArgumentException.class, () -> FieldSelector.parse("a=b\\x")).getMessage());
    }

    @Test
    void unsupportedFieldsAreReportedByName() {
        FieldSelector selector = FieldSelector.parse("metadata.name=web,foo=bar");

        assertEquals("field label not supported: foo", assertThrows(IllegalArgumentException.class,
                () -> selector.requireSupported(Set.of("metadata.name", "metadata.namespace"))).getMessage());
        selector.requireSupported(Set.of("metadata.name", "foo"));
    }
}
