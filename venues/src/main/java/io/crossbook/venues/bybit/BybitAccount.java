package io.crossbook.venues.bybit;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.AccountClient;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.common.DecimalStrings;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.RestResponse;
import io.crossbook.venues.common.SignedRestClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The unified trading account, {@code GET /v5/account/wallet-balance?accountType=UNIFIED}: per coin its
 * {@code walletBalance} and the part spot open orders hold, {@code locked}; free is the difference. Bybit
 * answers every outcome as {@code {retCode, retMsg, result}}, a refusal with a non-zero {@code retCode}
 * (10003 "API key is invalid.", 10004 for a wrong signature), under HTTP 200 or 401.
 */
public final class BybitAccount implements AccountClient {
    static final String PATH = "/v5/account/wallet-balance";
    static final String QUERY = "accountType=UNIFIED";

    private final SignedRestClient rest;
    private final BybitSigner signer;

    public BybitAccount(SignedRestClient rest, BybitSigner signer) {
        this.rest = rest;
        this.signer = signer;
    }

    @Override
    public List<Balance> balances() {
        return parse(rest.send(signer, "GET", PATH, QUERY, ""));
    }

    static List<Balance> parse(RestResponse response) {
        JsonNode root = response.json();
        JsonNode retCode = root.path("retCode");
        if (!retCode.isNumber() || retCode.asInt() != 0 || response.status() != 200) {
            throw new ExchangeRejectedException(Venue.BYBIT, response.status(), retCode.asString("none"),
                    root.path("retMsg").asString(response.abbreviatedBody()));
        }
        List<Balance> balances = new ArrayList<>();
        for (JsonNode account : DecimalStrings.array(root.path("result"), "list", "Bybit's wallet-balance answer").values()) {
            for (JsonNode coin : DecimalStrings.array(account, "coin", "Bybit's wallet-balance account").values()) {
                BigDecimal wallet = DecimalStrings.read(coin, "walletBalance");
                BigDecimal locked = DecimalStrings.read(coin, "locked");
                if (wallet.signum() != 0 || locked.signum() != 0) {
                    balances.add(new Balance(coin.path("coin").asString(), wallet.subtract(locked), locked));
                }
            }
        }
        return balances;
    }
}
