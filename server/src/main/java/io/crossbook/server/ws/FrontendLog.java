package io.crossbook.server.ws;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The front end's business events ({@code {"op":"log","event":...,"data":...}}), recorded on the
 * {@code crossbook.frontend} logger with the user who sent them. They are a record only: bounded
 * in size, written as compact JSON (so a value cannot forge log lines), never acted on.
 */
final class FrontendLog {
    private static final Logger LOG = LoggerFactory.getLogger("crossbook.frontend");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final int maxChars;

    FrontendLog(int maxChars) {
        this.maxChars = maxChars;
    }

    /** @throws IllegalArgumentException naming the field that is not acceptable */
    void record(String username, JsonNode event, JsonNode data) {
        if (event == null || !event.isString() || !EVENT.matcher(event.stringValue()).matches()) {
            throw new IllegalArgumentException("event: must be a name of 1-64 letters, digits, '_', '.', ':' or '-'");
        }
        String json = data == null || data.isNull() ? "{}" : data.toString();
        if (json.length() > maxChars) {
            json = json.substring(0, maxChars) + "...(truncated from " + json.length() + " chars)";
        }
        LOG.info("user={} event={} data={}", username, event.stringValue(), json);
    }
}
