package io.crossbook.server.security;

import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every operation the live OpenAPI document lists, whoever added it: anonymous callers are
 * refused everything but the open operations, viewers every change but signing in and out.
 */
@ServerTest
class OperationAccessTest {
    /** The operations anyone may call (API.md "Auth"; health is public for load balancers). */
    private static final Set<String> OPEN = Set.of("POST /api/auth/login", "POST /api/auth/refresh", "GET /health");
    /** The changes a viewer may make: only to their own sign-in. */
    private static final Set<String> VIEWER_CHANGES = Set.of("POST /api/auth/login", "POST /api/auth/refresh",
            "POST /api/auth/logout");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    MockMvcTester mvc;

    @TestFactory
    Stream<DynamicTest> anonymousCallersAreRefusedAllButTheOpenOperations() {
        return operations().stream()
                .filter(op -> !OPEN.contains(op.id()))
                .map(op -> DynamicTest.dynamicTest("anonymous " + op.id(), () ->
                        assertThat(error(call(op, null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED")).isNotBlank()));
    }

    @TestFactory
    Stream<DynamicTest> theOpenOperationsNeedNoSignIn() {
        return operations().stream()
                .filter(op -> OPEN.contains(op.id()))
                .map(op -> DynamicTest.dynamicTest("anonymous " + op.id(), () ->
                        assertThat(call(op, null).getResponse().getStatus()).isNotEqualTo(HttpStatus.UNAUTHORIZED.value())));
    }

    @TestFactory
    Stream<DynamicTest> viewersAreRefusedEveryChangeButTheirOwnSignIn() {
        String viewer = new TestClient(mvc).signInAsNew("viewer").accessToken();
        List<Operation> changes = operations().stream()
                .filter(op -> CHANGES.contains(op.method()) && !VIEWER_CHANGES.contains(op.id()))
                .toList();
        assertThat(changes).as("changes listed in /v3/api-docs").isNotEmpty();
        return changes.stream().map(op -> DynamicTest.dynamicTest("viewer " + op.id(), () ->
                assertThat(error(call(op, viewer), HttpStatus.FORBIDDEN, "FORBIDDEN")).contains("admin")));
    }

    /** Every operation of the live document; an empty or unreadable document fails the test. */
    private List<Operation> operations() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatus(HttpStatus.OK);
        Map<String, Map<String, Object>> paths = JsonPath.read(TestClient.body(docs), "$.paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, spec) -> {
            if (METHODS.contains(method)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) spec;
                operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path,
                        concrete(path, operation), operation.containsKey("requestBody")));
            }
        }));
        assertThat(operations).as("operations in /v3/api-docs").isNotEmpty()
                .extracting(Operation::id).contains("POST /api/auth/login", "GET /api/auth/users");
        return operations;
    }

    private MvcTestResult call(Operation op, String accessToken) {
        var request = mvc.method(op.method()).uri(op.uri()).with(r -> {
            r.setRemoteAddr(TestClient.newAddress());
            return r;
        });
        if (op.hasBody()) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (accessToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        return request.exchange();
    }

    /** The path with each variable replaced by a plausible value of its declared type. */
    @SuppressWarnings("unchecked")
    private static String concrete(String path, Map<String, Object> operation) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            Map<String, Object> schema = parameters.stream()
                    .filter(p -> name.equals(p.get("name")) && "path".equals(p.get("in")))
                    .map(p -> (Map<String, Object>) p.getOrDefault("schema", Map.of()))
                    .findFirst().orElse(Map.of());
            variable.appendReplacement(uri, Matcher.quoteReplacement(plausible(name, schema)));
        }
        variable.appendTail(uri);
        return uri.toString();
    }

    @SuppressWarnings("unchecked")
    private static String plausible(String name, Map<String, Object> schema) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return String.valueOf(values.getFirst());
        }
        String type = String.valueOf(schema.get("type"));
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        if ("uuid".equals(schema.get("format"))) {
            return UUID.randomUUID().toString();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "exchange", "venue" -> "binance";
            case "symbol", "pair" -> "BTCUSDT";
            case "username" -> "someone";
            default -> "1";
        };
    }

    private record Operation(HttpMethod method, String path, String uri, boolean hasBody) {
        String id() {
            return method.name() + " " + path;
        }
    }
}
