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
    public static void start(String[] args) {
        SpringApplication.run(CrossbookServer.class, args);
    }
}
