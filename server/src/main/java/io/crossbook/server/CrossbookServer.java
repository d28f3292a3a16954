package io.crossbook.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Crossbook platform: live market data and, as later capabilities land, the API and engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CrossbookServer {
    /**
     * Starts the server with Spring's arguments ({@code crossbook serve} has taken its own). Also
     * the entry point of the DevTools loop ({@code spring-boot:run}), which restarts it with the
     * same arguments.
     */
    public static void main(String[] args) {
        SpringApplication.run(CrossbookServer.class, args);
    }
}
