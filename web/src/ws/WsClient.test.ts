import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/FakeSocket';
import { WsClient, type WsConnectionState } from './WsClient';

let token = 'token-1';
let renew: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
let states: WsConnectionState[];

function client() {
  return new WsClient({
    url: 'ws://localhost/ws',
    token: () => token,
    renewToken: renew,
    onStateChange: (state) => states.push(state),
    createSocket: FakeSocket.create,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
  token = 'token-1';
  renew = vi.fn(async () => true);
  states = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('WsClient', () => {
  it('authenticates with an auth frame, then subscribes and delivers events by channel', () => {
    const ws = client();
    const prices: unknown[] = [];
    const opportunities: unknown[] = [];
    ws.subscribe('price_update:binance:BTCUSDT', (data) => prices.push(data));
    ws.subscribe('opportunity', (data) => opportunities.push(data));
    ws.start();
    const socket = FakeSocket.latest();

    socket.accept();
    socket.receive('price_update', { exchange: 'binance', symbol: 'BTCUSDT', type: 'spot', bid: 61829.76, ask: 61829.77 });
    socket.receive('price_update', { exchange: 'bybit', symbol: 'BTCUSDT', type: 'linear', bid: 1, ask: 2 });
    socket.receive('opportunity', { pairId: 'binance_binance_btc', netSpreadPercent: 0.12 });

    expect(socket.url).toBe('ws://localhost/ws');
    expect(socket.sent[0]).toEqual({ op: 'auth', token: 'token-1' });
    expect(socket.ops('subscribe')).toEqual([{ op: 'subscribe', channels: ['price_update:binance:BTCUSDT', 'opportunity'] }]);
    expect(prices).toEqual([{ exchange: 'binance', symbol: 'BTCUSDT', type: 'spot', bid: 61829.76, ask: 61829.77 }]);
    expect(opportunities).toHaveLength(1);
    expect(ws.connection.status).toBe('connected');
  });

  it('subscribes a channel while someone listens and unsubscribes when the last listener leaves', () => {
    const ws = client();
    ws.start();
    const socket = FakeSocket.latest();
    socket.accept();

    const first = ws.subscribe('engine_alert', () => {});
    const second = ws.subscribe('engine_alert', () => {});
    first();
    expect(socket.ops('unsubscribe')).toEqual([]);
    second();

    expect(socket.ops('subscribe')).toEqual([{ op: 'subscribe', channels: ['engine_alert'] }]);
    expect(socket.ops('unsubscribe')).toEqual([{ op: 'unsubscribe', channels: ['engine_alert'] }]);
  });

  it('reconnects with growing backoff and subscribes again to every channel', () => {
    const ws = client();
    ws.subscribe('opportunity', () => {});
    ws.subscribe('twap_progress', () => {});
    ws.start();
    FakeSocket.latest().accept();

    FakeSocket.latest().drop(1006);
    expect(ws.connection).toMatchObject({ status: 'reconnecting', attempt: 1 });
    vi.advanceTimersByTime(499);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);

    FakeSocket.latest().drop(1006); // refused again before it opened
    expect(ws.connection).toMatchObject({ status: 'reconnecting', attempt: 2 });
    vi.advanceTimersByTime(999);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const socket = FakeSocket.latest();
    socket.accept();

    expect(FakeSocket.instances).toHaveLength(3);
    expect(socket.sent[0]).toEqual({ op: 'auth', token: 'token-1' });
    expect(socket.ops('subscribe')).toEqual([{ op: 'subscribe', channels: ['opportunity', 'twap_progress'] }]);
    expect(ws.connection).toMatchObject({ status: 'connected', attempt: 0, retryAt: null });
    // the loss and the recovery are reported once the connection is back
    expect(socket.ops('log').map((frame) => frame.event)).toEqual(['connection_lost', 'connection_restored']);
    expect(socket.ops('log')[1]).toMatchObject({ data: { attempts: 2 } });
  });

  it('caps the backoff', () => {
    const ws = new WsClient({
      url: 'ws://localhost/ws',
      token: () => token,
      renewToken: renew,
      createSocket: FakeSocket.create,
      minBackoffMs: 500,
      maxBackoffMs: 2000,
    });
    ws.start();
    for (let attempt = 1; attempt <= 5; attempt++) {
      FakeSocket.latest().drop();
      vi.advanceTimersByTime(Math.min(2000, 500 * 2 ** (attempt - 1)));
      expect(FakeSocket.instances).toHaveLength(attempt + 1);
    }
  });

  it('renews a refused token and connects with the new one', async () => {
    const ws = client();
    ws.start();
    const refused = FakeSocket.latest();
    refused.open();
    renew.mockImplementation(async () => {
      token = 'token-2';
      return true;
    });

    refused.receive('error', { code: 'UNAUTHORIZED', message: 'token: invalid or expired' });
    refused.drop(1008, 'authentication failed');
    await vi.runAllTimersAsync();
    FakeSocket.latest().open();

    expect(renew).toHaveBeenCalledTimes(1);
    expect(FakeSocket.latest().sent[0]).toEqual({ op: 'auth', token: 'token-2' });
  });

  it('stops when the session cannot be renewed', async () => {
    const ws = client();
    ws.start();
    renew.mockResolvedValue(false);
    FakeSocket.latest().open();

    FakeSocket.latest().receive('error', { code: 'UNAUTHORIZED', message: 'token: invalid or expired' });
    FakeSocket.latest().drop(1008, 'authentication failed');
    await vi.runAllTimersAsync();

    expect(FakeSocket.instances).toHaveLength(1);
    expect(ws.connection.status).toBe('stopped');
  });

  it('does not reconnect after stop', async () => {
    const ws = client();
    ws.start();
    const socket = FakeSocket.latest();
    socket.accept();

    ws.stop();
    socket.drop(1000);
    await vi.runAllTimersAsync();

    expect(socket.closedWith).toEqual({ code: 1000, reason: 'signed out' });
    expect(FakeSocket.instances).toHaveLength(1);
    expect(states.at(-1)?.status).toBe('stopped');
  });

  it('sends log events at once while connected and keeps them until the connection is back otherwise', () => {
    const ws = client();
    ws.start();
    ws.log('arbitrage_triggered', { pairId: 'p1' });
    const socket = FakeSocket.latest();
    expect(socket.ops('log')).toEqual([]);

    socket.accept();
    ws.log('arbitrage_succeeded', { pairId: 'p1' });

    expect(socket.ops('log')).toEqual([
      { op: 'log', event: 'arbitrage_triggered', data: { pairId: 'p1' } },
      { op: 'log', event: 'arbitrage_succeeded', data: { pairId: 'p1' } },
    ]);
  });
});
