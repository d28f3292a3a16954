package io.crossbook.venues.okx;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Side;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * OKX's order-book checksum: the CRC32, as a signed 32-bit integer, of the top 25 bids and asks
 * written {@code bidPx:bidSz:askPx:askSz:...}, bid and ask alternating while both sides have
 * levels and the longer side's remaining levels following. Prices and sizes are written in their
 * shortest exact form, which is how OKX writes them. The text is built in reused buffers, so
 * computing a checksum allocates nothing once the buffers have grown.
 */
final class OkxChecksum {
    static final int LEVELS = 25;

    private final StringBuilder text = new StringBuilder(2048);
    private final CRC32 crc = new CRC32();
    private byte[] bytes = new byte[2048];
    private final long[] bidPrices = new long[LEVELS];
    private final long[] bidQtys = new long[LEVELS];
    private final long[] askPrices = new long[LEVELS];
    private final long[] askQtys = new long[LEVELS];

    /** The checksum of the book's top levels as they are now. */
    int of(OrderBook book) {
        text.setLength(0);
        int bids = book.copyTop(Side.BID, LEVELS, bidPrices, bidQtys);
        int asks = book.copyTop(Side.ASK, LEVELS, askPrices, askQtys);
        for (int i = 0; i < Math.max(bids, asks); i++) {
            if (i < bids) {
                appendLevel(book, bidPrices[i], bidQtys[i]);
            }
            if (i < asks) {
                appendLevel(book, askPrices[i], askQtys[i]);
            }
        }
        int length = text.length();
        if (bytes.length < length) {
            bytes = Arrays.copyOf(bytes, Math.max(length, bytes.length * 2));
        }
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) text.charAt(i); // digits, '.', '-' and ':' only: ASCII
        }
        crc.reset();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private void appendLevel(OrderBook book, long price, long qty) {
        if (!text.isEmpty()) {
            text.append(':');
        }
        FixedPoint.appendTo(text, price, book.priceScale());
        text.append(':');
        FixedPoint.appendTo(text, qty, book.qtyScale());
    }
}
