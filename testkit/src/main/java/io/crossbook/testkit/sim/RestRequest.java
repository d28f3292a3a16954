package io.crossbook.testkit.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One REST request as it arrived: the query and body exactly as sent (signatures are computed over
 * the encoded text), and the headers with lower-case names.
 */
public record RestRequest(String method, String path, String rawQuery, String body, Map<String, String> headers) {

    public RestRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? "" : body;
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
    }

    /** A header's value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The decoded parameters of the query and of a form body; a parameter in both takes the query's
     * value, as Binance documents.
     */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>(decodeForm(body));
        params.putAll(decodeForm(rawQuery));
        return params;
    }

    /** Decodes {@code a=1&b=x%20y} into its parameters, in order. */
    public static Map<String, String> decodeForm(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
