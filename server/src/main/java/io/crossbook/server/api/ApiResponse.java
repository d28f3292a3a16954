package io.crossbook.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The envelope of every REST response (API.md "Envelope and errors"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, Error error) {

    public record Error(String code, String message) {
    }

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static ApiResponse<Void> failure(ErrorCode code, String message) {
        return new ApiResponse<>(false, null, new Error(code.name(), message));
    }
}
