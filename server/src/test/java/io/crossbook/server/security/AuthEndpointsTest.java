package io.crossbook.server.security;

import static io.crossbook.server.security.TestClient.PASSWORD;
import static io.crossbook.server.security.TestClient.error;
import static io.crossbook.server.security.TestClient.newAddress;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** POST /api/auth/login, /refresh and /logout, end to end. */
@ServerTest
class AuthEndpointsTest {
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;
    TestClient client;

    @BeforeEach
    void client() {
        client = new TestClient(mvc);
    }

    @Test
    void signInAnswersAnAccessTokenARefreshTokenAndTheLifetime() {
        MvcTestResult result = client.login("admin", TestClient.ADMIN_PASSWORD, newAddress());

        assertThat(result).hasStatus(HttpStatus.OK);
        String body = TestClient.body(result);
        assertThat(JsonPath.<Boolean>read(body, "$.success")).isTrue();
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.data"))
                .containsOnlyKeys("accessToken", "refreshToken", "expiresIn")
                .containsEntry("expiresIn", 900);
        TokenPair tokens = TestClient.tokens(result);
        assertThat(client.get("/api/auth/users", tokens.accessToken())).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        String viewer = client.createUser("viewer");

        MvcTestResult unknownUser = client.login("nobody-" + viewer, PASSWORD, newAddress());
        MvcTestResult wrongPassword = client.login(viewer, PASSWORD + "!", newAddress());

        assertThat(error(unknownUser, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED")).isEqualTo("wrong username or password");
        assertThat(TestClient.body(wrongPassword)).isEqualTo(TestClient.body(unknownUser));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON        | {"username":"admin","password":     | malformed JSON
            missing username      | {"password":"x"}                     | username: must not be blank
            missing password      | {"username":"admin"}                 | password: must not be blank
            blank password        | {"username":"admin","password":" "}  | password: must not be blank
            unknown field         | {"username":"admin","password":"x","remember":true} | remember: unknown field
            object for a string   | {"username":{"name":"admin"},"password":"x"}        | username:
            array for a string    | {"username":"admin","password":["x"]}               | password:
            uppercase username    | {"username":"Admin","password":"x"}  | username: must be 1 to 64 lowercase letters
            """)
    void badSignInInputIsAValidationErrorNamingTheFieldAndStartsNoSession(String name, String json, String message) {
        long sessions = sessions();

        MvcTestResult result = client.postJson("/api/auth/login", json, null);

        assertThat(error(result, HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith(message);
        assertThat(sessions()).isEqualTo(sessions);
    }

    @Test
    void noBodyAtAllIsAValidationError() {
        MvcTestResult result = mvc.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).exchange();

        error(result, HttpStatus.BAD_REQUEST, "VALIDATION_ERROR");
    }

    @Test
    void aStaleAccessTokenSentAlongDoesNotStopSignInOrRefresh() {
        TokenPair first = client.signInAsAdmin();
        String stale = first.accessToken().substring(0, first.accessToken().length() - 2) + "xx";

        MvcTestResult login = mvc.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"admin\",\"password\":\"" + TestClient.ADMIN_PASSWORD + "\"}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + stale)
                .with(request -> {
                    request.setRemoteAddr(newAddress());
                    return request;
                }).exchange();
        MvcTestResult refresh = mvc.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\":\"" + first.refreshToken() + "\"}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + stale).exchange();

        assertThat(login).hasStatus(HttpStatus.OK);
        assertThat(refresh).hasStatus(HttpStatus.OK);
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        TokenPair first = client.signInAsNew("viewer");

        MvcTestResult result = client.refresh(first.refreshToken());

        assertThat(result).hasStatus(HttpStatus.OK);
        TokenPair second = TestClient.tokens(result);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.expiresIn()).isEqualTo(900);
        assertThat(client.get("/api/qingxi/collectors/list", second.accessToken())).hasStatus(HttpStatus.OK);
        assertThat(client.refresh(second.refreshToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        TokenPair first = client.signInAsNew("viewer");
        TokenPair second = TestClient.tokens(client.refresh(first.refreshToken()));

        MvcTestResult replay = client.refresh(first.refreshToken());

        assertThat(error(replay, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED")).contains("sign in again");
        error(client.refresh(second.refreshToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(client.get("/api/qingxi/collectors/list", second.accessToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(client.get("/api/qingxi/collectors/list", first.accessToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void reuseRevokesOnlyThatSession() {
        String user = client.createUser("viewer");
        TokenPair stolen = client.signIn(user, PASSWORD);
        TokenPair otherDevice = client.signIn(user, PASSWORD);
        client.refresh(stolen.refreshToken());

        client.refresh(stolen.refreshToken());

        assertThat(client.get("/api/qingxi/collectors/list", otherDevice.accessToken())).hasStatus(HttpStatus.OK);
        assertThat(client.refresh(otherDevice.refreshToken())).hasStatus(HttpStatus.OK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing token  | {}                            | refreshToken: must not be blank
            wrong type     | {"refreshToken":{"a":1}}      | refreshToken:
            unknown field  | {"refreshToken":"x","a":1}    | a: unknown field
            malformed JSON | {"refreshToken":              | malformed JSON
            """)
    void badRefreshInputIsAValidationError(String name, String json, String message) {
        assertThat(error(client.postJson("/api/auth/refresh", json, null), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .startsWith(message);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        error(client.refresh("not-a-token-we-issued"), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        TokenPair tokens = client.signInAsNew("viewer");
        jdbc.sql("UPDATE refresh_tokens SET expires_at = :now WHERE rotated_at IS NULL AND session_id = :sid")
                .param("now", System.currentTimeMillis())
                .param("sid", sessionOf(tokens.accessToken()))
                .update();

        error(client.refresh(tokens.refreshToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void anExpiredAccessTokenIsRefusedAndItsRefreshTokenStillWorks() {
        TokenPair tokens = client.signInAsNew("viewer");
        Clock sixteenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        JwtAccessTokens issuer = new JwtAccessTokens(SigningKeys.hs256(TestClient.JWT_SECRET), Duration.ofMinutes(15),
                sixteenMinutesAgo, sid -> true);
        String expired = issuer.issue(usernameOf(tokens.accessToken()), AccessTokens.Role.VIEWER,
                sessionOf(tokens.accessToken())).value();

        MvcTestResult result = client.get("/api/qingxi/collectors/list", expired);

        assertThat(error(result, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED")).contains("expired");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        assertThat(client.refresh(tokens.refreshToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        TokenPair tokens = client.signInAsNew("admin");
        JwtAccessTokens forger = new JwtAccessTokens(SigningKeys.hs256("another key that is 32 bytes or longer"),
                Duration.ofMinutes(15), Clock.systemUTC(), sid -> true);
        String forged = forger.issue(usernameOf(tokens.accessToken()), AccessTokens.Role.ADMIN,
                sessionOf(tokens.accessToken())).value();

        error(client.get("/api/auth/users", forged), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @Test
    void logoutWithoutABodyEndsEverySessionOfTheCaller() {
        String user = client.createUser("viewer");
        TokenPair laptop = client.signIn(user, PASSWORD);
        TokenPair phone = client.signIn(user, PASSWORD);
        TokenPair someoneElse = client.signInAsNew("viewer");

        MvcTestResult result = mvc.post().uri("/api/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + laptop.accessToken())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.data.sessionsEnded").isEqualTo(2);
        for (TokenPair ended : new TokenPair[] {laptop, phone}) {
            error(client.get("/api/qingxi/collectors/list", ended.accessToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
            error(client.refresh(ended.refreshToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        }
        assertThat(client.get("/api/qingxi/collectors/list", someoneElse.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void logoutWithARefreshTokenEndsOnlyThatSession() {
        String user = client.createUser("viewer");
        TokenPair laptop = client.signIn(user, PASSWORD);
        TokenPair phone = client.signIn(user, PASSWORD);

        MvcTestResult result = client.postJson("/api/auth/logout", "{\"refreshToken\":\"" + phone.refreshToken() + "\"}",
                laptop.accessToken());

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.data.sessionsEnded").isEqualTo(1);
        error(client.refresh(phone.refreshToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        error(client.get("/api/qingxi/collectors/list", phone.accessToken()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertThat(client.get("/api/qingxi/collectors/list", laptop.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void logoutCannotEndSomeoneElsesSession() {
        TokenPair victim = client.signInAsNew("viewer");
        TokenPair caller = client.signInAsNew("viewer");

        MvcTestResult result = client.postJson("/api/auth/logout", "{\"refreshToken\":\"" + victim.refreshToken() + "\"}",
                caller.accessToken());

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.data.sessionsEnded").isEqualTo(0);
        assertThat(client.get("/api/qingxi/collectors/list", victim.accessToken())).hasStatus(HttpStatus.OK);
        assertThat(client.get("/api/qingxi/collectors/list", caller.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void logoutNeedsASignedInCaller() {
        error(client.postJson("/api/auth/logout", "{}", null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blank token    | {"refreshToken":""}         | refreshToken: must not be blank
            wrong type     | {"refreshToken":["x"]}      | refreshToken:
            unknown field  | {"everywhere":true}         | everywhere: unknown field
            malformed JSON | {"refreshToken"             | malformed JSON
            """)
    void badLogoutInputIsAValidationErrorAndEndsNothing(String name, String json, String message) {
        TokenPair tokens = client.signInAsNew("viewer");

        MvcTestResult result = client.postJson("/api/auth/logout", json, tokens.accessToken());

        assertThat(error(result, HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith(message);
        assertThat(client.get("/api/qingxi/collectors/list", tokens.accessToken())).hasStatus(HttpStatus.OK);
    }

    @Test
    void fiveFailuresLockAUsernameEvenForTheRightPassword() {
        String user = client.createUser("viewer");
        for (int i = 0; i < 5; i++) {
            error(client.login(user, "wrong password " + i, newAddress()), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        }

        MvcTestResult locked = client.login(user, PASSWORD, newAddress());

        assertThat(error(locked, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED")).contains("too many failed sign-ins");
        long retryAfter = Long.parseLong(locked.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(890L, 900L);
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryUsername() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            error(client.login(TestClient.newUsername("guess"), "password " + i, address), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        }
        String user = client.createUser("viewer");

        error(client.login(user, PASSWORD, address), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        assertThat(client.login(user, PASSWORD, newAddress())).hasStatus(HttpStatus.OK);
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesFailures() {
        String user = client.createUser("viewer");
        for (int i = 0; i < 4; i++) {
            client.login(user, "wrong password " + i, newAddress());
        }
        client.signIn(user, PASSWORD);
        for (int i = 0; i < 4; i++) {
            client.login(user, "wrong password " + i, newAddress());
        }

        assertThat(client.login(user, PASSWORD, newAddress())).hasStatus(HttpStatus.OK);
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM user_sessions").query(Long.class).single();
    }

    private static String sessionOf(String accessToken) {
        return JsonPath.read(payload(accessToken), "$.sid");
    }

    private static String usernameOf(String accessToken) {
        return JsonPath.read(payload(accessToken), "$.sub");
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
