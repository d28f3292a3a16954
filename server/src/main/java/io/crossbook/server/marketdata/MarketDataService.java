package io.crossbook.server.marketdata;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.RestClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Owns the QingXi collectors of the configured feeds: starts them with the server, logs their state. */
@Service
public class MarketDataService implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataService.class);

    private final Map<String, Collector> collectors = new LinkedHashMap<>();

    public MarketDataService(MarketDataProperties properties) {
        RestClient rest = new RestClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        for (String feed : properties.feeds()) {
            String[] parts = feed.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("crossbook.market-data.feeds entry must be venue:market:SYMBOL[,SYMBOL], not '" + feed + "'");
            }
            Collector c = new Collector(Venue.parse(parts[0]), Market.parse(parts[1]),
                    Arrays.stream(parts[2].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    properties.cleaningRules(), MarketDataListener.NONE, rest);
            collectors.put(c.id(), c);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startAll() {
        collectors.values().forEach(Collector::start);
        LOG.info("market data: started {}", collectors.keySet());
    }

    public List<Collector> collectors() {
        return new ArrayList<>(collectors.values());
    }

    @Scheduled(fixedDelayString = "${crossbook.market-data.log-every:30s}", initialDelayString = "${crossbook.market-data.log-every:30s}")
    public void logState() {
        for (Collector c : collectors.values()) {
            CollectorStats s = c.stats();
            LOG.info("{} {}{}: {} msg/s, books in sync {}/{}, gaps {}, resyncs {}, checksum failures {}, anomalies {}",
                    s.id(), s.status(), "CONNECTED".equals(s.status()) || s.detail() == null ? "" : " (" + s.detail() + ")",
                    s.messagesPerSecond(), s.booksInSync(), s.symbols().size(), s.gaps(), s.resyncs(),
                    s.checksumFailures(), s.anomalies());
        }
    }

    @Override
    public void destroy() {
        collectors.values().forEach(Collector::stop);
    }
}
