package io.crossbook.venues.trading;

import io.crossbook.venues.common.Balance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reading of an account's assets, as the exchange reports them: {@code spot}, what spot orders
 * can spend (free) and what they hold (locked), and {@code margin}, what new perpetual orders can put
 * up as initial margin (free) and what positions and open orders already hold (locked), per settlement
 * asset. Binance keeps the two in separate wallets; Bybit's unified account and OKX's trading account
 * are one wallet that both markets draw on ({@link #unified}).
 */
public record AccountBalances(List<Balance> spot, List<Balance> margin, boolean unified) {

    public AccountBalances {
        spot = List.copyOf(spot);
        margin = List.copyOf(margin);
    }

    /** A spot wallet and a separate derivatives wallet. */
    public static AccountBalances separate(List<Balance> spot, List<Balance> margin) {
        return new AccountBalances(spot, margin, false);
    }

    /** One wallet for spot and perpetual orders alike. */
    public static AccountBalances unified(List<Balance> wallet) {
        return new AccountBalances(wallet, wallet, true);
    }

    /** Everything the account holds, each wallet counted once, summed per asset. */
    public List<Balance> holdings() {
        List<Balance> all = new ArrayList<>(spot);
        if (!unified) {
            all.addAll(margin);
        }
        Map<String, Balance> byAsset = new LinkedHashMap<>();
        for (Balance b : all) {
            byAsset.merge(b.asset(), b, (x, y) -> new Balance(x.asset(), x.free().add(y.free()), x.locked().add(y.locked())));
        }
        return List.copyOf(byAsset.values());
    }

    /** What perpetual orders settled in {@code asset} can still put up as margin: zero when the account has none. */
    public BigDecimal availableMargin(String asset) {
        return margin.stream().filter(b -> b.asset().equals(asset)).map(Balance::free).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
