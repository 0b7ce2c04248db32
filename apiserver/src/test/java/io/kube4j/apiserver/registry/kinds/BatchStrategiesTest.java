package io.kube4j.apiserver.registry.kinds;

import static io.kube4j.apiserver.registry.kinds.Objects.named;
import static io.kube4j.apiserver.registry.kinds.Objects.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchStrategiesTest {
    private static final String POD = "{'containers': [{'name': 'c', 'image': 'busybox'}], 'restartPolicy': 'Never'}";
    private final Strategy jobs = BuiltinStrategies.forKind("batch", "Job", null);
    private final Strategy cronJobs = BuiltinStrategies.forKind("batch", "CronJob", null);

    private ObjectNode job(String spec) {
        ObjectNode job = named("pi", "{'spec': " + spec + "}");
        jobs.prepareForCreate(job);
        return job;
    }

    @Test
    void jobDefaultsAndGeneratedSelector() {
        ObjectNode job = job("{'template': {'spec': " + POD + "}}");
        assertEquals(1, job.at("/spec/completions").asInt());
        assertEquals(1, job.at("/spec/parallelism").asInt());
        assertEquals(6, job.at("/spec/backoffLimit").asInt());
        assertEquals("NonIndexed", job.at("/spec/completionMode").asText());
        assertEquals(false, job.at("/spec/suspend").asBoolean(true));
        assertEquals("TerminatingOrFailed", job.at("/spec/podReplacementPolicy").asText());
        assertEquals(Objects.parse("{'matchLabels': {'batch.kubernetes.io/controller-uid': 'uid-1'}}"), job.at("/spec/selector"));
        assertEquals(Objects.parse("{'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'uid-1', "
                + "'batch.kubernetes.io/controller-uid': 'uid-1'}"), job.at("/spec/template/metadata/labels"));
        assertEquals(List.of(), jobs.validate(job));
    }

    @Test
    void jobPodsMayNotRestartAlways() {
        ObjectNode job = job("{'template': {'spec': {'containers': [{'name': 'c', 'image': 'busybox'}]}}}");
        assertEquals(List.of("spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: "
                + "\"OnFailure\", \"Never\""), texts(jobs.validate(job)));
    }

    @Test
    void manualSelectorsMustMatchTheTemplate() {
        ObjectNode job = job("{'manualSelector': true, 'selector': {'matchLabels': {'app': 'x'}}, "
                + "'template': {'metadata': {'labels': {'app': 'y'}}, 'spec': " + POD + "}}");
        assertNull(job.at("/spec/template/metadata/labels").get("controller-uid"));
        assertEquals(List.of("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"y\"}: "
                + "`selector` does not match template `labels`"), texts(jobs.validate(job)));
    }

    @Test
    void jobTemplateIsImmutable() {
        ObjectNode old = job("{'template': {'spec': " + POD + "}}");
        ObjectNode update = old.deepCopy();
        ((ObjectNode) update.at("/spec/template/spec/containers/0")).put("image", "busybox:2");
        jobs.prepareForUpdate(update, old);
        assertEquals(List.of("spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable"),
                texts(jobs.validateUpdate(update, old)));
    }

    @Test
    void cronJobDefaultsAndSchedule() {
        ObjectNode cj = named("hourly", "{'spec': {'schedule': '@hourly', 'jobTemplate': {'spec': {'template': {'spec': " + POD + "}}}}}");
        cronJobs.prepareForCreate(cj);
        assertEquals("Allow", cj.at("/spec/concurrencyPolicy").asText());
        assertEquals(false, cj.at("/spec/suspend").asBoolean(true));
        assertEquals(3, cj.at("/spec/successfulJobsHistoryLimit").asInt());
        assertEquals(1, cj.at("/spec/failedJobsHistoryLimit").asInt());
        assertEquals("default-scheduler", cj.at("/spec/jobTemplate/spec/template/spec/schedulerName").asText());
        assertEquals(List.of(), cronJobs.validate(cj));

        ((ObjectNode) cj.get("spec")).put("schedule", "61 * * * *");
        assertEquals(List.of("spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"),
                texts(cronJobs.validate(cj)));
        ((ObjectNode) cj.get("spec")).remove("schedule");
        assertEquals(List.of("spec.schedule: Required value"), texts(cronJobs.validate(cj)));
    }

    @Test
    void cronSchedulesParseLikeUpstream() {
        for (String ok : List.of("*/5 * * * *", "0 0 1,15 * MON-FRI", "30 2 * jan-mar 0", "@daily", "@every 1h30m", "0 0 ? * *")) {
            assertNull(CronSchedule.problem(ok), ok);
        }
        assertEquals("expected exactly 5 fields, found 1: [hourly]", CronSchedule.problem("hourly"));
        assertEquals("unrecognized descriptor: @sometimes", CronSchedule.problem("@sometimes"));
        assertEquals("beginning of range (5) beyond end of range (2): 5-2", CronSchedule.problem("5-2 * * * *"));
        assertEquals("step of range should be a positive number: */0", CronSchedule.problem("*/0 * * * *"));
        assertEquals("failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax", CronSchedule.problem("x * * * *"));
        assertEquals("beginning of range (0) below minimum (1): 0", CronSchedule.problem("* * 0 * *"));
    }
}
