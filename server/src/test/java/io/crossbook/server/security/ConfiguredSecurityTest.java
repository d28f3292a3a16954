package io.crossbook.server.security;

import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** crossbook.security.public-market-data and cors-origins switched on. */
@ServerTest
@TestPropertySource(properties = {
        "crossbook.security.public-market-data=true",
        "crossbook.security.cors-origins=https://desk.example.com"})
class ConfiguredSecurityTest {
    @Autowired
    MockMvcTester mvc;

    @Test
    void marketDataReadsAreOpenToAnonymousCallers() {
        for (MvcTestResult read : new MvcTestResult[] {
                mvc.get().uri("/api/prices/binance/BTCUSDT").exchange(),
                mvc.post().uri("/api/prices/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\"}]}").exchange(),
                mvc.get().uri("/api/exchanges").exchange(),
                mvc.get().uri("/api/monitoring/prices").exchange()}) {
            assertThat(read.getResponse().getStatus()).as(read.getRequest().getRequestURI())
                    .isNotIn(HttpStatus.UNAUTHORIZED.value(), HttpStatus.FORBIDDEN.value());
        }
    }

    @Test
    void everythingElseStillNeedsSignIn() {
        error(mvc.get().uri("/api/monitoring/pairs").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(mvc.post().uri("/api/monitoring/pairs").contentType(MediaType.APPLICATION_JSON).content("{}").exchange(),
                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(mvc.put().uri("/api/prices/binance/BTCUSDT").contentType(MediaType.APPLICATION_JSON).content("{}").exchange(),
                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(mvc.get().uri("/api/auth/users").exchange(), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void aConfiguredOriginMayCallTheApi() {
        MvcTestResult preflight = mvc.options().uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "https://desk.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,authorization")
                .exchange();

        assertThat(preflight).hasStatus(HttpStatus.OK);
        assertThat(preflight).headers()
                .hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://desk.example.com")
                .doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void anyOtherOriginIsRefused() {
        MvcTestResult preflight = mvc.options().uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange();

        assertThat(preflight).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(preflight.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
    }
}
