package io.crossbook.core.exec;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.util.Map;

/** What the risk engine reads of one venue's account, on the engine thread. */
public interface AccountView {
    /**
     * The account's exposure to an asset, in its own units: holdings plus the signed base
     * quantity of perpetual positions in it (long positive).
     */
    BigDecimal exposure(String asset);

    /** Every asset's {@link #exposure}, the zero ones left out. */
    Map<String, BigDecimal> exposures();

    /**
     * Null when the free balances can pay for a fill of {@code baseQty} at {@code price} paying
     * {@code fee} in the quote; otherwise what is missing, in words with the numbers.
     */
    String shortfall(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price, BigDecimal fee);
}
