package io.crossbook.server.api;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become API.md envelopes. Bad input is always
 * {@code VALIDATION_ERROR} naming the field; anything unexpected is {@code INTERNAL_ERROR} with a
 * reference to the server log, never the exception's text (it might carry a secret).
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    public static ResponseEntity<ApiResponse<Void>> respond(ErrorCode code, String message) {
        return ResponseEntity.status(code.status()).body(ApiResponse.failure(code, message));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        return respond(e.code(), e.getMessage());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ApiResponse<Void>> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(e.code().status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ApiResponse.failure(e.code(), e.getMessage()));
    }

    /** {@code @Valid} bodies and bound parameter objects. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiResponse<Void>> invalidBody(BindException e) {
        String message = e.getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = e.getAllErrors().stream().map(o -> o.getObjectName() + ": " + o.getDefaultMessage())
                    .collect(Collectors.joining("; "));
        }
        return respond(ErrorCode.VALIDATION_ERROR, message);
    }

    /** Constraints on path variables and request parameters. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> invalidParameter(HandlerMethodValidationException e) {
        String message = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err ->
                        parameterName(r.getMethodParameter().getParameterName()) + ": " + err.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(ErrorCode.VALIDATION_ERROR, message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Void>> constraint(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(ErrorCode.VALIDATION_ERROR, message);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "a valid value"
                : type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase()
                : "a valid " + type.getSimpleName();
        return respond(ErrorCode.VALIDATION_ERROR, e.getName() + ": must be " + expected + ", not '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingRequestValueException.class)
    ResponseEntity<ApiResponse<Void>> missing(MissingRequestValueException e) {
        return respond(ErrorCode.VALIDATION_ERROR, e.getBody().getDetail());
    }

    /** Malformed JSON, wrong types, unknown enum values or fields, numbers out of range. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            String field = fieldPath(d);
            String problem = d instanceof UnrecognizedPropertyException ? "unknown field" : d.getOriginalMessage();
            return respond(ErrorCode.VALIDATION_ERROR, field + ": " + problem);
        }
        if (cause instanceof JacksonException j) {
            return respond(ErrorCode.VALIDATION_ERROR, "malformed JSON: " + j.getOriginalMessage());
        }
        return respond(ErrorCode.VALIDATION_ERROR, "request body is missing or not JSON");
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeException e) {
        return respond(ErrorCode.VALIDATION_ERROR, e.getMessage());
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ApiResponse<Void>> noRoute(Exception e) {
        return respond(ErrorCode.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiResponse<Void>> denied(AccessDeniedException e) {
        return respond(ErrorCode.FORBIDDEN, "this operation needs the admin role");
    }

    /** Also what the security filters answer (through SecurityErrors) before a controller runs. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiResponse<Void>> unauthenticated(AuthenticationException e) {
        boolean tokenRejected = e instanceof OAuth2AuthenticationException;
        String message = tokenRejected
                ? "the access token is invalid, expired or revoked; refresh it or sign in again"
                : "sign in first: this needs an access token (Authorization: Bearer <token>)";
        return ResponseEntity.status(ErrorCode.UNAUTHORIZED.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer")
                .body(ApiResponse.failure(ErrorCode.UNAUTHORIZED, message));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        String ref = Long.toHexString(System.nanoTime());
        LOG.error("unhandled error, ref {}", ref, e);
        return respond(ErrorCode.INTERNAL_ERROR, "internal error (ref " + ref + "); see the server log");
    }

    /** Where in the body a binding failed: {@code items[1].exchange}; empty at the top level. */
    public static String fieldPath(DatabindException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String parameterName(String name) {
        return name == null ? "parameter" : name;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
