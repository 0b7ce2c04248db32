package io.kube4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process as Linux reports it in /proc/PID/status (current and peak), in KiB. */
public record ProcessMemory(long residentKib, long peakResidentKib) {

    static ProcessMemory of(long pid) {
        try {
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                }
            }
            return new ProcessMemory(rss, hwm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read memory of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Parses "VmRSS:\t  123456 kB". */
    private static long kib(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").trim());
    }

    @Override
    public String toString() {
        return "RSS %,d MiB (peak %,d MiB)".formatted(residentKib / 1024, peakResidentKib / 1024);
    }
}
