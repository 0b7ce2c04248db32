package io.kube4j.controllers.quota;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps each ResourceQuota's status (hard as in the spec, used as measured by {@link QuotaUsage})
 * current with its namespace's objects, as upstream's resourcequota-controller. Keys are quota keys;
 * any change of a counted object re-syncs the quotas of its namespace.
 */
public final class ResourceQuotaController extends Controller {
    public static final String NAME = "resourcequota-controller";

    private final ControllerContext context;
    private final SharedIndexInformer<ResourceQuota> quotas;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<PersistentVolumeClaim> claims;
    /** The informers behind {@code count/<resource>}, by resource name as quotas spell it. */
    private final Map<String, SharedIndexInformer<? extends HasMetadata>> counted = new LinkedHashMap<>();

    public ResourceQuotaController(ControllerContext context) {
        super(NAME, 2);
        this.context = context;
        this.quotas = context.informer(ResourceQuota.class);
        this.pods = count("pods", Pod.class);
        this.services = count("services", Service.class);
        this.claims = count("persistentvolumeclaims", PersistentVolumeClaim.class);
        count("configmaps", ConfigMap.class);
        count("secrets", Secret.class);
        count("replicationcontrollers", ReplicationController.class);
        count("resourcequotas", ResourceQuota.class);
        count("deployments.apps", Deployment.class);
        count("replicasets.apps", ReplicaSet.class);
        count("statefulsets.apps", StatefulSet.class);
        count("daemonsets.apps", DaemonSet.class);
        count("jobs.batch", Job.class);
        count("cronjobs.batch", CronJob.class);
        quotas.addEventHandler(enqueueing(quota -> List.of(keyOf(quota))));
    }

    private <T extends HasMetadata> SharedIndexInformer<T> count(String resource, Class<T> type) {
        SharedIndexInformer<T> informer = context.informer(type);
        informer.addEventHandler(enqueueing(obj -> quotasIn(obj.getMetadata().getNamespace())));
        counted.put(resource, informer);
        return informer;
    }

    private List<String> quotasIn(String namespace) {
        return namespace == null ? List.of()
                : quotas.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream().map(Controller::keyOf).toList();
    }

    @Override
    protected void sync(String key) {
        ResourceQuota quota = quotas.getStore().getByKey(key);
        if (quota == null || quota.getSpec() == null || quota.getSpec().getHard() == null) {
            return;
        }
        String ns = quota.getMetadata().getNamespace();
        Map<String, Integer> counts = new HashMap<>();
        counted.forEach((resource, informer) -> counts.put(resource, informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns).size()));
        QuotaUsage.Inventory inventory = new QuotaUsage.Inventory(pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns),
                services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns), claims.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns), counts);
        Map<String, String> used = QuotaUsage.compute(quota.getSpec().getHard().keySet(), inventory, context.clock().instant());
        Map<String, String> hard = texts(quota.getSpec().getHard());
        if (quota.getStatus() != null && hard.equals(texts(quota.getStatus().getHard())) && used.equals(texts(quota.getStatus().getUsed()))) {
            return;
        }
        context.client().resourceQuotas().inNamespace(ns).resource(new ResourceQuotaBuilder(quota).withNewStatus()
                .withHard(quota.getSpec().getHard()).withUsed(quantities(used)).endStatus().build()).updateStatus();
    }

    private static Map<String, String> texts(Map<String, Quantity> quantities) {
        Map<String, String> texts = new TreeMap<>();
        if (quantities != null) {
            quantities.forEach((name, q) -> texts.put(name, q.toString()));
        }
        return texts;
    }

    private static Map<String, Quantity> quantities(Map<String, String> texts) {
        Map<String, Quantity> result = new TreeMap<>();
        texts.forEach((name, text) -> result.put(name, new Quantity(text)));
        return result;
    }
}
