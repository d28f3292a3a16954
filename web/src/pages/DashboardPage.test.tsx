import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, fakeServer, path } from '../test/fakeServer';
import { renderSignedIn } from '../test/render';
import { DashboardPage } from './DashboardPage';

// lightweight-charts draws on a canvas, which jsdom has not: the chart gets its lines as data.
vi.mock('../components/SpreadChart', () => ({
  SpreadChart: ({ lines }: { lines: { id: string; points: unknown[] }[] }) => (
    <div data-testid="spread-chart">{lines.map((l) => `${l.id}:${l.points.length}`).join(',')}</div>
  ),
}));

// Answers of a server serving the Binance BTCUSDT recordings (server/src/test/resources/binance) with one pair.
const exchanges = [
  {
    name: 'binance', connected: true, publicOnly: true, ready: true,
    markets: [
      { type: 'linear', collector: 'binance:linear', source: 'replay', status: 'REPLAYING', symbols: ['BTCUSDT'] },
      { type: 'spot', collector: 'binance:spot', source: 'replay', status: 'REPLAYING', symbols: ['BTCUSDT'] },
    ],
  },
  { name: 'bybit', connected: false, publicOnly: true, ready: false, markets: [] },
];
const pairs = [
  {
    id: 'binance_binance_btc', leg1: { exchange: 'binance', symbol: 'BTCUSDT', type: 'spot' },
    leg2: { exchange: 'binance', symbol: 'BTCUSDT', type: 'linear' }, threshold: 0.05, qty: 0.001, totalAmount: 1000,
    direction: 'auto', enabled: false,
  },
];
const price = (netSpreadPercent: number, ts: number) => [
  {
    pairId: 'binance_binance_btc', leg1: { bid: 61829.76, ask: 61829.77 }, leg2: { bid: 61808.0, ask: 61808.1 },
    spread: 21.66, spreadPercent: 0.03503781123355498, netSpreadPercent, direction: 'reverse', fundingRate: null,
    fundingCarryPercent: null, status: 'priced', ts,
  },
];
const risk = {
  state: 'ACTIVE', reason: null, since: 0, killSwitch: false, openOrders: 0,
  pnl: { realised: 12.5, unrealised: -1.25, today: 3.75, executions: 4 },
  pauses: [{ scope: 'venue', id: 'binance', rule: 'venue_errors', reason: '5 errors within 60 s', since: 1795261337000, resumesAt: 1795261397000 }],
};
const system = {
  isRunning: true, lastStarted: 1795261326035, uptime: 26, version: '0.1.0-SNAPSHOT',
  modules: {
    database: { status: 'RUNNING', health: 'UP', detail: 'SQLite 3.53.2' },
    engine: { status: 'RUNNING', health: 'DEGRADED', detail: 'journal dropped 1 row' },
  },
};
const alerts = [
  { id: '1', severity: 'warning', code: 'VENUE_PAUSED', rule: null, message: 'trading on binance paused for 30 s (trip 1)', pairId: null, venue: 'binance', ts: 1795261393000 },
];

function serve(prices: () => unknown) {
  return fakeServer((r) => {
    switch (path(r)) {
      case 'GET /api/exchanges': return envelope(exchanges);
      case 'GET /api/monitoring/pairs': return envelope(pairs);
      case 'GET /api/monitoring/prices': return envelope(prices());
      case 'GET /api/arbitrage/opportunities': return envelope([]);
      case 'GET /api/risk/alerts': return envelope(alerts);
      case 'GET /api/risk/status': return envelope(risk);
      case 'GET /api/system/status': return envelope(system);
      default: return undefined;
    }
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DashboardPage', () => {
  it("shows each exchange's connection, the engine's state, P&L and open alerts from the server", async () => {
    serve(() => price(-0.11497094821925002, 1795261351426));
    renderSignedIn(<DashboardPage />);

    const binance = (await screen.findByText('binance', { selector: 'td' })).closest('tr')!;
    expect(within(binance).getByText('connected, books in sync')).toBeInTheDocument();
    expect(within(binance).getByText(/spot BTCUSDT · replay REPLAYING/)).toBeInTheDocument();
    const bybit = screen.getByText('bybit', { selector: 'td' }).closest('tr')!;
    expect(within(bybit).getByText('disconnected')).toBeInTheDocument();
    expect(within(bybit).getByText('not collected')).toBeInTheDocument();

    expect(await screen.findByTestId('risk-state')).toHaveTextContent('Risk ACTIVE');
    expect(screen.getByText('DEGRADED — journal dropped 1 row')).toBeInTheDocument();
    expect(screen.getByTestId('pnl-card')).toHaveTextContent('Realised12.50Today3.75Unrealised-1.25Executions4');

    const alertCard = screen.getByTestId('alerts');
    expect(within(alertCard).getByText(/5 errors within 60 s/)).toBeInTheDocument();
    expect(await within(alertCard).findByText('trading on binance paused for 30 s (trip 1)')).toBeInTheDocument();
    expect(await screen.findByTestId('net-spread-binance_binance_btc')).toHaveTextContent('-0.1150 %');
  });

  it("asks for the spreads again when a leg's price moves on /ws and adds the point to the chart", async () => {
    let answer = price(-0.11497094821925002, 1795261351426);
    const { requests } = serve(() => answer);
    const { socket } = renderSignedIn(<DashboardPage />);
    act(() => socket.accept());
    expect(await screen.findByTestId('net-spread-binance_binance_btc')).toHaveTextContent('-0.1150 %');
    await waitFor(() => expect(socket.ops('subscribe').flatMap((f) => f.channels as string[])).toContain('price_update:binance:BTCUSDT'));

    answer = price(-0.1265, 1795261353426);
    act(() => socket.receive('price_update', { exchange: 'binance', symbol: 'BTCUSDT', type: 'spot', bid: 61824, ask: 61824.01, ts: 1795261353426 }));

    await waitFor(() => expect(screen.getByTestId('net-spread-binance_binance_btc')).toHaveTextContent('-0.1265 %'), { timeout: 3000 });
    expect(requests.filter((r) => path(r) === 'GET /api/monitoring/prices')).toHaveLength(2);
    expect(screen.getByTestId('spread-chart')).toHaveTextContent('binance_binance_btc:2');
  });

  it('puts opportunities and alerts from /ws at the top of their feeds', async () => {
    serve(() => price(-0.11497094821925002, 1795261351426));
    const { socket } = renderSignedIn(<DashboardPage />);
    act(() => socket.accept());
    await waitFor(() => expect(socket.ops('subscribe').flatMap((f) => f.channels as string[])).toEqual(expect.arrayContaining(['opportunity', 'engine_alert'])));

    act(() => {
      socket.receive('opportunity', {
        pairId: 'binance_binance_btc', spread: 80.1, spreadPercent: 0.13, netSpreadPercent: 0.0123, direction: 'forward',
        leg1Price: 61800.5, leg2Price: 61880.6, ts: 1795261360000,
      });
      socket.receive('engine_alert', {
        severity: 'critical', code: 'LEG_IMBALANCE', rule: null, message: 'binance_binance_btc: leg 2 short by 0.001', pairId: 'binance_binance_btc', venue: null, ts: 1795261361000,
      });
    });

    expect(await within(screen.getByTestId('opportunities')).findByText('0.0123 % net')).toBeInTheDocument();
    const recent = within(screen.getByTestId('alerts')).getAllByRole('listitem');
    expect(recent.map((item) => item.textContent).join('\n')).toMatch(/LEG_IMBALANCE.*leg 2 short[\s\S]*VENUE_PAUSED/);
  });
});
