package io.crossbook.server.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crossbook.server.settings.TradingMode;
import java.util.List;

/**
 * {@code GET /api/account/{exchange}}: the balances of the paper account ({@code mode: paper}) or of the
 * exchange account ({@code live}); {@code publicOnly} with a {@code notice} when live trading has no keys
 * for the exchange. {@code positions} are open perpetual positions: in paper mode those the paper
 * orders trade, and the live read covers balances only. {@code ts} is when it was read, epoch ms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(String exchange, TradingMode mode, boolean publicOnly, String notice, List<BalanceView> balances,
                          List<?> positions, long ts) {
}
