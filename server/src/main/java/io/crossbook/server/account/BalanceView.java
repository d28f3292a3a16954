package io.crossbook.server.account;

import io.crossbook.venues.common.Balance;

/** One asset in {@code GET /api/account/{exchange}}: amounts as plain decimal strings, exactly as held. */
public record BalanceView(String asset, String free, String locked) {

    static BalanceView of(Balance balance) {
        return new BalanceView(balance.asset(), balance.free().toPlainString(), balance.locked().toPlainString());
    }
}
