package io.crossbook.testkit.sim;

import java.util.HashMap;
import java.util.Map;

/** The simulator's answer to a REST request: status, JSON body and extra headers. */
public record RestAnswer(int status, String body, Map<String, String> headers) {

    public RestAnswer {
        headers = Map.copyOf(headers);
    }

    public static RestAnswer json(int status, String body) {
        return new RestAnswer(status, body, Map.of());
    }

    public RestAnswer withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new RestAnswer(status, body, more);
    }

    public boolean ok() {
        return status / 100 == 2;
    }
}
