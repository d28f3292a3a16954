package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.server.api.ApiException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tries exchanges' keys with a real signed read-only call (the account balances) and remembers each
 * exchange's last outcome until its keys change: that outcome is what "connected" means.
 */
@Service
public class ConnectionTests {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTests.class);

    private final ExchangeCredentials credentials;
    private final ExchangeClients clients;
    private final Clock clock;
    private final Map<Venue, KeyTestResult> last = new ConcurrentHashMap<>();

    public ConnectionTests(ExchangeCredentials credentials, ExchangeClients clients, ObjectProvider<Clock> clock) {
        this.credentials = credentials;
        this.clients = clients;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Tests every exchange that has keys, at once (each call may take up to its timeout). */
    public Map<Venue, KeyTestResult> runAll() {
        List<Venue> venues = Arrays.stream(Venue.values()).filter(this::hasKeys).toList();
        if (venues.isEmpty()) {
            throw ApiException.validation("no exchange has API keys to test: store them with PUT /api/settings/api"
                    + " or give them in the environment (CROSSBOOK_<EXCHANGE>_API_KEY, _API_SECRET)");
        }
        return run(venues);
    }

    /** Tests one exchange's keys; {@code VALIDATION_ERROR} naming {@code exchange} when it has none. */
    public Map<Venue, KeyTestResult> run(Venue venue) {
        if (!hasKeys(venue)) {
            throw ApiException.validation("exchange: " + venue.id() + " has no API keys to test");
        }
        return run(List.of(venue));
    }

    public Optional<KeyTestResult> last(Venue venue) {
        return Optional.ofNullable(last.get(venue));
    }

    @TransactionalEventListener
    void keysChanged(ExchangeKeysChanged event) {
        last.remove(event.venue());
    }

    /** Keys that cannot be read count too: the test then reports why. */
    private boolean hasKeys(Venue venue) {
        return credentials.describe(venue).source() != CredentialSource.NONE;
    }

    private Map<Venue, KeyTestResult> run(List<Venue> venues) {
        Map<Venue, Future<KeyTestResult>> running = new EnumMap<>(Venue.class);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            venues.forEach(venue -> running.put(venue, pool.submit(() -> test(venue))));
        }
        Map<Venue, KeyTestResult> results = new EnumMap<>(Venue.class);
        running.forEach((venue, result) -> results.put(venue, done(result)));
        return results;
    }

    private KeyTestResult test(Venue venue) {
        KeyTestResult result;
        try {
            int assets = credentials.find(venue)
                    .map(keys -> clients.balances(venue, keys).size())
                    .orElseThrow(() -> ApiException.validation(venue.id() + " has no API keys"));
            result = new KeyTestResult(true, null, "signed read-only account call succeeded: " + assets + " assets with a balance",
                    clock.millis());
        } catch (ApiException e) {
            result = new KeyTestResult(false, e.code().name(), e.getMessage(), clock.millis());
        }
        last.put(venue, result);
        if (result.ok()) {
            LOG.info("{} API key test: ok", venue.id());
        } else {
            LOG.warn("{} API key test failed: {}, {}", venue.id(), result.code(), result.message());
        }
        return result;
    }

    private static KeyTestResult done(Future<KeyTestResult> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("API key test failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while testing API keys", e);
        }
    }
}
