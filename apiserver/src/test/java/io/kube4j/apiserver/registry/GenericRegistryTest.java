package io.kube4j.apiserver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.selector.LabelSelector;
import io.kube4j.apiserver.watch.CacheEvent;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.sqlite.SqliteKeyValueStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericRegistryTest {
    private static final ResourceType CONFIGMAPS = ResourceType.builder("v1", "ConfigMap", "configmaps").build();

    @TempDir
    Path dir;
    private KeyValueStore store;
    private WatchCache cache;
    private GenericRegistry registry;

    @BeforeEach
    void setUp() {
        store = SqliteKeyValueStore.open(dir.resolve("db"));
        cache = new WatchCache(store, 5);
        cache.start();
        registry = new GenericRegistry(CONFIGMAPS, new Strategy() {
        }, store, cache, Clock.systemUTC(), Admission.NONE);
    }

    @AfterEach
    void tearDown() {
        cache.close();
        store.close();
    }

    private static ObjectNode configMap(String name, String app) {
        ObjectNode cm = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode meta = cm.putObject("metadata");
        if (name != null) {
            meta.put("name", name);
        } else {
            meta.put("generateName", "gen-");
        }
        meta.putObject("labels").put("app", app);
        cm.putObject("data").put("k", "v");
        return cm;
    }

    @Test
    void createSetsSystemFieldsAndRejectsDuplicates() {
        ObjectNode created = registry.create("ns", configMap("a", "web"), WriteOptions.DEFAULT);
        assertNotNull(Meta.uid(created));
        assertNotNull(created.path("metadata").get("creationTimestamp"));
        assertEquals("ns", Meta.namespace(created));
        assertEquals(created, registry.get("ns", "a"));
        ApiException e = assertThrows(ApiException.class, () -> registry.create("ns", configMap("a", "web"), WriteOptions.DEFAULT));
        assertEquals(409, e.code());
        assertEquals("AlreadyExists", e.reason());
    }

    @Test
    void generateNameAndDryRun() {
        ObjectNode generated = registry.create("ns", configMap(null, "web"), WriteOptions.DEFAULT);
        assertTrue(Meta.name(generated).startsWith("gen-") && Meta.name(generated).length() == 9);
        registry.create("ns", configMap("dry", "web"), new WriteOptions(true, null));
        assertEquals(404, assertThrows(ApiException.class, () -> registry.get("ns", "dry")).code());
    }

    @Test
    void invalidNameIsRejectedWithACause() {
        ApiException e = assertThrows(ApiException.class,
                () -> registry.create("ns", configMap("Bad_Name", "web"), WriteOptions.DEFAULT));
        assertEquals(422, e.code());
        assertEquals("metadata.name", e.causes().get(0).field());
        assertTrue(e.getMessage().startsWith("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\""),
                e.getMessage());
    }

    @Test
    void staleResourceVersionConflicts() {
        ObjectNode created = registry.create("ns", configMap("a", "web"), WriteOptions.DEFAULT);
        ObjectNode first = created.deepCopy();
        first.withObjectProperty("data").put("k", "1");
        registry.update("ns", "a", first, WriteOptions.DEFAULT);
        ObjectNode stale = created.deepCopy();
        stale.withObjectProperty("data").put("k", "2");
        ApiException e = assertThrows(ApiException.class, () -> registry.update("ns", "a", stale, WriteOptions.DEFAULT));
        assertEquals("Conflict", e.reason());
        assertEquals("1", registry.get("ns", "a").path("data").path("k").asText());
    }

    @Test
    void finalizersHoldDeletionUntilRemoved() {
        ObjectNode cm = configMap("f", "web");
        cm.withObjectProperty("metadata").putArray("finalizers").add("example.com/hold");
        registry.create("ns", cm, WriteOptions.DEFAULT);
        ObjectNode marked = registry.delete("ns", "f", DeleteOptions.DEFAULT);
        assertTrue(Meta.isDeleting(marked));
        assertTrue(Meta.isDeleting(registry.get("ns", "f")));
        registry.guaranteedUpdate("ns", "f", o -> {
            o.withObjectProperty("metadata").remove("finalizers");
            return o;
        }, WriteOptions.DEFAULT, false, UpdateTarget.SUBRESOURCE);
        assertEquals(404, assertThrows(ApiException.class, () -> registry.get("ns", "f")).code());
    }

    @Test
    void pagesStayConsistentWhenObjectsChangeBetweenPages() {
        for (int i = 0; i < 5; i++) {
            registry.create("ns", configMap("cm" + i, i % 2 == 0 ? "web" : "db"), WriteOptions.DEFAULT);
        }
        ListResult first = registry.list("ns", new ListOptions(null, null, 2, null, ""));
        assertEquals(List.of("cm0", "cm1"), first.items().stream().map(Meta::name).toList());
        registry.delete("ns", "cm3", DeleteOptions.DEFAULT);
        registry.create("ns", configMap("cm5", "web"), WriteOptions.DEFAULT);
        List<String> rest = new ArrayList<>();
        String token = first.continueToken();
        while (token != null) {
            ListResult page = registry.list("ns", new ListOptions(null, null, 2, token, ""));
            page.items().forEach(o -> rest.add(Meta.name(o)));
            token = page.continueToken();
        }
        assertEquals(List.of("cm2", "cm3", "cm4"), rest, "later pages show the snapshot of the first page");
        ListResult web = registry.list("ns", new ListOptions(LabelSelector.parse("app=web"), null, 0, null, ""));
        assertEquals(List.of("cm0", "cm2", "cm4", "cm5"), web.items().stream().map(Meta::name).toList());
    }

    @Test
    void watchResumesFromAResourceVersionAndReportsSelectorTransitions() throws Exception {
        ObjectNode a = registry.create("ns", configMap("a", "web"), WriteOptions.DEFAULT);
        long after = Long.parseLong(Meta.resourceVersion(a));
        registry.create("ns", configMap("b", "db"), WriteOptions.DEFAULT);
        List<CacheEvent> events = new CopyOnWriteArrayList<>();
        try (WatchCache.Subscription ignored = registry.watch("ns",
                new ListOptions(LabelSelector.parse("app=web"), null, 0, null, ""), after, events::add)) {
            ObjectNode b = registry.get("ns", "b").deepCopy();
            b.withObjectProperty("metadata").withObjectProperty("labels").put("app", "web");
            registry.update("ns", "b", b, WriteOptions.DEFAULT);
            ObjectNode a2 = registry.get("ns", "a").deepCopy();
            a2.withObjectProperty("metadata").withObjectProperty("labels").put("app", "db");
            registry.update("ns", "a", a2, WriteOptions.DEFAULT);
            cache.awaitConsistent();
        }
        assertEquals(List.of("ADDED b", "DELETED a"),
                events.stream().map(e -> e.type() + " " + Meta.name(e.object())).toList(), "after " + after + ": " + events);
    }

    @Test
    void resumedWatchReplaysTheSameEventsAsWereDeliveredLive() throws Exception {
        long start = cache.revision();
        List<CacheEvent> live = new CopyOnWriteArrayList<>();
        try (WatchCache.Subscription ignored = registry.watch("ns", ListOptions.ALL, start, live::add)) {
            registry.create("ns", configMap("r", "web"), WriteOptions.DEFAULT);
            ObjectNode r = registry.get("ns", "r").deepCopy();
            r.withObjectProperty("metadata").withObjectProperty("labels").put("app", "db");
            registry.update("ns", "r", r, WriteOptions.DEFAULT);
            registry.delete("ns", "r", DeleteOptions.DEFAULT);
            cache.awaitConsistent();
        }
        List<CacheEvent> replayed = new ArrayList<>();
        registry.watch("ns", ListOptions.ALL, start, replayed::add).close();
        assertEquals(List.of("ADDED", "MODIFIED", "DELETED"), replayed.stream().map(e -> e.type().name()).toList());
        assertEquals(live.stream().map(GenericRegistryTest::describe).toList(),
                replayed.stream().map(GenericRegistryTest::describe).toList());
    }

    private static String describe(CacheEvent e) {
        return e.type() + " " + e.object() + " after " + e.previous() + " @" + e.revision();
    }

    @Test
    void watchFromAnEvictedRevisionIsTooOld() {
        ObjectNode first = registry.create("ns", configMap("x0", "web"), WriteOptions.DEFAULT);
        for (int i = 1; i < 10; i++) {
            registry.create("ns", configMap("x" + i, "web"), WriteOptions.DEFAULT);
        }
        cache.awaitConsistent();
        long old = Long.parseLong(Meta.resourceVersion(first));
        assertThrows(WatchCache.TooOldException.class, () -> registry.watch("ns", ListOptions.ALL, old, e -> { }));
    }
}
