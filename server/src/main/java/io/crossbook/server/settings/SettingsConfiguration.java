package io.crossbook.server.settings;

import io.crossbook.store.credentials.CredentialRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store's credential repository on the server's database. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    CredentialRepository credentialRepository(JdbcClient jdbc) {
        return new CredentialRepository(jdbc);
    }
}
