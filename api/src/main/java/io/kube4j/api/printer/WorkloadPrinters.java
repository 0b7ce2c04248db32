package io.kube4j.api.printer;

import static io.kube4j.api.printer.Formats.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** Controllers of pods: deployments, replica sets, stateful sets, daemon sets, jobs, cron jobs and friends. */
final class WorkloadPrinters {
    private static final Column CONTAINERS = Column.string("Containers", "Names of each container in the template.").wide();
    private static final Column IMAGES = Column.string("Images", "Images referenced by each container in the template.").wide();
    private static final Column SELECTOR = Column.string("Selector", "Label selector of the pods this controller manages.").wide();

    private WorkloadPrinters() {
    }

    static void addTo(Registry registry) {
        registry.add("", "Pod", PodPrinter.PRINTER);
        registry.add("apps", "Deployment", KindPrinter.of(WorkloadPrinters::deployment,
                Column.NAME,
                Column.string("Ready", "Ready pods out of desired replicas."),
                Column.string("Up-to-date", "Pods running the latest template."),
                Column.string("Available", "Pods available to serve."),
                Column.AGE, CONTAINERS, IMAGES, SELECTOR));
        registry.add("apps", "ReplicaSet", KindPrinter.of(WorkloadPrinters::replicaSet,
                Column.NAME,
                Column.integer("Desired", "Number of desired replicas."),
                Column.integer("Current", "Number of current replicas."),
                Column.integer("Ready", "Number of ready replicas."),
                Column.AGE, CONTAINERS, IMAGES, SELECTOR));
        registry.add("", "ReplicationController", KindPrinter.of(WorkloadPrinters::replicationController,
                Column.NAME,
                Column.integer("Desired", "Number of desired replicas."),
                Column.integer("Current", "Number of current replicas."),
                Column.integer("Ready", "Number of ready replicas."),
                Column.AGE, CONTAINERS, IMAGES, SELECTOR));
        registry.add("apps", "StatefulSet", KindPrinter.of(WorkloadPrinters::statefulSet,
                Column.NAME,
                Column.string("Ready", "Ready pods out of desired replicas."),
                Column.AGE, CONTAINERS, IMAGES));
        registry.add("apps", "DaemonSet", KindPrinter.of(WorkloadPrinters::daemonSet,
                Column.NAME,
                Column.integer("Desired", "Number of nodes that should run the daemon pod."),
                Column.integer("Current", "Number of nodes running at least one daemon pod."),
                Column.integer("Ready", "Number of nodes with a ready daemon pod."),
                Column.integer("Up-to-date", "Number of nodes running the updated daemon pod."),
                Column.integer("Available", "Number of nodes with an available daemon pod."),
                Column.string("Node Selector", "Node selector of the pod template."),
                Column.AGE, CONTAINERS, IMAGES, SELECTOR));
        registry.add("batch", "Job", KindPrinter.of(WorkloadPrinters::job,
                Column.NAME,
                Column.string("Status", "Status of the job."),
                Column.string("Completions", "Succeeded pods out of required completions."),
                Column.string("Duration", "Time the job ran, or has been running."),
                Column.AGE, CONTAINERS, IMAGES, SELECTOR));
        registry.add("batch", "CronJob", KindPrinter.of(WorkloadPrinters::cronJob,
                Column.NAME,
                Column.string("Schedule", "Cron schedule of the job."),
                Column.string("Timezone", "Time zone of the schedule."),
                Column.bool("Suspend", "Whether scheduling is suspended."),
                Column.integer("Active", "Number of running jobs."),
                Column.string("Last Schedule", "Time since a job was last scheduled."),
                Column.AGE, CONTAINERS, IMAGES, SELECTOR));
        registry.add("", "PodTemplate", KindPrinter.of(WorkloadPrinters::podTemplate,
                Column.NAME,
                Column.string("Containers", "Names of each container in the template."),
                Column.string("Images", "Images referenced by each container in the template."),
                Column.string("Pod Labels", "The labels of the pod template.")));
        registry.add("apps", "ControllerRevision", KindPrinter.of(WorkloadPrinters::controllerRevision,
                Column.NAME,
                Column.string("Controller", "Controller owning this revision."),
                Column.string("Revision", "Revision number."),
                Column.AGE));
    }

    private static Object[] deployment(JsonNode d, Instant now) {
        String[] containers = Formats.containers(Json.at(d, "spec", "template", "spec"));
        return new Object[] {
            Json.name(d),
            Json.number(d, "status", "readyReplicas") + "/" + desiredReplicas(d),
            Json.number(d, "status", "updatedReplicas"),
            Json.number(d, "status", "availableReplicas"),
            Durations.sinceCreation(d, now), containers[0], containers[1],
            Formats.selector(Json.at(d, "spec", "selector"))
        };
    }

    private static Object[] replicaSet(JsonNode rs, Instant now) {
        return replicaCounts(rs, now, Formats.selectorOrNone(Json.at(rs, "spec", "selector")));
    }

    /** Replication controllers select with a plain label map instead of a LabelSelector. */
    private static Object[] replicationController(JsonNode rc, Instant now) {
        return replicaCounts(rc, now, Formats.labelsOrNone(Json.at(rc, "spec", "selector")));
    }

    private static Object[] replicaCounts(JsonNode controller, Instant now, String selector) {
        String[] containers = Formats.containers(Json.at(controller, "spec", "template", "spec"));
        return new Object[] {
            Json.name(controller),
            desiredReplicas(controller),
            Json.number(controller, "status", "replicas"),
            Json.number(controller, "status", "readyReplicas"),
            Durations.sinceCreation(controller, now), containers[0], containers[1], selector
        };
    }

