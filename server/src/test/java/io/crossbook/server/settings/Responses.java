package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Reading API.md envelopes in endpoint tests. */
public final class Responses {
    private Responses() {
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts a success envelope with the status and returns the body. */
    public static String ok(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.OK);
        String body = body(result);
        assertThat(JsonPath.<Boolean>read(body, "$.success")).isTrue();
        return body;
    }

    /** Asserts an error envelope with the code (and its status) and returns the message. */
    public static String error(MvcTestResult result, HttpStatus status, String code) {
        String body = body(result);
        assertThat(result).as(body).hasStatus(status);
        assertThat(JsonPath.<Boolean>read(body, "$.success")).isFalse();
        assertThat(JsonPath.<String>read(body, "$.error.code")).isEqualTo(code);
        return JsonPath.read(body, "$.error.message");
    }

    public static <T> T read(String body, String path) {
        return JsonPath.read(body, path);
    }
}
