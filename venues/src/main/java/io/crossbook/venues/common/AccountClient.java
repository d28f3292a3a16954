package io.crossbook.venues.common;

import java.util.List;

/** Reads one exchange account with a signed, read-only call. */
public interface AccountClient {

    /**
     * The assets the account holds (those with a zero balance left out).
     *
     * @throws ExchangeUnavailableException when the exchange cannot be reached or cannot serve us now
     * @throws ExchangeRejectedException    when it refuses the request (keys, signature, permissions, clock)
     */
    List<Balance> balances();
}
