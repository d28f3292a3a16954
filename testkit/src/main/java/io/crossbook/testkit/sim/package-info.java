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
 * order events and errors as its exchange does. {@code binance.BinanceSimProtocol},
 * {@code bybit.BybitSimProtocol} (v5, spot and linear) and {@code okx.OkxSimProtocol} (v5, spot and
 * swaps) are the three, each with its simulator of the recordings testkit ships
 * ({@code BinanceSimulator}, {@code BybitSimulator}, {@code OkxSimulator}).
 *
 * <p>A protocol publishes replayed messages as recorded (Binance) or words its own from the book
 * ({@link io.crossbook.testkit.sim.SimProtocol#publicMessages}): Bybit's and OKX's book streams are
 * derived from the replayed book by {@link io.crossbook.testkit.sim.DepthStream}, at whatever depth a
 * client subscribes, with the exchange's own sequence numbers and (OKX) checksums. Shared helpers:
 * {@link io.crossbook.testkit.sim.SimJson}, {@link io.crossbook.testkit.sim.SimHmac}.
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
