package io.crossbook.venues.binance;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.AccountClient;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.RestResponse;
import io.crossbook.venues.common.SignedRestClient;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The spot account, {@code GET /api/v3/account} (USER_DATA, request weight 20): its {@code balances},
 * each {@code {asset, free, locked}} in decimal strings. Binance refuses with an HTTP 4xx and
 * {@code {"code": -2015, "msg": "Invalid API-key, IP, or permissions for action."}}.
 */
public final class BinanceAccount implements AccountClient {
    static final String PATH = "/api/v3/account";
    /** Binance leaves out the assets the account holds none of when asked to. */
    static final String QUERY = "omitZeroBalances=true";

    private final SignedRestClient rest;
    private final BinanceSigner signer;

    public BinanceAccount(SignedRestClient rest, BinanceSigner signer) {
        this.rest = rest;
        this.signer = signer;
    }

    @Override
    public List<Balance> balances() {
        return parse(rest.send(signer, "GET", PATH, QUERY, ""));
    }

    static List<Balance> parse(RestResponse response) {
        JsonNode root = response.json();
        if (response.status() != 200) {
            throw new ExchangeRejectedException(Venue.BINANCE, response.status(), root.path("code").asString("none"),
                    root.path("msg").asString(response.abbreviatedBody()));
        }
        List<Balance> balances = new ArrayList<>();
        for (JsonNode item : DecimalStrings.array(root, "balances", "Binance's account answer").values()) {
            Balance balance = new Balance(item.path("asset").asString(), DecimalStrings.read(item, "free"),
                    DecimalStrings.read(item, "locked"));
            if (balance.free().signum() != 0 || balance.locked().signum() != 0) {
                balances.add(balance);
            }
        }
        return balances;
    }
}
