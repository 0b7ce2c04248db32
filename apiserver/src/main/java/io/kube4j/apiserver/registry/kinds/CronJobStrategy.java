package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** batch/v1 CronJobs: a parseable schedule, concurrency Allow, 3 successful and 1 failed job kept. */
final class CronJobStrategy implements Strategy {
    /** Job names get an 11-character suffix and must stay DNS labels. */
    static final int MAX_NAME_LENGTH = 52;
    private static final List<String> CONCURRENCY_POLICIES = List.of("Allow", "Forbid", "Replace");

    @Override
    public void prepareForCreate(ObjectNode obj) {
        applyDefaults(Trees.object(obj, "spec"));
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        applyDefaults(Trees.object(obj, "spec"));
    }

    private static void applyDefaults(ObjectNode spec) {
        Trees.putIfAbsent(spec, "concurrencyPolicy", "Allow");
        Trees.putIfAbsent(spec, "suspend", false);
        Trees.putIfAbsent(spec, "successfulJobsHistoryLimit", 3);
        Trees.putIfAbsent(spec, "failedJobsHistoryLimit", 1);
        if (spec.path("jobTemplate").get("spec") instanceof ObjectNode jobSpec) {
            PodTemplates.applyDefaults(jobSpec);
        }
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        String name = Meta.name(obj);
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            errors.add(FieldError.invalid("metadata.name", name, "must be no more than " + MAX_NAME_LENGTH + " characters"));
        }
        JsonNode spec = obj.path("spec");
        schedule(spec, errors);
        Checks.oneOf(spec, "concurrencyPolicy", "spec.concurrencyPolicy", CONCURRENCY_POLICIES, true, errors);
        for (String field : List.of("startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit")) {
            Checks.nonNegative(spec, field, "spec." + field, errors);
        }
        JsonNode jobSpec = spec.path("jobTemplate").path("spec");
        JobStrategy.validateSpec(jobSpec, "spec.jobTemplate.spec", errors);
        if (!jobSpec.path("manualSelector").asBoolean(false) && jobSpec.get("selector") instanceof ObjectNode selector) {
            errors.add(FieldError.invalid("spec.jobTemplate.spec.selector", GoSyntax.labelSelector(selector),
                    "`selector` will be auto-generated"));
        }
        return errors;
    }

    private static void schedule(JsonNode spec, List<FieldError> errors) {
        String schedule = Trees.text(spec, "schedule");
        if (schedule == null) {
            errors.add(FieldError.required("spec.schedule", ""));
            return;
        }
        String problem = CronSchedule.problem(schedule);
        if (problem != null) {
            errors.add(FieldError.invalid("spec.schedule", schedule, problem));
        } else if (schedule.contains("TZ")) {
            errors.add(FieldError.invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
        }
        String timeZone = Trees.text(spec, "timeZone");
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.add(FieldError.invalid("spec.timeZone", timeZone, "unknown time zone " + timeZone));
            }
        }
    }
}
