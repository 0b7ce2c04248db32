package io.kube4j.api.printer;

import static io.kube4j.api.printer.Fixtures.NOW;
import static io.kube4j.api.printer.Fixtures.ago;
import static io.kube4j.api.printer.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomResourcePrinterTest {
    private static final String COLUMNS = """
            [{'name':'Replicas','type':'integer','jsonPath':'.spec.replicas'},
             {'name':'Ratio','type':'number','jsonPath':'.status.ratio'},
             {'name':'Ready','type':'boolean','jsonPath':'.status.ready','priority':1},
             {'name':'Image','type':'string','jsonPath':'.spec.containers[*].image','description':'The image.'},
             {'name':'Second','type':'string','jsonPath':'.spec.containers[1].name'},
             {'name':'Tier','type':'string','jsonPath':'.metadata.labels.app\\\\.kubernetes\\\\.io/tier'},
             {'name':'Zone','type':'string','jsonPath':'.metadata.annotations[\\"example.com/zone\\"]'},
             {'name':'Spec','type':'string','jsonPath':'.spec.limits'},
             {'name':'Count','type':'string','jsonPath':'.spec.replicas'},
             {'name':'Started','type':'date','jsonPath':'.status.startedAt'},
             {'name':'Missing','type':'string','jsonPath':'.status.nothing'}]
            """;

    @Test
    void columnsFollowTheDefinitionsAfterName() {
        TablePrinter printer = Printers.forCustomResource(json(COLUMNS));
        assertEquals(List.of("Name", "Replicas", "Ratio", "Ready", "Image", "Second", "Tier", "Zone", "Spec", "Count",
                "Started", "Missing"), Fixtures.columnNames(printer));
        assertEquals(new Column("Name", "string", "name", Column.NAME.description(), 0), printer.columns().get(0));
        assertEquals(new Column("Ready", "boolean", "", "Custom resource column at JSONPath .status.ready", 1),
                printer.columns().get(3));
        assertEquals("The image.", printer.columns().get(4).description());
    }

    @Test
    void cellsAreTypedByColumnType() {
        TablePrinter printer = Printers.forCustomResource(json(COLUMNS));
        List<Object> cells = printer.cells(json("""
                {'metadata':{'name':'db','labels':{'app.kubernetes.io/tier':'backend'},
                   'annotations':{'example.com/zone':'eu-1'}},
                 'spec':{'replicas':3,'containers':[{'name':'pg','image':'postgres:17'},{'name':'exporter','image':'exp:1'}],
                   'limits':{'memory':'1Gi','cpu':2}},
                 'status':{'ratio':0.75,'ready':true,'startedAt':'%s'}}
                """.formatted(ago("PT3H20M"))), NOW);
        assertEquals(Arrays.asList("db", 3L, 0.75, true, "postgres:17", "exporter", "backend", "eu-1",
                "{\"cpu\":2,\"memory\":\"1Gi\"}", "3", "3h20m", null), cells);
    }

    @Test
    void valuesOfTheWrongTypeGiveEmptyCells() {
        TablePrinter printer = Printers.forCustomResource(json("""
                [{'name':'N','type':'integer','jsonPath':'.spec.n'},{'name':'B','type':'boolean','jsonPath':'.spec.b'},
                 {'name':'D','type':'date','jsonPath':'.spec.d'},{'name':'F','type':'integer','jsonPath':'.spec.f'}]"""));
        List<Object> cells = printer.cells(json("{'metadata':{'name':'x'},'spec':{'n':'three','b':null,'d':'soon','f':2.9}}"), NOW);
        assertEquals(Arrays.asList("x", null, null, "<invalid>", 2L), cells);
    }

    @Test
    void withoutColumnsTheResourceGetsNameAndAge() {
        for (String columns : List.of("[]", "null")) {
            TablePrinter printer = Printers.forCustomResource(json(columns));
            assertEquals(List.of("Name", "Age"), Fixtures.columnNames(printer));
            assertEquals("date", printer.columns().get(1).type());
            assertEquals(List.of("w", "5d"), printer.cells(json("""
                    {'metadata':{'name':'w','creationTimestamp':'%s'}}""".formatted(ago("P5D"))), NOW));
        }
    }

    @Test
    void unsupportedJsonPathIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Printers.forCustomResource(json("[{'name':'X','type':'string','jsonPath':'.spec[?(@.a)]'}]")));
        assertEquals("unrecognized column definition \".spec[?(@.a)]\"", error.getMessage());
    }

    @Test
    void jsonPathWildcardReachesEveryElement() {
        JsonPath path = JsonPath.parse("{.spec.containers[*].ports[0].containerPort}");
        List<String> ports = path.evaluate(json("""
                {'spec':{'containers':[{'ports':[{'containerPort':80},{'containerPort':81}]},{},{'ports':[{'containerPort':9090}]}]}}
                """)).stream().map(Object::toString).toList();
        assertEquals(List.of("80", "9090"), ports);
        assertEquals("1", JsonPath.parse("$.a[-1]").evaluate(json("{'a':[0,1]}")).get(0).asText());
    }

    @Test
    void goFloatFormatting() {
        assertEquals("0.75", JsonPathText.goFloat(0.75));
        assertEquals("1", JsonPathText.goFloat(1.0));
        assertEquals("123456", JsonPathText.goFloat(123456.0));
        assertEquals("1e+06", JsonPathText.goFloat(1_000_000.0));
        assertEquals("1.5e-05", JsonPathText.goFloat(0.000015));
        assertEquals("-2.5", JsonPathText.goFloat(-2.5));
    }
}
