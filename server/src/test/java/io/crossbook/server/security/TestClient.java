package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Signs in, creates users and reads responses for the endpoint tests of a {@link ServerTest}. */
public final class TestClient {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String JWT_SECRET = "a signing key for tests, 32+ bytes long";
    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final MockMvcTester mvc;

    public TestClient(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** A client address no other test uses, so sign-in throttling never crosses tests. */
    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    static String newUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MvcTestResult login(String username, String password, String address) {
        return postJson("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null, address);
    }

    /** Signs in from a fresh address; the sign-in must succeed. */
    TokenPair signIn(String username, String password) {
        MvcTestResult result = login(username, password, newAddress());
        assertThat(result).hasStatus(HttpStatus.OK);
        return tokens(result);
    }

    public TokenPair signInAsAdmin() {
        return signIn(InitialAdmin.USERNAME, ADMIN_PASSWORD);
    }

    /** Creates a user with {@link #PASSWORD} and the role; returns the username. */
    String createUser(String role) {
        String username = newUsername(role);
        MvcTestResult result = postJson("/api/auth/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}",
                signInAsAdmin().accessToken(), newAddress());
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return username;
    }

    public TokenPair signInAsNew(String role) {
        return signIn(createUser(role), PASSWORD);
    }

    MvcTestResult refresh(String refreshToken) {
        return postJson("/api/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null, newAddress());
    }

    public MvcTestResult get(String path, String accessToken) {
        return mvc.get().uri(path).headers(h -> bearer(h, accessToken)).exchange();
    }

    public MvcTestResult postJson(String path, String json, String accessToken) {
        return postJson(path, json, accessToken, newAddress());
    }

    MvcTestResult postJson(String path, String json, String accessToken, String address) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json)
                .headers(h -> bearer(h, accessToken))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .exchange();
    }

    public MvcTestResult putJson(String path, String json, String accessToken) {
        return mvc.put().uri(path).contentType(MediaType.APPLICATION_JSON).content(json)
                .headers(h -> bearer(h, accessToken)).exchange();
    }

    public MvcTestResult delete(String path, String accessToken) {
        return mvc.delete().uri(path).headers(h -> bearer(h, accessToken)).exchange();
    }

    static TokenPair tokens(MvcTestResult result) {
        String body = body(result);
        return new TokenPair(JsonPath.read(body, "$.data.accessToken"), JsonPath.read(body, "$.data.refreshToken"),
                ((Number) JsonPath.read(body, "$.data.expiresIn")).longValue());
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts an API.md error envelope and returns its message. */
    public static String error(MvcTestResult result, HttpStatus status, String code) {
        assertThat(result).hasStatus(status);
        String body = body(result);
        assertThat(JsonPath.<Boolean>read(body, "$.success")).isFalse();
        assertThat(JsonPath.<String>read(body, "$.error.code")).isEqualTo(code);
        return JsonPath.read(body, "$.error.message");
    }

    private static void bearer(HttpHeaders headers, String accessToken) {
        if (accessToken != null) {
            headers.setBearerAuth(accessToken);
        }
    }
}
