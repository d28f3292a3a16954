package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.server.marketdata.TradingKeys;
import io.crossbook.server.settings.ExchangeKeysChanged.Change;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.store.credentials.CredentialRepository;
import io.crossbook.store.credentials.StoredCredentials;
import io.crossbook.venues.common.ApiCredentials;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The exchange API keys: from the environment, which takes precedence, or stored encrypted through the
 * settings API. Keys leave this class only as {@link ApiCredentials} for signing; everything shown or
 * logged carries the masked key at most. Every change is written to the {@code crossbook.audit} log
 * once committed: who, when, which exchange.
 */
@Service
public class ExchangeCredentials implements TradingKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeCredentials.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("crossbook.audit");
    private static final String API_KEY = "apiKey";
    private static final String SECRET = "secret";
    private static final String PASSPHRASE = "passphrase";

    private final Map<Venue, ApiCredentials> environment;
    private final Optional<CredentialCipher> cipher;
    private final CredentialRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ExchangeCredentials(CredentialsProperties properties, CredentialRepository repository,
                               ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.environment = properties.environmentKeys();
        this.cipher = MasterKey.parse(properties.masterKey()).map(key -> new CredentialCipher(key, new SecureRandom()));
        this.repository = repository;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether the exchange has keys that can sign requests; without, it is public-only (market data). */
    @Override
    public boolean hasTradingKeys(Venue venue) {
        return describe(venue).usable();
    }

    /**
     * The exchange's keys, from the environment or decrypted from the store; empty when it has none.
     * Stored keys that cannot be decrypted are an {@code INTERNAL_ERROR} that says why.
     */
    public Optional<ApiCredentials> find(Venue venue) {
        ApiCredentials fromEnvironment = environment.get(venue);
        if (fromEnvironment != null) {
            return Optional.of(fromEnvironment);
        }
        return repository.find(venue).map(stored -> {
            try {
                return decrypt(stored);
            } catch (UndecryptableCredentialsException e) {
                throw new ApiException(ErrorCode.INTERNAL_ERROR, e.getMessage());
            }
        });
    }

    public CredentialsInfo describe(Venue venue) {
        ApiCredentials fromEnvironment = environment.get(venue);
        Optional<StoredCredentials> stored = repository.find(venue);
        if (fromEnvironment != null) {
            String notice = stored.map(s -> "keys from the environment (" + CredentialsProperties.variable(venue, "KEY")
                    + ") take precedence over the keys " + s.maskedApiKey() + " stored by " + s.updatedBy() + " at "
                    + Instant.ofEpochMilli(s.updatedAt())).orElse(null);
            return new CredentialsInfo(CredentialSource.ENVIRONMENT, true, fromEnvironment.maskedApiKey(), null, null, notice);
        }
        if (stored.isEmpty()) {
            return new CredentialsInfo(CredentialSource.NONE, false, null, null, null, null);
        }
        StoredCredentials s = stored.get();
        String problem = null;
        try {
            decrypt(s);
        } catch (UndecryptableCredentialsException e) {
            problem = e.getMessage();
        }
        return new CredentialsInfo(CredentialSource.STORED, problem == null, s.maskedApiKey(), s.updatedAt(), s.updatedBy(), problem);
    }

    /**
     * Encrypts and stores the exchanges' keys, replacing theirs, all or none: without a master key
     * nothing is stored and the refusal says how to set one.
     */
    @Transactional
    public void store(Map<Venue, ApiCredentials> keys, String actor) {
        CredentialCipher cipher = this.cipher.orElseThrow(() -> new ApiException(ErrorCode.CONFLICT,
                "cannot store exchange keys: " + MasterKey.VARIABLE + " is not set. Set it to the base64 of "
                        + MasterKey.BYTES + " random bytes (openssl rand -base64 32) and restart, or give the keys in the"
                        + " environment (CROSSBOOK_<EXCHANGE>_API_KEY, _API_SECRET, CROSSBOOK_OKX_API_PASSPHRASE)"));
        long now = clock.millis();
        List<StoredCredentials> rows = new ArrayList<>();
        keys.forEach((venue, credentials) -> rows.add(new StoredCredentials(venue,
                cipher.encrypt(venue, API_KEY, credentials.apiKey()),
                cipher.encrypt(venue, SECRET, credentials.secret()),
                credentials.passphrase() == null ? null : cipher.encrypt(venue, PASSPHRASE, credentials.passphrase()),
                credentials.maskedApiKey(), cipher.masterKeyId(), now, actor)));
        for (StoredCredentials row : rows) {
            repository.save(row);
            events.publishEvent(new ExchangeKeysChanged(row.venue(), Change.STORED, row.maskedApiKey(), actor, now));
        }
    }

    /** Deletes the exchange's stored keys; {@code NOT_FOUND} when it has none stored. */
    @Transactional
    public void delete(Venue venue, String actor) {
        StoredCredentials stored = repository.find(venue).orElseThrow(() -> ApiException.notFound("no stored keys for " + venue.id()
                + (environment.containsKey(venue) ? "; its keys come from the environment ("
                + CredentialsProperties.variable(venue, "KEY") + ")" : "")));
        repository.delete(venue);
        events.publishEvent(new ExchangeKeysChanged(venue, Change.DELETED, stored.maskedApiKey(), actor, clock.millis()));
    }

    /** The audit trail, written once the change is committed: who changed which exchange's keys when, and the masked key. */
    @TransactionalEventListener
    void audit(ExchangeKeysChanged change) {
        AUDIT.info("exchange keys {}: exchange={} key={} by={} at={}{}", change.change() == Change.STORED ? "stored" : "deleted",
                change.venue().id(), change.maskedApiKey(), change.actor(), Instant.ofEpochMilli(change.at()),
                change.change() == Change.STORED && environment.containsKey(change.venue())
                        ? " (the environment's keys take precedence)" : "");
    }

    /** One line per exchange with keys, so an operator sees at start which accounts are connected and how. */
    @EventListener(ApplicationReadyEvent.class)
    public void logSources() {
        for (Venue venue : Venue.values()) {
            CredentialsInfo info = describe(venue);
            if (info.source() == CredentialSource.NONE) {
                continue;
            }
            if (info.usable()) {
                LOG.info("{} API keys {}: {}{}", venue.id(), info.source() == CredentialSource.ENVIRONMENT
                        ? "from the environment" : "stored", info.keyId(), info.notice() == null ? "" : " (" + info.notice() + ")");
            } else {
                LOG.warn("{} has stored API keys that cannot be used: {}", venue.id(), info.notice());
            }
        }
    }

    private ApiCredentials decrypt(StoredCredentials stored) {
        CredentialCipher cipher = this.cipher.orElseThrow(() -> new UndecryptableCredentialsException(
                "the stored " + stored.venue().id() + " keys cannot be read: " + MasterKey.VARIABLE + " is not set"));
        if (!cipher.masterKeyId().equals(stored.masterKeyId())) {
            throw new UndecryptableCredentialsException("the stored " + stored.venue().id() + " keys were encrypted with"
                    + " another " + MasterKey.VARIABLE + " (key id " + stored.masterKeyId() + "; the configured key's id is "
                    + cipher.masterKeyId() + "): set that key, or store the keys again");
        }
        Venue venue = stored.venue();
        return new ApiCredentials(cipher.decrypt(venue, API_KEY, stored.encryptedApiKey()),
                cipher.decrypt(venue, SECRET, stored.encryptedSecret()),
                stored.encryptedPassphrase() == null ? null : cipher.decrypt(venue, PASSPHRASE, stored.encryptedPassphrase()));
    }
}
