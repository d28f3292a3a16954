import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TwapPlan } from '../api/twapApi';
import { envelope, failure, path } from '../test/fakeServer';
import { renderPage, serve, type Answers } from '../test/renderPage';
import { paperAccount, pausedPlan, runningPlan, slice } from '../test/tradingFixtures';
import { TwapPage } from './TwapPage';

// Ant Design renders slowly in jsdom on a busy machine
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const pendingPlan: TwapPlan = { ...runningPlan, planId: 'twap_2', name: 'twap_2', state: 'pending', startedTs: null };

function server(plans: TwapPlan[], overrides: Answers = {}) {
  return serve(
    {
      'GET /api/twap/plans': () => envelope(plans),
      'GET /api/twap/twap_1/slices': () => envelope([slice]),
      'GET /api/exchanges': () => envelope([{ name: 'binance', markets: [{ type: 'spot', symbols: ['BTCUSDT'] }] }]),
      'GET /api/account/binance': () => envelope(paperAccount),
    },
    overrides,
  );
}

async function bodyOf(requests: Request[], key: string) {
  const request = requests.find((r) => path(r) === key);
  return request ? request.json() : undefined;
}

describe('TwapPage', { timeout: 30_000 }, () => {
  it("shows each plan's progress and state, and follows twap_progress over /ws", async () => {
    server([runningPlan]);
    const { socket } = renderPage(<TwapPage />);

    expect(await screen.findByTestId('state-twap_1')).toHaveTextContent('running');
    expect(screen.getByTestId('progress-twap_1')).toHaveTextContent('0 / 0.003 · slice 0/3');
    await waitFor(() => expect(socket.ops('subscribe').flatMap((op) => op.channels as string[])).toContain('twap_progress'));

    act(() => socket.receive('twap_progress', {
      planId: 'twap_1', executed: 0.002, remaining: 0.001, slicesDone: 2, slicesTotal: 3, state: 'paused',
      reason: 'paused by hand', skips: 0, lastSkip: null, slice: null, ts: 1795262192000,
    }));

    await waitFor(() => expect(screen.getByTestId('state-twap_1')).toHaveTextContent('paused'));
    expect(screen.getByTestId('progress-twap_1')).toHaveTextContent('0.002 / 0.003 · slice 2/3');
    expect(screen.getByText('paused by hand')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Resume/ })).toBeInTheDocument();
  });

  it("lists a plan's slices with their legs, fees and P&L", async () => {
    server([pausedPlan]);
    renderPage(<TwapPage />);

    await userEvent.click(await screen.findByRole('button', { name: /expand row/i }));

    const sliceRow = (await screen.findByText('buy 0.001 BTCUSDT on binance spot @ 61,824.01, fees 0.06182401')).closest('tr')!;
    expect(sliceRow).toHaveTextContent('sell 0.001 BTCUSDT on binance linear @ 61,808, fees 0.030904');
    expect(sliceRow).toHaveTextContent('0.09272801');
    expect(sliceRow).toHaveTextContent('-0.10873801');
  });

  it('pauses at once and cancels only after a confirmation saying what cancelling does', async () => {
    const { requests } = server([runningPlan], {
      'POST /api/twap/twap_1/control': async (r) => envelope({ ...runningPlan, state: (await r.clone().json()).action === 'pause' ? 'paused' : 'cancelled' }),
    });
    renderPage(<TwapPage />);

    await userEvent.click(await screen.findByRole('button', { name: /Pause/ }));
    await waitFor(async () => expect(await bodyOf(requests, 'POST /api/twap/twap_1/control')).toEqual({ action: 'pause' }));

    await userEvent.click(screen.getByRole('button', { name: /Cancel/ }));
    expect(await screen.findByTestId('twap-confirmation')).toHaveTextContent(
      'No further slice is sent (0 of 0.003 traded so far); a slice in flight finishes and counts. A cancelled plan cannot be started again.',
    );
    expect(requests.filter((r) => path(r) === 'POST /api/twap/twap_1/control')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel the plan' }));
    await waitFor(() => expect(requests.filter((r) => path(r) === 'POST /api/twap/twap_1/control')).toHaveLength(2));
    expect(await requests.filter((r) => path(r) === 'POST /api/twap/twap_1/control')[1].json()).toEqual({ action: 'cancel' });
  });

  it('starts a plan after a confirmation naming its orders and the paper mode', async () => {
    const { requests } = server([pendingPlan], { 'POST /api/twap/twap_2/control': () => envelope({ ...pendingPlan, state: 'running' }) });
    renderPage(<TwapPage />);

    await userEvent.click(await screen.findByRole('button', { name: /Start/ }));
    const confirmation = await screen.findByTestId('twap-confirmation');
    expect(confirmation).toHaveTextContent(
      'The first slice goes at once — each slice: buy 0.001 BTCUSDT on binance spot at market, sell 0.001 BTCUSDT on binance linear at market; then one slice every 2 s',
    );
    expect(confirmation).toHaveTextContent('Paper mode');

    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(async () => expect(await bodyOf(requests, 'POST /api/twap/twap_2/control')).toEqual({ action: 'start' }));
  });

  it('shows a refused control with the server message', async () => {
    server([runningPlan], { 'POST /api/twap/twap_1/control': () => failure(409, 'CONFLICT', 'plan twap_1 is completed: pause needs running') });
    renderPage(<TwapPage />);

    await userEvent.click(await screen.findByRole('button', { name: /Pause/ }));

    expect(await screen.findByText(/CONFLICT: plan twap_1 is completed: pause needs running/)).toBeInTheDocument();
  });

  it('checks the plan form before sending it, and shows the server refusal under the leg field it names', async () => {
    const refusal = 'legs[0].symbol: binance:spot:DOGEUSDT is not a known instrument: it must be collected (crossbook.market-data.feeds) and listed by the exchange';
    const { requests } = server([], { 'POST /api/twap/plans': () => failure(400, 'VALIDATION_ERROR', refusal) });
    renderPage(<TwapPage />);

    await userEvent.click(await screen.findByRole('button', { name: /New plan/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Total quantity'), { target: { value: '0.01' } });
    fireEvent.change(within(dialog).getByLabelText('Slice quantity'), { target: { value: '0.02' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create plan' }));
    expect(await within(dialog).findByText('At most the total quantity')).toBeInTheDocument();
    // each field's message renders when its own validation settles, not necessarily with the first
    expect(await within(dialog).findByText('Choose the exchange')).toBeInTheDocument();
    expect(requests.some((r) => path(r) === 'POST /api/twap/plans')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('Slice quantity'), { target: { value: '0.001' } });
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'leg 1 exchange' }));
    await userEvent.click(await screen.findByTitle('binance'));
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'leg 1 symbol' }), 'dogeusdt');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create plan' }));

    expect(await within(dialog).findByTestId('twap-form-error')).toHaveTextContent(`VALIDATION_ERROR: ${refusal}`);
    expect((await within(dialog).findByText(refusal)).closest('.ant-form-item')).toHaveTextContent('Symbol');
    expect(await bodyOf(requests, 'POST /api/twap/plans')).toEqual({
      totalQty: 0.01,
      sliceQty: 0.001,
      intervalMs: 30000,
      legs: [{ exchange: 'binance', symbol: 'DOGEUSDT', side: 'buy', type: 'market', market: 'spot' }],
    });
  });

  it('disables the controls for a viewer', async () => {
    server([runningPlan]);
    renderPage(<TwapPage />, 'viewer');

    expect(await screen.findByRole('button', { name: /Pause/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Cancel/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /New plan/ })).toBeDisabled();
  });
});
