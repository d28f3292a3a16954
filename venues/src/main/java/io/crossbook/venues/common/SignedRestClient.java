package io.crossbook.venues.common;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Signs and sends requests to an exchange's private REST API and hands back its answer, whatever the
 * status, for the venue's own reading of its error bodies. What says the exchange cannot serve us is an
 * {@link ExchangeUnavailableException}: no connection, a timeout, 429 or 418 (rate limited or banned for
 * a while; the Retry-After is in the message), and 5xx (the exchange's own failure, where the outcome
 * of the request is unknown).
 */
public final class SignedRestClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;

    public SignedRestClient(HttpClient http) {
        this.http = http;
    }

    /**
     * Signs the request just before sending it, so its timestamp is fresh; the arguments are those of
     * {@link RequestSigner#sign}. The answer's body has the signer's credentials masked.
     */
    public RestResponse send(RequestSigner signer, String method, String path, String query, String body) {
        SignedRequest request = signer.sign(method, path, query, body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(TIMEOUT)
                .method(request.method(), request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ExchangeUnavailableException(request.describe() + " failed: " + RestClient.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException(request.describe() + " was interrupted", e);
        }
        int status = response.statusCode();
        RestResponse answer = new RestResponse(request.describe(), status, signer.redact(response.body()));
        if (status == 429 || status == 418) {
            String retryAfter = response.headers().firstValue("Retry-After").map(s -> ", retry after " + s + " s").orElse("");
            throw new ExchangeUnavailableException(answer.endpoint() + " answered HTTP " + status + ": rate limited" + retryAfter, null);
        }
        if (status >= 500) {
            throw new ExchangeUnavailableException(answer.endpoint() + " answered HTTP " + status + ": " + answer.abbreviatedBody(), null);
        }
        return answer;
    }
}
