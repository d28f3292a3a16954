package io.crossbook.core.model;

import java.util.Locale;

/** The side of an order: buy or sell. The lower-case {@link #id()} is the API's spelling. */
public enum OrderSide {
    BUY, SELL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** The book side an order of this side takes liquidity from: asks for a buy, bids for a sell. */
    public Side takes() {
        return this == BUY ? Side.ASK : Side.BID;
    }

    public static OrderSide parse(String name) {
        for (OrderSide s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side '" + name + "' (expected buy or sell)");
    }
}
