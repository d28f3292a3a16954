package io.crossbook.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a harness prints about the machine it ran on, and whether something else used its CPUs meanwhile. */
final class Machine {
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private Machine() {
    }

    /** "N CPUs, model, JDK vendor version". */
    static String describe() {
        return String.format(Locale.ROOT, "%d CPUs, %s, JDK %s %s", CPUS, cpuModel(),
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /**
     * CPU time used so far by this JVM and, from {@code /proc/stat}, by the whole machine, so that a
     * run can tell whether something else competed for the CPUs.
     */
    record CpuUse(long atNanos, long processNanos, long machineBusyTicks, long machineTicks) {
        static CpuUse now() {
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long busy = 0;
            long total = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 1; i < cpu.length; i++) {
                    long ticks = Long.parseLong(cpu[i]);
                    total += ticks;
                    busy += i == 4 || i == 5 ? 0 : ticks; // idle, iowait
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the machine's share stays unknown
            }
            return new CpuUse(System.nanoTime(), process, busy, total);
        }

        /** "this JVM x CPUs, everything else y CPUs" between {@code start} and this sample. */
        String since(CpuUse start) {
            String jvm = String.format(Locale.ROOT, "this JVM %.2f of %d CPUs", jvmSince(start), CPUS);
            double others = othersSince(start);
            return Double.isNaN(others) ? jvm : jvm + String.format(Locale.ROOT, ", everything else %.2f", others);
        }

        /** The CPUs used by everything but this JVM since {@code start}, or NaN where unknown (not Linux). */
        double othersSince(CpuUse start) {
            if (machineTicks == start.machineTicks) {
                return Double.NaN;
            }
            double machine = CPUS * (machineBusyTicks - start.machineBusyTicks) / (double) (machineTicks - start.machineTicks);
            return Math.max(0, machine - jvmSince(start));
        }

        private double jvmSince(CpuUse start) {
            return (processNanos - start.processNanos) / (double) (atNanos - start.atNanos);
        }
    }
}
