package io.crossbook.server.settings;

import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ApiExceptionHandler;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates request bodies that carry secrets. Jackson's messages quote the offending input
 * (an unquoted value is echoed as sent), and that input could be a secret: every refusal here names the
 * field or the position in the body, never its content. Unknown fields are refused whatever the global
 * JSON settings, so a misspelt field cannot be silently dropped.
 */
@Component
class SecretSafeBodies {
    private final JsonMapper mapper;
    private final Validator validator;

    SecretSafeBodies(JsonMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The body as a valid {@code type}; {@code VALIDATION_ERROR} naming the field otherwise. */
    <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiException.validation("request body is missing");
        }
        ObjectReader reader = mapper.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        T value;
        try {
            value = reader.readValue(body);
        } catch (DatabindException e) {
            throw ApiException.validation(problem(e));
        } catch (JacksonException e) {
            throw ApiException.validation("malformed JSON" + at(e.getLocation()));
        }
        if (value == null) {
            throw ApiException.validation("request body must be a JSON object");
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw ApiException.validation(describe(violations));
        }
        return value;
    }

    private static String problem(DatabindException e) {
        String field = ApiExceptionHandler.fieldPath(e);
        if (field.isEmpty()) {
            return "request body must be a JSON object" + at(e.getLocation());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return field + ": unknown field" + (known == null || known.isEmpty() ? ""
                    : " (expected one of " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return field + ": must be " + (mismatch.getTargetType() == String.class ? "a string" : "an object");
        }
        return field + ": invalid value";
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
    }
}
