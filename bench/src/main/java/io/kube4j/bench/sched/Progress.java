package io.kube4j.bench.sched;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on stderr, so that stdout holds only the report. */
final class Progress {

    private Progress() {
    }

    static void log(String format, Object... args) {
        System.err.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + format.formatted(args));
    }
}
