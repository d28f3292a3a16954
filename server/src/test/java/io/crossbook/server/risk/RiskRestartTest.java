package io.crossbook.server.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.server.CrossbookServer;
import io.crossbook.server.security.HttpAdmin;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The kill switch and the limits outlive the server (API.md "Risk": "a restart comes back
 * halted"; limit changes "are stored"): one server after another on the same SQLite file, each
 * driven over HTTP as the admin.
 */
class RiskRestartTest {
    private static final String PASSWORD = "admin-password-for-restart-tests";

    @TempDir
    Path dir;

    @Test
    void aServerRestartedWhileHaltedStaysHaltedWithItsReasonAndKeepsTheChangedLimits() {
        Path db = dir.resolve("crossbook.db");
        try (Server first = new Server(db)) {
            first.send("PUT", "/api/risk/limits", "{\"maxOrderNotional\":5000}");
            JsonNode engaged = first.send("POST", "/api/risk/kill-switch", "{\"engaged\":true,\"reason\":\"before restart\"}");
            assertThat(engaged.get("state").asString()).isEqualTo("HALTED");
        }

        try (Server second = new Server(db)) {
            JsonNode status = second.send("GET", "/api/risk/status", null);

            assertThat(status.get("state").asString()).isEqualTo("HALTED");
            assertThat(status.get("killSwitch").booleanValue()).isTrue();
            assertThat(status.get("reason").asString()).isEqualTo("before restart (by admin)");
            assertThat(status.at("/limits/maxOrderNotional").decimalValue()).as("the engine's limit")
                    .isEqualByComparingTo(new BigDecimal("5000"));
            assertThat(second.send("GET", "/api/risk/limits", null).get("maxOrderNotional").decimalValue())
                    .isEqualByComparingTo(new BigDecimal("5000"));
            assertThat(second.send("GET", "/api/risk/limits/changes", null).get(0).get("newValue").asString())
                    .isEqualTo("5000");

            second.send("POST", "/api/risk/kill-switch", "{\"engaged\":false}");
        }

        try (Server third = new Server(db)) {
            assertThat(third.send("GET", "/api/risk/status", null).get("state").asString())
                    .as("the release is stored too").isEqualTo("ACTIVE");
        }
    }

    /** A whole server on a port, without market data, on the given database file, signed in as the admin. */
    private static final class Server implements AutoCloseable {
        private final ConfigurableApplicationContext context;
        private final HttpAdmin admin;

        Server(Path db) {
            context = new SpringApplicationBuilder(CrossbookServer.class).run("--server.port=0",
                    "--crossbook.market-data.feeds=", "--crossbook.db.sqlite-file=" + db,
                    "--crossbook.security.admin-password=" + PASSWORD,
                    "--crossbook.security.jwt-secret=a signing key for restart tests, 32+ bytes",
                    "--crossbook.security.bcrypt-cost=4");
            admin = new HttpAdmin("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort(),
                    PASSWORD);
        }

        /** The {@code data} of a successful call as the admin. */
        JsonNode send(String method, String path, String json) {
            return admin.send(method, path, json);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
