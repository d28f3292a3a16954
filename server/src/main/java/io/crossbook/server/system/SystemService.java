package io.crossbook.server.system;

import io.crossbook.server.observability.ApiMetrics;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/**
 * System control (seeds/003): starts and stops the platform's modules as one, and reports their
 * health with the process's real CPU, memory and performance figures.
 */
@Service
public class SystemService {
    private static final Logger LOG = LoggerFactory.getLogger(SystemService.class);

    private final List<SystemModule> modules;
    private final ApiMetrics api;
    private final String version;
    private boolean running = true;
    private long lastStarted = ManagementFactory.getRuntimeMXBean().getStartTime();

    public SystemService(List<SystemModule> modules, ApiMetrics api, ObjectProvider<BuildProperties> build) {
        this.modules = List.copyOf(modules);
        this.api = api;
        BuildProperties b = build.getIfAvailable();
        this.version = b == null ? "development" : b.getVersion();
    }

    /**
     * {@code uptime} is in seconds since the process started, {@code lastStarted} epoch
     * milliseconds of the last start (the process start until someone stops and starts it).
     */
    public record SystemStatus(boolean isRunning, long lastStarted, long uptime, String version,
                               Map<String, SystemModule.Health> modules, ProcessMetrics.Cpu cpu,
                               ProcessMetrics.Memory memory, int threads, Map<String, Object> performance) {
    }

    /** Starts every module; idempotent. */
    public synchronized SystemStatus start() {
        if (!running) {
            modules.forEach(SystemModule::start);
            running = true;
            lastStarted = System.currentTimeMillis();
            LOG.info("system started: {}", modules.stream().map(SystemModule::name).toList());
        }
        return status();
    }

    /** Stops every module, in reverse order of starting; idempotent. */
    public synchronized SystemStatus stop() {
        if (running) {
            modules.reversed().forEach(SystemModule::stop);
            running = false;
            LOG.info("system stopped");
        }
        return status();
    }

    public synchronized SystemStatus status() {
        Map<String, SystemModule.Health> health = new LinkedHashMap<>();
        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("api", api.snapshot());
        for (SystemModule m : modules) {
            health.put(m.name(), m.health());
            Object figures = m.performance();
            if (figures != null) {
                performance.put(m.name(), figures);
            }
        }
        return new SystemStatus(running, lastStarted, ManagementFactory.getRuntimeMXBean().getUptime() / 1000, version,
                health, ProcessMetrics.cpu(), ProcessMetrics.memory(), ProcessMetrics.threads(), performance);
    }
}
