package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.server.CrossbookServer;
import io.crossbook.store.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The packaged server started twice on an empty database, as an operator would. */
@ExtendWith(OutputCaptureExtension.class)
class ServerStartTest {
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("shown this once and never again:\\R\\R {6}(\\S+)\\R");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theFirstStartMigratesTheDatabaseAndPrintsTheAdminPasswordOnce(TestDatabase.Kind kind, CapturedOutput output)
            throws Exception {
        try (TestDatabase db = TestDatabase.unmigrated(kind)) {
            String password;
            try (ConfigurableApplicationContext server = start(db)) {
                Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
                assertThat(printed.find()).as("the generated password on the console").isTrue();
                password = printed.group(1);
                assertThat(signIn(server, password)).startsWith("{\"success\":true");
                assertThat(signIn(server, password + "x")).contains("UNAUTHORIZED");
            }
            assertThat(output.getAll()).containsOnlyOnce(password);
            int before = output.getOut().length();

            try (ConfigurableApplicationContext server = start(db)) {
                assertThat(output.getOut().substring(before)).doesNotContain("shown this once").doesNotContain(password);
                assertThat(signIn(server, password)).startsWith("{\"success\":true");
            }
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(1);
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM flyway_schema_history").query(Long.class).single()).isPositive();
        }
    }

    /** Command-line arguments, as an operator would pass them: they win over application.yml. */
    private static ConfigurableApplicationContext start(TestDatabase db) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--crossbook.market-data.feeds=",
                "--crossbook.security.bcrypt-cost=4"));
        if (db.kind() == TestDatabase.Kind.SQLITE) {
            args.add("--crossbook.db.sqlite-file=" + db.url().substring("jdbc:sqlite:".length()));
        } else {
            args.addAll(List.of("--crossbook.db.url=" + db.url(), "--crossbook.db.user=" + db.user(),
                    "--crossbook.db.password=" + db.password()));
        }
        return new SpringApplicationBuilder(CrossbookServer.class).run(args.toArray(String[]::new));
    }

    private static String signIn(ConfigurableApplicationContext server, String password) throws Exception {
        String port = server.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
