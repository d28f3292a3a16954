import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, path } from '../test/fakeServer';
import { renderPage, serve, type Answers } from '../test/renderPage';
import { execution, pair, paperAccount, quote } from '../test/tradingFixtures';
import { ArbitragePage } from './ArbitragePage';

// jsdom has no canvas: the chart is drawn in the end-to-end flow, not here
vi.mock('../components/SpreadChart', () => ({ SpreadChart: () => <div data-testid="spread-chart" /> }));

// Ant Design renders slowly in jsdom on a busy machine
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

function server(overrides: Answers = {}) {
  return serve(
    {
      'GET /api/monitoring/pairs': () => envelope([pair]),
      'GET /api/monitoring/prices': () => envelope([quote]),
      'GET /api/arbitrage/executions': () => envelope([execution]),
      'GET /api/arbitrage/opportunities': () => envelope([]),
      'GET /api/arbitrage/triangular': () => envelope([]),
      'GET /api/exchanges': () => envelope([{ name: 'binance', markets: [{ type: 'spot', symbols: ['BTCUSDT'] }] }]),
      'GET /api/account/binance': () => envelope(paperAccount),
    },
    overrides,
  );
}

describe('ArbitragePage', { timeout: 30_000 }, () => {
  it("shows each pair with its legs' VWAP quotes and net spread, and the executions with legs, fees and P&L", async () => {
    server();
    renderPage(<ArbitragePage />);

    await waitFor(() => expect(screen.getByTestId('net-spread-binance_binance_btc')).toHaveTextContent('-0.0701 %'));
    const row = screen.getByTestId('net-spread-binance_binance_btc').closest('tr')!;
    expect(row).toHaveTextContent('bid 61,849.49 / ask 61,849.5');
    expect(row).toHaveTextContent('0.05 %');
    const executionRow = (await screen.findByText('filled')).closest('tr')!;
    expect(executionRow).toHaveTextContent('sell0.001 BTCUSDT binance spot @ 61,829.76');
    expect(executionRow).toHaveTextContent('0.09273451');
    expect(executionRow).toHaveTextContent('-0.07247451');
  });

  it('reads the spreads again when a leg sends a price_update over /ws', async () => {
    const { requests } = server();
    const { socket } = renderPage(<ArbitragePage />);
    await screen.findByTestId('net-spread-binance_binance_btc');
    const reads = () => requests.filter((r) => path(r) === 'GET /api/monitoring/prices').length;
    const before = reads();

    await waitFor(() => expect(socket.ops('subscribe').flatMap((op) => op.channels as string[])).toContain('price_update:binance:BTCUSDT'));
    socket.receive('price_update', { exchange: 'binance', symbol: 'BTCUSDT', type: 'linear', bid: 61850, ask: 61850.1, ts: quote.ts + 100 });

    await waitFor(() => expect(reads()).toBe(before + 1), { timeout: 2500 });
  });

  it("shows the server's validation message, under the field it names, when an edited pair is refused", async () => {
    const refusal = 'qty: 0.0000001 is not a whole number of binance:spot:BTCUSDT lots (lot size 0.00001)';
    const { requests } = server({ 'PUT /api/monitoring/pairs/binance_binance_btc': () => failure(400, 'VALIDATION_ERROR', refusal) });
    renderPage(<ArbitragePage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit binance_binance_btc' }));
    const dialog = await screen.findByRole('dialog');
    const qty = within(dialog).getByLabelText('Quantity per trade');
    fireEvent.change(qty, { target: { value: '0.0000001' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByTestId('pair-form-error')).toHaveTextContent(`VALIDATION_ERROR: ${refusal}`);
    const underField = await within(dialog).findByText(refusal);
    expect(underField.closest('.ant-form-item')).toHaveTextContent('Quantity per trade');
    const sent = requests.find((r) => path(r) === 'PUT /api/monitoring/pairs/binance_binance_btc')!;
    expect(await sent.json()).toMatchObject({ leg1: pair.leg1, leg2: pair.leg2, qty: 0.0000001, totalAmount: 300, threshold: 0.05, direction: 'auto', enabled: false });
  });

  it('refuses an empty pair form before asking the server', async () => {
    const { requests } = server();
    renderPage(<ArbitragePage />);

    await userEvent.click(await screen.findByRole('button', { name: /New pair/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('Enter the quantity')).toBeInTheDocument();
    expect(within(dialog).getAllByText('Choose the exchange')).toHaveLength(2);
    expect(requests.some((r) => path(r) === 'POST /api/monitoring/pairs')).toBe(false);
  });

  it('executes only after a confirmation stating the orders and the mode, and shows a risk refusal', async () => {
    const { requests } = server({
      'POST /api/arbitrage/execute/binance_binance_btc': () => failure(422, 'RISK_REJECTED', 'order_notional: order notional 61.85 USD exceeds maxOrderNotional 50.00 USD'),
    });
    const { socket } = renderPage(<ArbitragePage />);
    await screen.findByTestId('net-spread-binance_binance_btc');

    await userEvent.click(screen.getByRole('button', { name: /Execute/ }));
    const confirmation = await screen.findByTestId('execute-confirmation');
    expect(confirmation).toHaveTextContent(
      'Execute both legs of pair binance_binance_btc now at market (IOC orders within the slippage bound): sell 0.001 BTCUSDT on binance spot, buy 0.001 BTCUSDT on binance linear.',
    );
    expect(confirmation).toHaveTextContent('Paper mode');
    expect(requests.some((r) => path(r).startsWith('POST /api/arbitrage/execute'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Execute (paper)' }));

    expect(await screen.findByTestId('execution-result')).toHaveTextContent('refused by the risk engine');
    expect(screen.getByTestId('execution-result')).toHaveTextContent('RISK_REJECTED: order_notional: order notional 61.85 USD exceeds maxOrderNotional 50.00 USD');
    expect(socket.ops('log').map((l) => l.event)).toEqual(['arbitrage_triggered', 'arbitrage_failed']);
    expect(socket.ops('log')[1].data).toMatchObject({ pairId: 'binance_binance_btc', code: 'RISK_REJECTED' });
  });

  it("shows a manual execution's legs, fees and P&L and reports its success", async () => {
    server({ 'POST /api/arbitrage/execute/binance_binance_btc': () => envelope(execution) });
    const { socket } = renderPage(<ArbitragePage />);
    await screen.findByTestId('net-spread-binance_binance_btc');

    await userEvent.click(screen.getByRole('button', { name: /Execute/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Execute (paper)' }));

    const result = await screen.findByTestId('execution-result');
    expect(result).toHaveTextContent('execution xmwqcr3sl1 filled (reverse)');
    expect(result).toHaveTextContent('sell 0.001 BTCUSDT on binance spot @ 61,829.76, fees 0.06182976');
    expect(result).toHaveTextContent('P&L-0.07247451');
    expect(socket.ops('log').map((l) => l.event)).toEqual(['arbitrage_triggered', 'arbitrage_succeeded']);
  });

  it('disables every mutating control for a viewer', async () => {
    server();
    renderPage(<ArbitragePage />, 'viewer');
    await screen.findByTestId('net-spread-binance_binance_btc');

    expect(screen.getByRole('button', { name: /New pair/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Execute/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Edit binance_binance_btc' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete binance_binance_btc' })).toBeDisabled();
  });
});
