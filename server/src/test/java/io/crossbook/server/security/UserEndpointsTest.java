package io.crossbook.server.security;

import static io.crossbook.server.security.TestClient.PASSWORD;
import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** POST, GET /api/auth/users and DELETE /api/auth/users/{username}, end to end. */
@ServerTest
class UserEndpointsTest {
    @Autowired
    MockMvcTester mvc;
    TestClient client;
    String admin;

    @BeforeEach
    void signIn() {
        client = new TestClient(mvc);
        admin = client.signInAsAdmin().accessToken();
    }

    @Test
    void anAdminCreatesAUserWhoCanThenSignIn() {
        String username = TestClient.newUsername("carol");

        MvcTestResult result = client.postJson("/api/auth/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}", admin);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        Map<String, Object> user = JsonPath.read(TestClient.body(result), "$.data");
        assertThat(user).containsOnlyKeys("username", "role", "createdAt")
                .containsEntry("username", username).containsEntry("role", "viewer");
        assertThat(((Number) user.get("createdAt")).longValue()).isCloseTo(System.currentTimeMillis(),
                within(60_000L));
        assertThat(client.signIn(username, PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void theListShowsEveryUserButNoPasswordOrHash() {
        String viewer = client.createUser("viewer");

        MvcTestResult result = client.get("/api/auth/users", admin);

        assertThat(result).hasStatus(HttpStatus.OK);
        String body = TestClient.body(result);
        List<String> usernames = JsonPath.read(body, "$.data[*].username");
        assertThat(usernames).contains("admin", viewer).isSorted();
        assertThat(JsonPath.<List<Map<String, Object>>>read(body, "$.data"))
                .allSatisfy(u -> assertThat(u).containsOnlyKeys("username", "role", "createdAt"));
        assertThat(body).doesNotContain("$2a$").doesNotContainIgnoringCase("hash").doesNotContainIgnoringCase("password");
    }

    @Test
    void aTakenUsernameIsAConflictAndChangesNothing() {
        String viewer = client.createUser("viewer");
        String before = TestClient.body(client.get("/api/auth/users", admin));

        MvcTestResult result = client.postJson("/api/auth/users",
                "{\"username\":\"" + viewer + "\",\"password\":\"another long password\",\"role\":\"admin\"}", admin);

        assertThat(error(result, HttpStatus.CONFLICT, "CONFLICT")).isEqualTo("user '" + viewer + "' already exists");
        assertThat(TestClient.body(client.get("/api/auth/users", admin))).isEqualTo(before);
        assertThat(client.signIn(viewer, PASSWORD).accessToken()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            short password      | {"username":"u-short","password":"elevenchars","role":"viewer"}  | password: must be at least 12 characters
            password over 72 bytes | {"username":"u-long","password":"ééééééééééééééééééééééééééééééééééééé","role":"viewer"} | password: must be at most 72 bytes
            missing password    | {"username":"u-nopass","role":"viewer"}                          | password: must not be null
            unknown role        | {"username":"u-root","password":"long enough password","role":"root"} | role: must be admin or viewer
            uppercase role      | {"username":"u-caps","password":"long enough password","role":"ADMIN"} | role: must be admin or viewer
            missing role        | {"username":"u-norole","password":"long enough password"}        | role: must not be null
            bad username        | {"username":"Bob Smith","password":"long enough password","role":"viewer"} | username: must be 1 to 64 lowercase
            missing username    | {"password":"long enough password","role":"viewer"}              | username: must not be blank
            unknown field       | {"username":"u-extra","password":"long enough password","role":"viewer","admin":true} | admin: unknown field
            wrong type          | {"username":"u-type","password":"long enough password","role":{"name":"viewer"}} | role:
            malformed JSON      | {"username":"u-json","password":                                | malformed JSON
            """)
    void badInputIsAValidationErrorNamingTheFieldAndCreatesNoOne(String name, String json, String message) {
        String before = TestClient.body(client.get("/api/auth/users", admin));

        MvcTestResult result = client.postJson("/api/auth/users", json, admin);

        assertThat(error(result, HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith(message);
        assertThat(TestClient.body(client.get("/api/auth/users", admin))).isEqualTo(before);
    }

    @Test
    void deletingAUserEndsTheirSessionsAtOnce() {
        String viewer = client.createUser("viewer");
        TokenPair tokens = client.signIn(viewer, PASSWORD);

        MvcTestResult result = client.delete("/api/auth/users/" + viewer, admin);

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.data.username").isEqualTo(viewer);
        error(client.get("/api/qingxi/collectors/list", tokens.accessToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(client.refresh(tokens.refreshToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(client.login(viewer, PASSWORD, TestClient.newAddress()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertThat(JsonPath.<List<String>>read(TestClient.body(client.get("/api/auth/users", admin)), "$.data[*].username"))
                .doesNotContain(viewer);
    }

    @Test
    void deletingAnUnknownUserIsNotFound() {
        assertThat(error(client.delete("/api/auth/users/nobody-here", admin), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("no user 'nobody-here'");
    }

    @Test
    void aViewerCanNeitherListNorCreateNorDeleteUsers() {
        String viewer = client.signInAsNew("viewer").accessToken();
        String other = client.createUser("viewer");

        error(client.get("/api/auth/users", viewer), HttpStatus.FORBIDDEN, "FORBIDDEN");
        error(client.postJson("/api/auth/users",
                "{\"username\":\"sneaky\",\"password\":\"long enough password\",\"role\":\"admin\"}", viewer),
                HttpStatus.FORBIDDEN, "FORBIDDEN");
        error(client.delete("/api/auth/users/" + other, viewer), HttpStatus.FORBIDDEN, "FORBIDDEN");

        assertThat(client.signIn(other, PASSWORD).accessToken()).isNotBlank();
        assertThat(JsonPath.<List<String>>read(TestClient.body(client.get("/api/auth/users", admin)), "$.data[*].username"))
                .doesNotContain("sneaky");
    }

    @Test
    void anAnonymousCallerIsAskedToSignIn() {
        assertThat(error(client.get("/api/auth/users", null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"))
                .startsWith("sign in first");
    }
}
