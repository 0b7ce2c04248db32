package io.kube4j.api.selector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "env", "prod", "replicas", "3");

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app=web|true", "app==web|true", "app=db|false", "app!=db|true", "app!=web|false",
            "missing!=x|true", "env in (prod, staging)|true", "env in (dev)|false", "env notin (dev)|true",
            "env notin (prod)|false", "missing notin (prod)|true", "app|true", "missing|false", "!missing|true",
            "!app|false", "replicas>2|true", "replicas<3|false", "app>2|false", "'app=web,env=prod'|true",
            "'app=web,env=dev'|false", "''|true"})
    void matchesLabels(String selector, boolean expected) {
        assertEquals(expected, LabelSelector.parse(selector).matches(WEB));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tier in (b,a),app=web|app=web,tier in (a,b)",
            "  app = web |app=web",
            "!gpu,gpu2|!gpu,gpu2",
            "a==b|a==b",
            "x notin ()|x notin ()",
            "x in (foo,,baz),y,z notin ()|x in (,baz,foo),y,z notin ()",
            "x=|x=",
            "x in (in),y=notin|x in (in),y=notin",
            "example.com/tier!=db|example.com/tier!=db"})
    void rendersTheCanonicalForm(String selector, String canonical) {
        assertEquals(canonical, LabelSelector.parse(selector).toString());
    }

    @Test
    void emptyValueSetMeansTheEmptyValue() {
        assertTrue(LabelSelector.parse("x in ()").matches(Map.of("x", "")));
        assertFalse(LabelSelector.parse("x in ()").matches(Map.of("x", "a")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a b|unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
            "a=b c|found 'c', expected: ',' or 'end of string'",
            "a=b,|found '', expected: identifier after ','",
            "=a|found '=', expected: !, identifier, or 'end of string'",
            "x in (a|unable to parse requirement: found '', expected: ',' or ')'",
            "x in a|unable to parse requirement: found 'a' expected: '('",
            "a=!b|unable to parse requirement: found '!', expected: identifier",
            "x>a|unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"})
    void rejectsBadSyntaxWithUpstreamMessages(String selector, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse(selector)).getMessage());
    }

    @Test
    void rejectsInvalidValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("a=b@"));

        assertEquals("unable to parse requirement: values[0][a]: Invalid value: \"b@\": a valid label must be an "
                + "empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')", e.getMessage());
    }

    @Test
    void rejectsInvalidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("a@=b"));

        assertEquals("unable to parse requirement: <nil>: Invalid value: \"a@\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
                + "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                e.getMessage());
    }

    @Test
    void rejectsAnUppercasePrefix() {
        String message = assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("Example.com/a=b"))
                .getMessage();

        assertTrue(message.startsWith("unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": prefix part "
                + "a lowercase RFC 1123 subdomain"), message);
    }

    @Test
    void fromJsonCombinesMatchLabelsAndExpressions() throws Exception {
        LabelSelector selector = LabelSelector.fromJson(json("{'matchLabels':{'app':'web'},'matchExpressions':["
                + "{'key':'tier','operator':'In','values':['front','back']},{'key':'gpu','operator':'DoesNotExist'},"
                + "{'key':'env','operator':'Exists'},{'key':'zone','operator':'NotIn','values':['a']}]}"));

        assertEquals("app=web,env,!gpu,tier in (back,front),zone notin (a)", selector.toString());
        assertTrue(selector.matches(Map.of("app", "web", "tier", "front", "env", "x")));
        assertFalse(selector.matches(Map.of("app", "web", "tier", "front", "env", "x", "gpu", "1")));
        assertFalse(selector.matches(Map.of("app", "web", "tier", "front")));
    }

    @Test
    void emptySelectorMatchesEverythingAndMissingOneNothing() throws Exception {
        LabelSelector empty = LabelSelector.fromJson(json("{}"));

        assertTrue(empty.isEverything());
        assertTrue(empty.matches(Map.of()));
        assertFalse(LabelSelector.fromJson(null).matches(Map.of()));
        assertFalse(LabelSelector.fromJson(NullNode.getInstance()).matches(Map.of("a", "b")));
        assertEquals("", LabelSelector.nothing().toString());
    }

    @Test
    void fromJsonRejectsUnknownOperatorsAndBadValues() throws Exception {
        assertEquals("\"Gt\" is not a valid label selector operator", assertThrows(IllegalArgumentException.class,
                () -> LabelSelector.fromJson(json("{'matchExpressions':[{'key':'a','operator':'Gt','values':['1']}]}")))
                .getMessage());
        assertEquals("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty",
                assertThrows(IllegalArgumentException.class, () -> LabelSelector.fromJson(
                        json("{'matchExpressions':[{'key':'a','operator':'In','values':[]}]}"))).getMessage());
    }

    @Test
    void sameSelectorsAreEqual() {
        assertEquals(LabelSelector.parse("b=1,a=2"), LabelSelector.parse("a=2, b=1"));
    }
}
