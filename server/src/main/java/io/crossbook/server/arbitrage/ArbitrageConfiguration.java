package io.crossbook.server.arbitrage;

import io.crossbook.store.trading.ExecutionRepository;
import io.crossbook.store.trading.OpportunityRepository;
import io.crossbook.store.trading.PairRepository;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The arbitrage tables' repositories (store, migration V3). */
@Configuration(proxyBeanMethods = false)
class ArbitrageConfiguration {

    @Bean
    PairRepository pairRepository(JdbcClient jdbc) {
        return new PairRepository(jdbc);
    }

    @Bean
    ExecutionRepository executionRepository(DataSource dataSource) {
        return new ExecutionRepository(dataSource);
    }

    @Bean
    OpportunityRepository opportunityRepository(DataSource dataSource) {
        return new OpportunityRepository(dataSource);
    }
}
