/**
 * The WebSocket gateway, {@code /ws} (API.md "WebSocket /ws"): plain JSON text frames
 * {@code {"event":NAME,"data":{...}}}, no STOMP.
 *
 * <p>Client ops, one JSON object per frame:
 * <ul>
 * <li>{@code {"op":"auth","token":"…"}}, or {@code ?token=} on the handshake URL: answered with
 *     {@code authenticated {username, role}}. A bad or missing token gets an {@code error} frame
 *     ({@code UNAUTHORIZED}) and the socket is closed with 1008; so is a connection that has not
 *     authenticated within {@code crossbook.ws.auth-timeout}.</li>
 * <li>{@code {"op":"subscribe","channels":[...]}} and {@code unsubscribe}: answered with
 *     {@code subscribed {channels}} / {@code unsubscribed {channels}}, the names normalised. Channels
 *     are the events ({@code opportunity}, {@code order_submitted}, {@code order_filled},
 *     {@code order_failed}, {@code twap_progress}, {@code engine_alert}, {@code trading_signal}) and
 *     {@code price_update:EXCHANGE:SYMBOL} (every market of that exchange's symbol; the update says
 *     which in {@code type}). A request naming any unknown channel changes nothing and gets one
 *     {@code error} ({@code VALIDATION_ERROR}) naming each; the connection stays.</li>
 * <li>{@code {"op":"log","event":NAME,"data":{...}}}: a front-end business event, written to the
 *     {@code crossbook.frontend} log with the user; not answered unless refused.</li>
 * </ul>
 * Every refusal is {@code {"event":"error","data":{"code":API.md code,"message":...}}}.
 *
 * <p>Delivery: {@code price_update} at most once per instrument per
 * {@code crossbook.ws.price-interval} (100 ms) per client, the newest value winning, the first
 * after a quiet period at once; other events in order, each to its channel's subscribers. A client
 * that cannot keep up is closed with 1008 and counted ({@code crossbook.ws.dropped}).
 */
package io.crossbook.server.ws;
