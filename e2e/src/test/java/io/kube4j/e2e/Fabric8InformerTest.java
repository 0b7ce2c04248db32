package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fabric8 client (a typical Java operator stack) against kube4j: CRUD and a SharedIndexInformer. */
class Fabric8InformerTest {
    private static final String NS = "informed";

    private static Cluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start();
        Config config = Config.fromKubeconfig(Files.readString(cluster.server().kubeconfig()));
        // fabric8 reads a PKCS#8 "PRIVATE KEY" as RSA unless told the algorithm; kubeconfigWorksAsIs
        // checks that the kubeconfig needs no such help
        client = new KubernetesClientBuilder().withConfig(config).build();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }

    /** One informer callback, as seen by the handler. */
    private record Event(String type, String name, String value) {
        static Event of(String type, ConfigMap configMap) {
            return new Event(type, configMap.getMetadata().getName(),
                    configMap.getData() == null ? null : configMap.getData().get("key"));
        }
    }

    @Test
    void informerSeesAddUpdateDelete() throws Exception {
        client.configMaps().inNamespace(NS).resource(configMap("before", "0")).create();

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace(NS).runnableInformer(0)) {
            informer.addEventHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(ConfigMap obj) {
                    events.add(Event.of("add", obj));
                }

                @Override
                public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                    events.add(Event.of("update", newObj));
                }

                @Override
                public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                    events.add(Event.of("delete", obj));
                }
            });
            awaitStarted(informer);
            assertTrue(informer.hasSynced());
            assertEquals(new Event("add", "before", "0"), next(events), "the initial list is delivered as adds");
            assertNotNull(informer.getStore().getByKey(NS + "/before"));

            ConfigMap created = client.configMaps().inNamespace(NS).resource(configMap("cm", "1")).create();
            assertEquals(new Event("add", "cm", "1"), next(events));

            ConfigMap updated = client.configMaps().inNamespace(NS).withName("cm")
                    .edit(cm -> new ConfigMapBuilder(cm).addToData("key", "2").build());
            assertNotEquals(created.getMetadata().getResourceVersion(), updated.getMetadata().getResourceVersion());
            assertEquals(new Event("update", "cm", "2"), next(events));
            assertEquals("2", informer.getStore().getByKey(NS + "/cm").getData().get("key"));

            assertEquals(1, client.configMaps().inNamespace(NS).withName("cm").delete().size());
            assertEquals(new Event("delete", "cm", "2"), next(events));
            assertEquals(null, informer.getStore().getByKey(NS + "/cm"));
        }
    }

    @Test
    void clientCrudRoundTrips() {
        ConfigMap created = client.configMaps().inNamespace(NS).resource(configMap("crud", "a")).create();
        assertNotNull(created.getMetadata().getUid());
        assertNotNull(created.getMetadata().getCreationTimestamp());
        assertEquals("a", client.configMaps().inNamespace(NS).withName("crud").get().getData().get("key"));

        client.configMaps().inNamespace(NS).withName("crud").edit(cm -> new ConfigMapBuilder(cm)
                .editMetadata().addToLabels("edited", "yes").endMetadata().build());
        assertEquals(1, client.configMaps().inNamespace(NS).withLabel("edited", "yes").list().getItems().size());

        client.configMaps().inNamespace(NS).withName("crud").delete();
        client.configMaps().inNamespace(NS).withName("crud").waitUntilCondition(cm -> cm == null, 10, TimeUnit.SECONDS);
        assertEquals(null, client.configMaps().inNamespace(NS).withName("crud").get());
    }

    @Test
    void kubeconfigWorksAsIs() throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(cluster.server().kubeconfig()));
        try (KubernetesClient plain = new KubernetesClientBuilder().withConfig(config).build()) {
            assertEquals(NS, plain.namespaces().withName(NS).get().getMetadata().getName());
        }
    }

    /** start() completes once the initial list is stored and the watch response has begun. */
    private static void awaitStarted(SharedIndexInformer<ConfigMap> informer) throws Exception {
        try {
            informer.start().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("informer did not start within 15s (list + watch response headers)", e);
        }
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .addToData("key", value).build();
    }

    private static Event next(BlockingQueue<Event> events) throws InterruptedException {
        Event event = events.poll(15, TimeUnit.SECONDS);
        assertNotNull(event, "no informer event within 15s");
        return event;
    }
}
