package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ApiResponse;
import io.crossbook.venues.common.ApiCredentials;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchange API keys (API.md, "Settings, exchanges, account"). Bodies with keys are read as bytes and
 * parsed by {@link SecretSafeBodies}, so no refusal can quote a secret back.
 */
@RestController
@RequestMapping("/api/settings/api")
public class SettingsController {
    private final ExchangeCredentials credentials;
    private final ConnectionTests tests;
    private final SecretSafeBodies bodies;

    public SettingsController(ExchangeCredentials credentials, ConnectionTests tests, SecretSafeBodies bodies) {
        this.credentials = credentials;
        this.tests = tests;
        this.bodies = bodies;
    }

    /** {@code {binance: {connected, configured, source, keyId, …}, bybit: {…}, okx: {…}}}. */
    @GetMapping
    public ApiResponse<Map<String, ExchangeKeyStatus>> status() {
        Map<String, ExchangeKeyStatus> status = new LinkedHashMap<>();
        for (Venue venue : Venue.values()) {
            status.put(venue.id(), ExchangeKeyStatus.of(credentials.describe(venue), tests.last(venue).orElse(null)));
        }
        return ApiResponse.ok(status);
    }

    /** Stores the given exchanges' keys encrypted, all or none, and answers the new status. */
    @PutMapping
    public ApiResponse<Map<String, ExchangeKeyStatus>> store(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiKeysUpdate.class)))
                                                             @RequestBody(required = false) byte[] body) {
        Map<Venue, ApiCredentials> keys = bodies.read(body, ApiKeysUpdate.class).credentials();
        if (keys.isEmpty()) {
            throw ApiException.validation("request body: give the keys of at least one exchange: binance, bybit or okx");
        }
        credentials.store(keys, actor());
        return status();
    }

    /** Deletes the exchange's stored keys (keys from the environment stay) and answers the new status. */
    @DeleteMapping("/{exchange}")
    public ApiResponse<Map<String, ExchangeKeyStatus>> delete(@PathVariable String exchange) {
        credentials.delete(Exchanges.parse("exchange", exchange), actor());
        return status();
    }

    /**
     * Tries the keys of one exchange ({@code {"exchange": "okx"}}) or of every exchange that has keys
     * (no body, or no exchange named) with a signed read-only call, and answers each outcome.
     */
    @PostMapping("/test")
    public ApiResponse<Map<String, KeyTestResult>> test(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = false, content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeyTestRequest.class)))
                                                        @RequestBody(required = false) byte[] body) {
        String exchange = body == null || body.length == 0 ? null : bodies.read(body, KeyTestRequest.class).exchange();
        Map<Venue, KeyTestResult> outcomes = exchange == null ? tests.runAll() : tests.run(Exchanges.parse("exchange", exchange));
        Map<String, KeyTestResult> results = new LinkedHashMap<>();
        outcomes.forEach((venue, result) -> results.put(venue.id(), result));
        return ApiResponse.ok(results);
    }

    /** Who is asking, for the audit log: the signed-in user's name. */
    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? "anonymous" : authentication.getName();
    }
}
