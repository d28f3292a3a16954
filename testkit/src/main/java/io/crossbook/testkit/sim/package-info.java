/**
 * A local exchange simulator for tests: {@link io.crossbook.testkit.sim.ExchangeSimulator} serves one
 * exchange's REST and WebSocket protocol on 127.0.0.1, replays recorded market data into its books
 * ({@link io.crossbook.testkit.sim.Replay}), matches orders against them, checks signatures, enforces
 * the request-weight limit and injects faults ({@link io.crossbook.testkit.sim.Faults}).
 *
 * <p>Everything here is the same for every exchange. An exchange is one
 * {@link io.crossbook.testkit.sim.SimProtocol}: it reads its recordings into
 * {@link io.crossbook.testkit.sim.MarketEvent}s, names and weighs its REST paths
 * ({@link io.crossbook.testkit.sim.Endpoint}), authenticates and answers them through
 * {@link io.crossbook.testkit.sim.SimExchange}, opens WebSocket sessions
 * ({@link io.crossbook.testkit.sim.WsSession}: by path, or by subscribe and login frames), and words
 * order events and errors as its exchange does. {@code binance.BinanceSimProtocol} is the first;
 * Bybit and OKX go beside it, one class (and its helpers) each, in their own packages.
 *
 * <pre>{@code
 * try (ExchangeSimulator sim = BinanceSimulator.builder()
 *         .account(new SimAccount("key", "secret").spot("USDT", "100000").futures("USDT", "10000"))
 *         .start()) {
 *     sim.replay().stepUntilBooksReady();
 *     // point the adapter at sim.restBase() and sim.wsBase(), trade, step the replay, arm faults
 *     assertThat(sim.duplicates()).isEmpty();
 * }
 * }</pre>
 */
package io.crossbook.testkit.sim;