    private static Object[] statefulSet(JsonNode sts, Instant now) {
        String[] containers = Formats.containers(Json.at(sts, "spec", "template", "spec"));
        return new Object[] {
            Json.name(sts),
            Json.number(sts, "status", "readyReplicas") + "/" + desiredReplicas(sts),
            Durations.sinceCreation(sts, now), containers[0], containers[1]
        };
    }

    private static Object[] daemonSet(JsonNode ds, Instant now) {
        String[] containers = Formats.containers(Json.at(ds, "spec", "template", "spec"));
        return new Object[] {
            Json.name(ds),
            Json.number(ds, "status", "desiredNumberScheduled"),
            Json.number(ds, "status", "currentNumberScheduled"),
            Json.number(ds, "status", "numberReady"),
            Json.number(ds, "status", "updatedNumberScheduled"),
            Json.number(ds, "status", "numberAvailable"),
            Formats.labelsOrNone(Json.at(ds, "spec", "template", "spec", "nodeSelector")),
            Durations.sinceCreation(ds, now), containers[0], containers[1],
            Formats.selectorOrNone(Json.at(ds, "spec", "selector"))
        };
    }

    private static Object[] job(JsonNode job, Instant now) {
        String[] containers = Formats.containers(Json.at(job, "spec", "template", "spec"));
        return new Object[] {
            Json.name(job), jobStatus(job), jobCompletions(job), jobDuration(job, now),
            Durations.sinceCreation(job, now), containers[0], containers[1],
            Formats.selectorOrNone(Json.at(job, "spec", "selector"))
        };
    }

    private static String jobStatus(JsonNode job) {
        if (hasTrueCondition(job, "Complete")) {
            return "Complete";
        }
        if (hasTrueCondition(job, "Failed")) {
            return "Failed";
        }
        if (Json.present(job, "metadata", "deletionTimestamp")) {
            return "Terminating";
        }
        if (hasTrueCondition(job, "Suspended")) {
            return "Suspended";
        }
        if (hasTrueCondition(job, "FailureTarget")) {
            return "FailureTarget";
        }
        return "Running";
    }

    private static String jobCompletions(JsonNode job) {
        long succeeded = Json.number(job, "status", "succeeded");
        if (Json.present(job, "spec", "completions")) {
            return succeeded + "/" + Json.number(job, "spec", "completions");
        }
        long parallelism = Json.number(job, "spec", "parallelism");
        return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }

    private static String jobDuration(JsonNode job, Instant now) {
        Instant start = Json.instant(Json.at(job, "status", "startTime"));
        if (start == null) {
            return "";
        }
        Instant completion = Json.instant(Json.at(job, "status", "completionTime"));
        return Durations.humanShort(Duration.between(start, completion == null ? now : completion));
    }

    /** Whether the first job condition of this type has status True. */
    private static boolean hasTrueCondition(JsonNode job, String type) {
        for (JsonNode condition : Json.items(job, "status", "conditions")) {
            if (type.equals(Json.text(condition, "type"))) {
                return "True".equals(Json.text(condition, "status"));
            }
        }
        return false;
    }

    private static Object[] cronJob(JsonNode cronJob, Instant now) {
        JsonNode jobSpec = Json.at(cronJob, "spec", "jobTemplate", "spec");
        String[] containers = Formats.containers(Json.at(jobSpec, "template", "spec"));
        JsonNode lastSchedule = Json.at(cronJob, "status", "lastScheduleTime");
        return new Object[] {
            Json.name(cronJob),
            Json.text(cronJob, "spec", "schedule"),
            Json.textOr(NONE, cronJob, "spec", "timeZone"),
            goBool(Json.at(cronJob, "spec", "suspend")),
            (long) Json.size(cronJob, "status", "active"),
            Json.present(lastSchedule) ? Durations.age(lastSchedule, now) : NONE,
            Durations.sinceCreation(cronJob, now), containers[0], containers[1],
            Formats.selectorOrNone(Json.at(jobSpec, "selector"))
        };
    }

    /** An optional boolean as upstream prints it: {@code True}, {@code False} or {@code <unset>}. */
    private static String goBool(JsonNode value) {
        if (!value.isBoolean()) {
            return Formats.UNSET;
        }
        return value.booleanValue() ? "True" : "False";
    }

    private static Object[] podTemplate(JsonNode template, Instant now) {
        String[] containers = Formats.containers(Json.at(template, "template", "spec"));
        return new Object[] {
            Json.name(template), containers[0], containers[1],
            Formats.labelsOrNone(Json.at(template, "template", "metadata", "labels"))
        };
    }

    private static Object[] controllerRevision(JsonNode revision, Instant now) {
        return new Object[] {
            Json.name(revision), controllerName(revision), Json.number(revision, "revision"),
            Durations.sinceCreation(revision, now)
        };
    }

    /** The controlling owner as {@code kind.group/name} in lower case, e.g. {@code daemonset.apps/fluentd}. */
    private static String controllerName(JsonNode object) {
        for (JsonNode owner : Json.items(object, "metadata", "ownerReferences")) {
            if (Json.bool(owner, "controller")) {
                String apiVersion = Json.text(owner, "apiVersion");
                int slash = apiVersion.indexOf('/');
                String group = slash < 0 ? "" : apiVersion.substring(0, slash);
                String groupKind = group.isEmpty() ? Json.text(owner, "kind") : Json.text(owner, "kind") + "." + group;
                return groupKind.isEmpty() ? Json.text(owner, "name") : groupKind.toLowerCase() + "/" + Json.text(owner, "name");
            }
        }
        return NONE;
    }

    /** {@code spec.replicas}, which the API server defaults to 1. */
    private static long desiredReplicas(JsonNode controller) {
        return Json.present(controller, "spec", "replicas") ? Json.number(controller, "spec", "replicas") : 1;
    }
}
