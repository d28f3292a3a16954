package io.crossbook.server.account;

import io.crossbook.core.exec.PaperAccount;

/**
 * An open perpetual position of a paper account: signed quantity in the base currency (negative is
 * short), average entry price, and the quote margin it locks (not in the free balance).
 */
public record PositionView(String market, String symbol, String qty, String entryPrice, String margin) {

    static PositionView of(PaperAccount.Position p) {
        return new PositionView(p.instrument().market().id(), p.instrument().symbol(), p.qty().toPlainString(),
                p.entryPrice().toPlainString(), p.margin().toPlainString());
    }
}
