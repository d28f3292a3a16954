package io.crossbook.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AccessLogFilterTest {
    private final Logger access = (Logger) LoggerFactory.getLogger("crossbook.access");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final ApiMetrics metrics = new ApiMetrics(new SimpleMeterRegistry());
    private final AccessLogFilter filter = new AccessLogFilter(metrics);

    @BeforeEach
    void capture() {
        logged.start();
        access.addAppender(logged);
    }

    @AfterEach
    void release() {
        access.detachAppender(logged);
    }

    private void call(String method, String uri, String query, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(status));
    }

    @Test
    void logsMutationsAndFailuresAlwaysButARepeatedSuccessfulGetOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            call("GET", "/api/prices/binance/BTCUSDT", null, 200);
        }
        call("GET", "/api/prices/okx/BTC-USDT", null, 200);
        call("GET", "/api/prices/binance/NOPE", null, 400);
        call("GET", "/api/prices/binance/NOPE", null, 400);
        call("POST", "/api/system/stop", null, 200);
        call("POST", "/api/system/stop", null, 200);

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .map(m -> m.replaceAll(" [0-9.]+ ms$", ""))
                .containsExactly("GET /api/prices/binance/BTCUSDT 200", "GET /api/prices/okx/BTC-USDT 200",
                        "GET /api/prices/binance/NOPE 400", "GET /api/prices/binance/NOPE 400",
                        "POST /api/system/stop 200", "POST /api/system/stop 200");
    }

    @Test
    void neverLogsTheQueryStringWhereATokenMayTravel() throws Exception {
        call("GET", "/ws", "token=eyJhbGciOiJIUzI1NiJ9.secret", 401);
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).startsWith("GET /ws 401").doesNotContain("token").doesNotContain("secret");
            assertThat(e.getKeyValuePairs()).noneMatch(kv -> String.valueOf(kv.value).contains("secret"));
        });
    }

    @Test
    void timesApiRequestsAndCountsTheirErrors() throws Exception {
        call("GET", "/api/system/status", null, 200);
        call("GET", "/api/system/status", null, 200);
        call("POST", "/api/system/start", null, 401);
        call("GET", "/api/prices/binance/BTCUSDT", null, 503);
        call("GET", "/health", null, 200);

        ApiMetrics.Snapshot s = metrics.snapshot();
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.requestsLastMinute()).isEqualTo(4);
        assertThat(s.clientErrorRate()).isEqualTo(0.25);
        assertThat(s.serverErrorRate()).isEqualTo(0.25);
    }
}
