package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.server.settings.CredentialsProperties.EnvironmentKeys;
import io.crossbook.store.credentials.CredentialRepository;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** What stops the server from starting: a master key or environment keys that cannot be what was meant. */
class ExchangeCredentialsTest {
    private static final EnvironmentKeys NONE = new EnvironmentKeys("", "", "");

    @Test
    void aMalformedMasterKeyStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> credentials(new CredentialsProperties("c2hvcnQ=", NONE, NONE, NONE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CROSSBOOK_MASTER_KEY decodes to 5 bytes; AES-256 needs exactly 32: generate one with: openssl rand -base64 32");
    }

    @Test
    void halfGivenEnvironmentKeysStopTheStart() {
        assertThatThrownBy(() -> credentials(new CredentialsProperties(TestKeys.MASTER_KEY, NONE, NONE,
                new EnvironmentKeys("okx-key-0123456789", "", "pass"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CROSSBOOK_OKX_API_KEY and CROSSBOOK_OKX_API_SECRET must be set together");
    }

    private static ExchangeCredentials credentials(CredentialsProperties properties) {
        return new ExchangeCredentials(properties, new CredentialRepository(null), event -> { },
                new StaticListableBeanFactory().getBeanProvider(Clock.class));
    }
}
