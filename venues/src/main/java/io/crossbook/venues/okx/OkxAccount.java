package io.crossbook.venues.okx;

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
 * The trading account, {@code GET /api/v5/account/balance}: per currency in {@code data[].details[]} its
 * available balance {@code availBal} and the part orders hold, {@code frozenBal}; where OKX leaves
 * {@code availBal} empty, the cash balance {@code cashBal} less the frozen part is what is free. OKX answers
 * {@code {code, msg, data}} with code {@code "0"} on success; a refusal has another code (50111 "Invalid
 * OK-ACCESS-KEY", 50113 "Invalid Sign", 50105 for a wrong passphrase), usually under HTTP 401.
 */
public final class OkxAccount implements AccountClient {
    static final String PATH = "/api/v5/account/balance";

    private final SignedRestClient rest;
    private final OkxSigner signer;

    public OkxAccount(SignedRestClient rest, OkxSigner signer) {
        this.rest = rest;
        this.signer = signer;
    }

    @Override
    public List<Balance> balances() {
        return parse(rest.send(signer, "GET", PATH, "", ""));
    }

    static List<Balance> parse(RestResponse response) {
        JsonNode root = response.json();
        String code = root.path("code").asString("none");
        if (!"0".equals(code) || response.status() != 200) {
            throw new ExchangeRejectedException(Venue.OKX, response.status(), code,
                    root.path("msg").asString(response.abbreviatedBody()));
        }
        List<Balance> balances = new ArrayList<>();
        for (JsonNode account : DecimalStrings.array(root, "data", "OKX's balance answer").values()) {
            for (JsonNode detail : DecimalStrings.array(account, "details", "OKX's balance data").values()) {
                BigDecimal locked = DecimalStrings.read(detail, "frozenBal");
                BigDecimal free = detail.path("availBal").asString("").isEmpty()
                        ? DecimalStrings.read(detail, "cashBal").subtract(locked)
                        : DecimalStrings.read(detail, "availBal");
                if (free.signum() != 0 || locked.signum() != 0) {
                    balances.add(new Balance(detail.path("ccy").asString(), free, locked));
                }
            }
        }
        return balances;
    }
}
