package io.crossbook.server.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the JVM and the operating system report about this process, read when asked. */
final class ProcessMetrics {
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private ProcessMetrics() {
    }

    /**
     * {@code processCpu} and {@code systemCpu} are fractions of all cores over the OS's last
     * sampling interval, -1 where the platform does not say.
     */
    record Cpu(int cores, double processCpu, double systemCpu, double loadAverage) {
    }

    /** Bytes; {@code residentBytes} is -1 off Linux. */
    record Memory(long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long nonHeapUsedBytes,
                  long residentBytes) {
    }

    static Cpu cpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        double process = -1;
        double system = -1;
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            process = sun.getProcessCpuLoad();
            system = sun.getCpuLoad();
        }
        return new Cpu(os.getAvailableProcessors(), round(process), round(system), round(os.getSystemLoadAverage()));
    }

    static Memory memory() {
        var bean = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = bean.getHeapMemoryUsage();
        return new Memory(heap.getUsed(), heap.getCommitted(), heap.getMax(), bean.getNonHeapMemoryUsage().getUsed(),
                residentBytes());
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // not Linux, or /proc hidden: reported as unknown
        }
        return -1;
    }

    private static double round(double v) {
        return v < 0 ? v : Math.round(v * 10_000) / 10_000.0;
    }
}
