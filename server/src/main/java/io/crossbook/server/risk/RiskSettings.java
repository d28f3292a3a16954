package io.crossbook.server.risk;

import io.crossbook.core.risk.RiskLimits;
import io.crossbook.core.risk.TradingState;
import io.crossbook.server.arbitrage.PaperDesk;
import io.crossbook.store.risk.AlertRepository;
import io.crossbook.store.risk.LimitChange;
import io.crossbook.store.risk.RiskLimitRepository;
import io.crossbook.store.risk.StoredTradingState;
import io.crossbook.store.risk.TradingStateRepository;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The risk engine's persisted settings: the limits an admin set (over the configured ones), their
 * audit log, the trading state the kill switch leaves behind, and the alert table. Limits are kept
 * one row per limit as their JSON text, so the audit shows each change as old → new.
 */
@Component
public class RiskSettings {
    private static final Logger LOG = LoggerFactory.getLogger(RiskSettings.class);

    private final RiskProperties properties;
    private final RiskLimitRepository limits;
    private final TradingStateRepository states;
    private final AlertRepository alerts;
    private final ObjectMapper json;

    public RiskSettings(RiskProperties properties, RiskLimitRepository limits, TradingStateRepository states,
                        AlertRepository alerts, ObjectMapper json) {
        this.properties = properties;
        this.limits = limits;
        this.states = states;
        this.alerts = alerts;
        this.json = json;
    }

    /** Where the risk engine starts: the effective limits and the last trading state (ACTIVE if never changed). */
    public PaperDesk.RiskStart start() {
        ObjectNode node = tree(properties.limits());
        for (Map.Entry<String, String> stored : limits.load().entrySet()) {
            if (node.has(stored.getKey())) {
                node.set(stored.getKey(), json.readTree(stored.getValue()));
            } else {
                LOG.warn("stored risk limit {} is no longer a limit: ignored", stored.getKey());
            }
        }
        RiskLimits effective = json.treeToValue(node, RiskLimits.class);
        return states.load()
                .map(s -> new PaperDesk.RiskStart(effective, TradingState.valueOf(s.state()), s.reason()))
                .orElse(new PaperDesk.RiskStart(effective, TradingState.ACTIVE, null));
    }

    ObjectNode tree(RiskLimits l) {
        return json.valueToTree(l);
    }

    /** Stores what changed between two sets of limits, with who and when, in one transaction; returns the changes. */
    List<LimitChange> save(RiskLimits before, RiskLimits after, String user, long ts) {
        ObjectNode old = tree(before);
        ObjectNode now = tree(after);
        List<LimitChange> changes = now.propertyNames().stream()
                .filter(name -> !old.get(name).equals(now.get(name)))
                .map(name -> new LimitChange(name, text(old.get(name)), text(now.get(name))))
                .toList();
        limits.save(changes, user, ts);
        return changes;
    }

    void saveState(TradingState state, String reason, String user, long ts) {
        states.save(new StoredTradingState(state.name(), reason, user, ts));
    }

    RiskLimitRepository limits() {
        return limits;
    }

    public AlertRepository alerts() {
        return alerts;
    }

    private static String text(JsonNode value) {
        return value.toString();
    }
}
