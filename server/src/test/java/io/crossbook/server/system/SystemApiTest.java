package io.crossbook.server.system;

import static io.crossbook.server.security.TestClient.body;
import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.crossbook.server.security.ServerTest;
import io.crossbook.server.security.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** System control, status, logs, the error envelope of the one exception handler, and Prometheus. */
@ServerTest
class SystemApiTest {
    @Autowired
    MockMvcTester mvc;
    TestClient client;
    String admin;

    @BeforeEach
    void signIn() {
        client = new TestClient(mvc);
        admin = client.signInAsAdmin().accessToken();
    }

    private Map<String, Object> data(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.OK);
        return JsonPath.read(body(result), "$.data");
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusReportsTheRealProcessAndEveryModule() {
        client.get("/api/system/status", admin);
        Map<String, Object> status = data(client.get("/api/system/status", admin));

        assertThat(status).containsKeys("isRunning", "lastStarted", "uptime", "version", "modules", "cpu", "memory");
        assertThat(status.get("isRunning")).isEqualTo(true);
        Map<String, Map<String, Object>> modules = (Map<String, Map<String, Object>>) status.get("modules");
        assertThat(modules.get("database")).containsEntry("health", "UP");
        assertThat((String) modules.get("database").get("detail")).startsWith("SQLite");
        assertThat(modules.get("marketData")).containsEntry("detail", "0 of 0 collectors up");
        Map<String, Object> cpu = (Map<String, Object>) status.get("cpu");
        assertThat(cpu.get("cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
        Map<String, Object> memory = (Map<String, Object>) status.get("memory");
        assertThat(((Number) memory.get("heapUsedBytes")).longValue()).isPositive()
                .isLessThanOrEqualTo(Runtime.getRuntime().totalMemory());
        assertThat(((Number) memory.get("residentBytes")).longValue()).isGreaterThan(((Number) memory.get("heapUsedBytes")).longValue() / 2);
        Map<String, Object> api = (Map<String, Object>) ((Map<String, Object>) status.get("performance")).get("api");
        assertThat(((Number) api.get("count")).longValue()).as("the first status call was timed").isPositive();
        assertThat(((Number) api.get("p99Millis")).doubleValue()).isPositive();
        assertThat(((Map<String, Object>) status.get("performance"))).containsKeys("marketData", "websocket");
        assertThat(modules.get("websocket")).containsEntry("health", "UP");
        assertThat(modules.get("risk")).containsEntry("status", "ACTIVE").containsEntry("health", "UP");
    }

    @Test
    void stopAndStartAreIdempotentAndReported() {
        long before = ((Number) data(client.get("/api/system/status", admin)).get("lastStarted")).longValue();
        try {
            assertThat(data(client.postJson("/api/system/stop", "", admin))).containsEntry("isRunning", false);
            assertThat(data(client.postJson("/api/system/stop", "", admin))).containsEntry("isRunning", false);
            assertThat(data(client.get("/api/system/status", admin))).containsEntry("isRunning", false);
        } finally {
            Map<String, Object> started = data(client.postJson("/api/system/start", "", admin));
            assertThat(started).containsEntry("isRunning", true);
            assertThat(((Number) started.get("lastStarted")).longValue()).isGreaterThan(before);
        }
    }

    @Test
    void logsAreNewestFirstAndFilteredByLevel() {
        LoggerFactory.getLogger("system-api-test").warn("collector bybit:linear unreachable");
        LoggerFactory.getLogger("system-api-test").info("a line below WARN");

        List<Map<String, Object>> warnings = JsonPath.read(body(client.get("/api/system/logs?level=warn&limit=50", admin)), "$.data");
        assertThat(warnings).isNotEmpty().allSatisfy(e -> assertThat(e.get("level")).isIn("WARN", "ERROR"));
        assertThat(warnings).anySatisfy(e -> assertThat(e.get("message")).isEqualTo("collector bybit:linear unreachable"));
        List<Map<String, Object>> one = JsonPath.read(body(client.get("/api/system/logs?limit=1", admin)), "$.data");
        assertThat(one).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/system/logs?level=verbose | level: must be one of trace, debug, info, warn, error",
            "/api/system/logs?limit=0       | limit: must be greater than or equal to 1",
            "/api/system/logs?limit=2001    | limit: must be less than or equal to 2000",
            "/api/system/logs?limit=many    | limit: must be a valid int, not 'many'"})
    void badParametersAreValidationErrorsNamingThem(String uri, String message) {
        assertThat(error(client.get(uri, admin), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).isEqualTo(message);
    }

    @Test
    void unknownRoutesAndMethodsAreNotFoundEnvelopes() {
        error(client.get("/api/system/nothing-here", admin), HttpStatus.NOT_FOUND, "NOT_FOUND");
        error(client.postJson("/api/system/status", "{}", admin), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void malformedJsonIsAValidationError() {
        String message = error(client.postJson("/api/qingxi/collectors/start", "{\"id\": ", admin),
                HttpStatus.BAD_REQUEST, "VALIDATION_ERROR");
        assertThat(message).startsWith("malformed JSON");
    }

    @Test
    void prometheusScrapesTheApiAndMarketDataMeters() {
        client.get("/api/system/status", admin);
        MvcTestResult scrape = mvc.get().uri("/actuator/prometheus").exchange();

        assertThat(scrape).hasStatus(HttpStatus.OK);
        assertThat(body(scrape)).contains("crossbook_api_requests_seconds{quantile=\"0.99\"}", "crossbook_prices_cache",
                "crossbook_ws_clients",
                "jvm_memory_used_bytes");
    }
}
