package io.crossbook.core.exec;

import io.crossbook.core.model.InstrumentId;
import java.math.BigDecimal;

/** The taker fee rate an account pays on an instrument, as a fraction of the notional (0.001 is 10 bp). */
@FunctionalInterface
public interface TakerFees {
    BigDecimal rate(InstrumentId instrument);
}
