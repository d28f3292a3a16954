package io.crossbook.server.ws;

/**
 * The gateway's counters since start, for the system status.
 *
 * @param clients   connected WebSocket clients (authenticated or not yet)
 * @param sent      frames sent
 * @param coalesced price updates replaced by a newer one before they were sent
 * @param dropped   clients closed for being too slow
 */
public record WsStats(int clients, long sent, long coalesced, long dropped) {
}
