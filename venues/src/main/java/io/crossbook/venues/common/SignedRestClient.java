package io.crossbook.venues.common;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Signs and sends requests to an exchange's private REST API and hands back its answer, whatever the
 * status, for the venue's own reading of its error bodies. What says the exchange cannot serve us is an
 * {@link ExchangeUnavailableException}: no connection, a timeout, 5xx (the exchange's own failure), and
 * 429 or 418 as a {@link RateLimitedException} with the Retry-After. After a timeout or a 5xx the
 * outcome of the request is unknown: the exchange may have carried it out.
 */
public final class SignedRestClient {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** When a 429 or 418 names no Retry-After. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final HttpClient http;
    private final Duration timeout;

    public SignedRestClient(HttpClient http) {
        this(http, DEFAULT_TIMEOUT);
    }

    public SignedRestClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * Signs the request just before sending it, so its timestamp is fresh; the arguments are those of
     * {@link RequestSigner#sign}. The answer's body has the signer's credentials masked.
     */
    public RestResponse send(RequestSigner signer, String method, String path, String query, String body) {
        SignedRequest request = signer.sign(method, path, query, body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout)
                .method(request.method(), request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ExchangeUnavailableException(request.describe() + " failed: " + RestClient.describe(e), e);
        } catch (HttpTimeoutException e) {
            throw new ExchangeUnavailableException(request.describe() + " timed out after " + timeout.toMillis()
                    + " ms; whether the exchange carried it out is unknown", e, true);
        } catch (IOException e) {
            throw new ExchangeUnavailableException(request.describe() + " failed: " + RestClient.describe(e), e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException(request.describe() + " was interrupted", e);
        }
        int status = response.statusCode();
        RestResponse answer = new RestResponse(request.describe(), status, signer.redact(response.body()),
                response.headers());
        if (status == 429 || status == 418) {
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(SignedRestClient::seconds)
                    .orElse(DEFAULT_RETRY_AFTER);
            throw new RateLimitedException(answer.endpoint() + " answered HTTP " + status
                    + (status == 418 ? ": banned for sending through rate limits" : ": rate limited")
                    + ", retry after " + retryAfter.toSeconds() + " s: " + answer.abbreviatedBody(), retryAfter, status == 418);
        }
        if (status >= 500) {
            throw new ExchangeUnavailableException(answer.endpoint() + " answered HTTP " + status + ": "
                    + answer.abbreviatedBody() + "; whether the exchange carried it out is unknown", null, true);
        }
        return answer;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
