package io.crossbook.core.exec;

/** Market orders take whatever the book offers; limit orders never trade beyond their price. */
public enum OrderType {
    MARKET, LIMIT
}
