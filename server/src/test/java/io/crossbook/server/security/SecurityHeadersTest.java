package io.crossbook.server.security;

import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Response headers, CORS without configured origins, and what the server must not offer. */
@ServerTest
class SecurityHeadersTest {
    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        MvcTestResult result = mvc.get().uri("/api/auth/users").header(HttpHeaders.HOST, "desk.example.com:8443").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).headers()
                .hasValue("X-Content-Type-Options", "nosniff")
                .hasValue("X-Frame-Options", "DENY")
                .hasValue("Referrer-Policy", "no-referrer")
                .doesNotContainHeader("Strict-Transport-Security");
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .endsWith("connect-src 'self' ws://desk.example.com:8443 wss://desk.example.com:8443");
    }

    @Test
    void hstsIsSentOnlyOverTls() {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").secure(true).exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void noSessionIsCreatedAndNoCookieSet() {
        TokenPair tokens = new TestClient(mvc).signInAsAdmin();

        MvcTestResult result = new TestClient(mvc).get("/api/auth/users", tokens.accessToken());

        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void thereIsNoFormLoginNoHttpBasicAndNoGeneratedPassword() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        // GET /login is the dashboard's own sign-in page (DashboardFilesTest); Spring's form login would take the POST.
        error(mvc.post().uri("/login").param("username", "admin").param("password", TestClient.ADMIN_PASSWORD).exchange(),
                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(mvc.get().uri("/api/auth/users")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + TestClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    /** Without Access-Control-Allow-Origin the browser keeps the answer from the calling page. */
    @Test
    void crossOriginCallsAreRefusedWhenNoOriginIsConfigured() {
        MvcTestResult preflight = mvc.options().uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange();
        MvcTestResult call = mvc.get().uri("/v3/api-docs").header(HttpHeaders.ORIGIN, "https://elsewhere.example").exchange();

        assertThat(preflight).headers().doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(call).headers().doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/actuator/health", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html",
            "/", "/index.html", "/assets/app.js", "/dashboard", "/somewhere", "/ws"})
    void openPathsNeedNoSignIn(String path) {
        assertThat(mvc.get().uri(path).exchange().getResponse().getStatus())
                .isNotIn(HttpStatus.UNAUTHORIZED.value(), HttpStatus.FORBIDDEN.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/anything", "/actuator/env", "/actuator/info"})
    void everythingElseNeedsSignIn(String path) {
        error(mvc.get().uri(path).exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void aViewerCannotReadActuatorInternals() {
        String viewer = new TestClient(mvc).signInAsNew("viewer").accessToken();

        error(new TestClient(mvc).get("/actuator/info", viewer), HttpStatus.FORBIDDEN, "FORBIDDEN");
    }
}
