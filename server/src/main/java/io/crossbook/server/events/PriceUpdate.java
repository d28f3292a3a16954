package io.crossbook.server.events;

/**
 * The API.md {@code price_update} event: a book's best bid or ask changed. {@code type} is the
 * market ({@code spot|linear|inverse}), since one exchange can list the same symbol in several;
 * prices are decimal strings; {@code ts} is epoch milliseconds.
 */
public record PriceUpdate(String exchange, String type, String symbol, String bid, String ask, long ts) {
}
