package io.kube4j.scheduler.framework;

/**
 * A change in the cluster that may make rejected pods schedulable, as fine-grained as the queue
 * needs: a node heartbeat is no event at all, a node's new label is {@code Node/UpdateLabel}.
 */
public record ClusterEvent(Resource resource, Action action) {
    public enum Resource { NODE, ASSIGNED_POD, PERSISTENT_VOLUME_CLAIM, PERSISTENT_VOLUME, STORAGE_CLASS }

    public enum Action {
        ADD, DELETE,
        /** Any change (the objects whose changes are not told apart further: volumes, claims, classes). */
        UPDATE,
        /** Node: labels changed. Pod: labels changed. */
        UPDATE_LABEL,
        /** Node: taints or spec.unschedulable changed. */
        UPDATE_TAINT,
        /** Node: allocatable changed. */
        UPDATE_ALLOCATABLE,
        /** Node: conditions changed (ignoring heartbeat times). */
        UPDATE_CONDITION,
        /** Pod: requests went down (in-place resize). */
        UPDATE_SCALE_DOWN
    }

    public static final ClusterEvent NODE_ADD = new ClusterEvent(Resource.NODE, Action.ADD);
    public static final ClusterEvent NODE_DELETE = new ClusterEvent(Resource.NODE, Action.DELETE);
    public static final ClusterEvent NODE_LABEL = new ClusterEvent(Resource.NODE, Action.UPDATE_LABEL);
    public static final ClusterEvent NODE_TAINT = new ClusterEvent(Resource.NODE, Action.UPDATE_TAINT);
    public static final ClusterEvent NODE_ALLOCATABLE = new ClusterEvent(Resource.NODE, Action.UPDATE_ALLOCATABLE);
    public static final ClusterEvent NODE_CONDITION = new ClusterEvent(Resource.NODE, Action.UPDATE_CONDITION);
    public static final ClusterEvent POD_ADD = new ClusterEvent(Resource.ASSIGNED_POD, Action.ADD);
    public static final ClusterEvent POD_DELETE = new ClusterEvent(Resource.ASSIGNED_POD, Action.DELETE);
    public static final ClusterEvent POD_LABEL = new ClusterEvent(Resource.ASSIGNED_POD, Action.UPDATE_LABEL);
    public static final ClusterEvent POD_SCALE_DOWN = new ClusterEvent(Resource.ASSIGNED_POD, Action.UPDATE_SCALE_DOWN);
    public static final ClusterEvent PVC_ADD = new ClusterEvent(Resource.PERSISTENT_VOLUME_CLAIM, Action.ADD);
    public static final ClusterEvent PVC_UPDATE = new ClusterEvent(Resource.PERSISTENT_VOLUME_CLAIM, Action.UPDATE);
    public static final ClusterEvent PV_ADD = new ClusterEvent(Resource.PERSISTENT_VOLUME, Action.ADD);
    public static final ClusterEvent PV_UPDATE = new ClusterEvent(Resource.PERSISTENT_VOLUME, Action.UPDATE);
    public static final ClusterEvent STORAGE_CLASS_ADD = new ClusterEvent(Resource.STORAGE_CLASS, Action.ADD);
    public static final ClusterEvent STORAGE_CLASS_UPDATE = new ClusterEvent(Resource.STORAGE_CLASS, Action.UPDATE);

    @Override
    public String toString() {
        return resource + "/" + action;
    }
}
