package io.niftyscanner.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time, resident memory (Linux /proc: VmRSS now, VmHWM the peak), heap in use and collector
 * totals at one instant. Two of them bracket a measurement.
 */
record ProcessMetrics(long wallNanos, long cpuNanos, double rssMb, double peakRssMb, double heapUsedMb, long gcCount,
                      long gcMillis) {

    static ProcessMetrics now() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        return new ProcessMetrics(System.nanoTime(), cpu, status("VmRSS:"), status("VmHWM:"), heap, count, millis);
    }

    /** A kB line of /proc/self/status in MB, or -1 where /proc is not available. */
    static double status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
