package io.crossbook.server.account;

import io.crossbook.core.model.Venue;
import io.crossbook.server.arbitrage.ArbitrageService;
import java.math.BigDecimal;
import io.crossbook.server.settings.CredentialsProperties;
import io.crossbook.server.settings.ExchangeClients;
import io.crossbook.server.settings.ExchangeCredentials;
import io.crossbook.server.settings.TradingMode;
import io.crossbook.server.settings.TradingProperties;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.Balance;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** An exchange account as the trading mode sees it: the paper account, or the exchange's own in live mode. */
@Service
public class AccountService {
    private final TradingMode mode;
    private final ArbitrageService paper;
    private final ExchangeCredentials credentials;
    private final ExchangeClients clients;
    private final Clock clock;

    public AccountService(TradingProperties trading, ArbitrageService paper, ExchangeCredentials credentials,
                          ExchangeClients clients, ObjectProvider<Clock> clock) {
        this.mode = trading.mode();
        this.paper = paper;
        this.credentials = credentials;
        this.clients = clients;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** In live mode the exchange is asked, so its refusals and outages come back as UPSTREAM_ERROR and EXCHANGE_UNAVAILABLE. */
    public AccountView account(Venue venue) {
        if (mode == TradingMode.PAPER) {
            ArbitrageService.PaperBalances account = paper.paperAccount(venue).orElseThrow();
            List<Balance> balances = account.balances().entrySet().stream()
                    .map(e -> new Balance(e.getKey(), e.getValue(), BigDecimal.ZERO)).toList();
            List<PositionView> positions = account.positions().stream().map(PositionView::of).toList();
            return new AccountView(venue.id(), mode, false, null, balances.stream().map(BalanceView::of).toList(), positions,
                    clock.millis());
        }
        Optional<ApiCredentials> keys = credentials.find(venue);
        if (keys.isEmpty()) {
            return view(venue, true, venue.id() + " has no API keys, so it is public-only (market data): add keys with"
                    + " PUT /api/settings/api or " + CredentialsProperties.variable(venue, "KEY") + " and "
                    + CredentialsProperties.variable(venue, "SECRET") + " to see its balances", List.of());
        }
        return view(venue, false, null, clients.balances(venue, keys.get()));
    }

    private AccountView view(Venue venue, boolean publicOnly, String notice, List<Balance> balances) {
        return new AccountView(venue.id(), mode, publicOnly, notice, balances.stream().map(BalanceView::of).toList(), List.of(),
                clock.millis());
    }
}
