package io.crossbook.server.security;

import io.crossbook.server.api.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, token refresh and sign-out (API.md "Auth"). */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "auth")
public class AuthController {
    private final AuthService auth;

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Sign in", description = "Returns an access token, a refresh token and the access token's "
            + "lifetime in seconds. Repeated failures for a username or from an address are refused with RATE_LIMITED.")
    public ApiResponse<TokenPair> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return ApiResponse.ok(auth.login(body.username(), body.password(), request.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(summary = "Exchange a refresh token for new tokens", description = "Each refresh token works once. "
            + "Presenting one that was already used revokes its whole session.")
    public ApiResponse<TokenPair> refresh(@Valid @RequestBody RefreshRequest body) {
        return ApiResponse.ok(auth.refresh(body.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Sign out", description = "Ends the session of the given refresh token, or without a body "
            + "every session of the caller; their access tokens stop working at once.")
    public ApiResponse<LoggedOut> logout(@Valid @RequestBody(required = false) LogoutRequest body,
                                         @AuthenticationPrincipal Jwt caller) {
        String refreshToken = body == null ? null : body.refreshToken();
        return ApiResponse.ok(new LoggedOut(auth.logout(caller.getSubject(), refreshToken)));
    }
}
