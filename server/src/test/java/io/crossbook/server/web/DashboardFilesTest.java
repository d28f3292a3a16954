package io.crossbook.server.web;

import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.server.security.ServerTest;
import io.crossbook.server.security.TestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The dashboard's files and client-side routes, served without sign-in; the server's own paths never fall back to them. */
@ServerTest
class DashboardFilesTest {
    @Autowired
    MockMvcTester mvc;

    /** The index.html that crossbook-web built. */
    private static String index() throws IOException {
        return new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/login", "/arbitrage", "/twap/twap_1", "/risk/"})
    void clientRoutesServeTheDashboardsIndexToAnyone(String route) throws IOException {
        MvcTestResult result = mvc.get().uri(route).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentAsString()).isEqualTo(index()).contains("<div id=\"root\">");
    }

    @Test
    void theBundlesFilesAreServedAsTheyAre() throws IOException {
        String script = index().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");

        MvcTestResult result = mvc.get().uri(script).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentType()).contains("javascript");
        assertThat(mvc.get().uri("/favicon.svg").exchange()).hasStatus(HttpStatus.OK);
    }

    @Test
    void aMissingFileIsNotFoundRatherThanTheIndex() {
        error(mvc.get().uri("/assets/missing-1234.js").exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void theServersOwnPathsNeverFallBack() {
        String token = new TestClient(mvc).signInAsAdmin().accessToken();

        error(new TestClient(mvc).get("/api/no-such-thing", token), HttpStatus.NOT_FOUND, "NOT_FOUND");
        error(mvc.get().uri("/api/no-such-thing").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(mvc.get().uri("/actuator/no-such-thing").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void onlyReadsAreOpen() {
        error(mvc.post().uri("/dashboard").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }
}
