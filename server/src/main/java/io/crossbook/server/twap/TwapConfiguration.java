package io.crossbook.server.twap;

import io.crossbook.store.trading.OrderRepository;
import io.crossbook.store.twap.TwapRepository;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plans' tables (store, migration V5), and the orders a restart settles a slice in flight from. */
@Configuration(proxyBeanMethods = false)
class TwapConfiguration {

    @Bean
    TwapRepository twapRepository(DataSource dataSource) {
        return new TwapRepository(dataSource);
    }

    @Bean
    OrderRepository orderRepository(JdbcClient jdbc) {
        return new OrderRepository(jdbc);
    }
}
