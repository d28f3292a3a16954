package io.crossbook.testkit.sim;

import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One simulated exchange account: its API key and secret (the simulator checks signatures with
 * them), a spot wallet (free and locked per asset), a perpetuals wallet (balance per margin asset)
 * and one-way-mode perpetual positions at a fixed leverage. Set it up before the simulator starts;
 * the engine changes it under the simulator's lock, and reads are synchronised so that tests may
 * look at any time.
 */
public final class SimAccount {
    /** Free and locked (held by open orders) amounts of one spot asset. */
    public record Balance(BigDecimal free, BigDecimal locked) {
        static final Balance ZERO = new Balance(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A perpetual position: {@code qty} positive long, negative short, at {@code entryPrice}. */
    public record Position(String symbol, BigDecimal qty, BigDecimal entryPrice) {
    }

    private final String apiKey;
    private final String secret;
    private final Map<String, Balance> spot = new TreeMap<>();
    private final Map<String, BigDecimal> futures = new TreeMap<>();
    private final Map<String, Position> positions = new TreeMap<>();
    private int leverage = 10;
    private volatile String passphrase;

    public SimAccount(String apiKey, String secret) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public String apiKey() {
        return apiKey;
    }

    /** The secret, for the protocol's signature check only. */
    public String secret() {
        return secret;
    }

    /** The passphrase the key was created with (OKX keys have one; the simulator checks it). */
    public SimAccount passphrase(String passphrase) {
        this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
        return this;
    }

    /** The key's passphrase, or null; for the protocol's check only. */
    public String passphrase() {
        return passphrase;
    }

    /** Adds {@code amount} to the free spot balance of {@code asset}. */
    public synchronized SimAccount spot(String asset, String amount) {
        change(asset, new BigDecimal(amount), BigDecimal.ZERO);
        return this;
    }

    /** Adds {@code amount} to the perpetuals wallet balance of margin asset {@code asset}. */
    public synchronized SimAccount futures(String asset, String amount) {
        futures.merge(asset, new BigDecimal(amount), BigDecimal::add);
        return this;
    }

    /** The leverage every perpetual position and order is margined at (default 10). */
    public synchronized SimAccount leverage(int leverage) {
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage must be at least 1, was " + leverage);
        }
        this.leverage = leverage;
        return this;
    }

    public synchronized int leverage() {
        return leverage;
    }

    public synchronized Balance spotBalance(String asset) {
        return spot.getOrDefault(asset, Balance.ZERO);
    }

    /** Every spot asset the account has held, zero balances included, by asset name. */
    public synchronized Map<String, Balance> spotBalances() {
        return Map.copyOf(spot);
    }

    public synchronized BigDecimal futuresBalance(String asset) {
        return futures.getOrDefault(asset, BigDecimal.ZERO);
    }

    /** Every perpetuals wallet balance by margin asset. */
    public synchronized Map<String, BigDecimal> futuresBalances() {
        return Map.copyOf(futures);
    }

    /** The position in {@code symbol}; a flat one has quantity zero. */
    public synchronized Position position(String symbol) {
        return positions.getOrDefault(symbol, new Position(symbol, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** The open (non-zero) positions. */
    public synchronized List<Position> positions() {
        return positions.values().stream().filter(p -> p.qty().signum() != 0).toList();
    }

    synchronized void change(String asset, BigDecimal free, BigDecimal locked) {
        Balance b = spot.getOrDefault(asset, Balance.ZERO);
        spot.put(asset, new Balance(b.free().add(free), b.locked().add(locked)));
    }

    synchronized void changeFutures(String asset, BigDecimal delta) {
        futures.merge(asset, delta, BigDecimal::add);
    }

    /**
     * Applies a perpetual fill to the position (one-way mode): the part that closes realises
     * (fill − entry) × closed × contract size for a long (the negative for a short), the part that
     * opens averages into the entry price. Returns the realised profit.
     */
    synchronized BigDecimal fillPosition(String symbol, OrderSide side, BigDecimal qty, BigDecimal price, BigDecimal contractSize) {
        Position p = position(symbol);
        BigDecimal signed = side == OrderSide.BUY ? qty : qty.negate();
        BigDecimal held = p.qty();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal closing = held.signum() == 0 || held.signum() == signed.signum() ? BigDecimal.ZERO : held.abs().min(qty);
        if (closing.signum() > 0) {
            realized = price.subtract(p.entryPrice()).multiply(closing).multiply(contractSize);
            if (held.signum() < 0) {
                realized = realized.negate();
            }
        }
        BigDecimal after = held.add(signed);
        BigDecimal entry;
        if (after.signum() == 0) {
            entry = BigDecimal.ZERO;
        } else if (held.signum() == 0 || after.signum() != held.signum()) {
            entry = price;
        } else if (closing.signum() > 0) {
            entry = p.entryPrice();
        } else {
            entry = held.abs().multiply(p.entryPrice()).add(qty.multiply(price))
                    .divide(after.abs(), MathContext.DECIMAL128).stripTrailingZeros();
        }
        positions.put(symbol, new Position(symbol, after, entry));
        return realized;
    }
}
