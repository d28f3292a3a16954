package io.crossbook.server.risk;

import io.crossbook.store.risk.AlertRepository;
import io.crossbook.store.risk.RiskLimitRepository;
import io.crossbook.store.risk.TradingStateRepository;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The risk tables' repositories (store, migration V4). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskProperties.class)
class RiskConfiguration {

    @Bean
    RiskLimitRepository riskLimitRepository(DataSource dataSource) {
        return new RiskLimitRepository(dataSource);
    }

    @Bean
    TradingStateRepository tradingStateRepository(JdbcClient jdbc) {
        return new TradingStateRepository(jdbc);
    }

    @Bean
    AlertRepository alertRepository(DataSource dataSource) {
        return new AlertRepository(dataSource);
    }
}
