package io.crossbook.venues.bybit;

import io.crossbook.venues.common.MalformedMessageException;

/**
 * Bybit v5 public topic names, built and recognised in one place so that what is subscribed and
 * what is routed cannot drift apart.
 */
final class BybitTopics {
    /**
     * Levels of the depth book we keep. 200 is documented for spot and linear alike in every
     * revision of the v5 "Orderbook" page, while the deeper topics have changed (500, then 1000).
     */
    static final int BOOK_DEPTH = 200;

    private static final String ORDERBOOK = "orderbook.";
    private static final String PUBLIC_TRADE = "publicTrade.";

    /** What a topic carries, as far as Crossbook uses it. */
    enum Channel {
        /** {@code orderbook.{depth}.{symbol}} with more than one level: snapshot + delta chain. */
        BOOK,
        /**
         * {@code orderbook.1.{symbol}}: Bybit's best bid/ask. Spot {@code tickers} carry no bid/ask
         * at all, so the level-1 book is the one BBO source common to spot and linear.
         */
        BEST_QUOTE,
        /** {@code publicTrade.{symbol}}. */
        TRADES,
        /** Any other topic (tickers, kline, ...): not used. */
        OTHER
    }

    private BybitTopics() {
    }

    static String book(String symbol) {
        return ORDERBOOK + BOOK_DEPTH + "." + symbol;
    }

    static String bestQuote(String symbol) {
        return ORDERBOOK + "1." + symbol;
    }

    static String trades(String symbol) {
        return PUBLIC_TRADE + symbol;
    }

    static Channel channel(String topic) {
        if (topic.startsWith(PUBLIC_TRADE)) {
            requireSymbol(topic, PUBLIC_TRADE.length());
            return Channel.TRADES;
        }
        if (!topic.startsWith(ORDERBOOK)) {
            return Channel.OTHER;
        }
        int dot = topic.indexOf('.', ORDERBOOK.length());
        if (dot <= ORDERBOOK.length() || !digits(topic, ORDERBOOK.length(), dot)) {
            throw new MalformedMessageException("order book topic without a depth: " + topic);
        }
        requireSymbol(topic, dot + 1);
        boolean levelOne = dot == ORDERBOOK.length() + 1 && topic.charAt(ORDERBOOK.length()) == '1';
        return levelOne ? Channel.BEST_QUOTE : Channel.BOOK;
    }

    /** The symbol of a {@link Channel#BOOK}, {@link Channel#BEST_QUOTE} or {@link Channel#TRADES} topic. */
    static String symbol(String topic) {
        return topic.substring(topic.lastIndexOf('.') + 1);
    }

    private static void requireSymbol(String topic, int from) {
        if (from >= topic.length() || topic.indexOf('.', from) >= 0) {
            throw new MalformedMessageException("topic without a symbol: " + topic);
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
