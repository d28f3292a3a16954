import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import riskAlerts from '../test/fixtures/riskAlerts.json';
import riskLimits from '../test/fixtures/riskLimits.json';
import riskStatus from '../test/fixtures/riskStatus.json';
import accountBinance from '../test/fixtures/accountBinance.json';
import { envelope, failure, fakeServer, path } from '../test/fakeServer';
import { button, sent } from '../test/pageHarness';
import { renderSignedIn } from '../test/render';
import { RiskPage } from './RiskPage';

/** A risk server: the captured answers, with the trading state the kill switch sets. */
function riskServer(alerts: object[] = riskAlerts) {
  let state = 'ACTIVE';
  const server = fakeServer(async (request) => {
    switch (path(request)) {
      case 'GET /api/risk/status':
        return envelope({ ...riskStatus, state, killSwitch: state === 'HALTED' });
      case 'GET /api/risk/limits':
        return envelope(riskLimits);
      case 'GET /api/risk/alerts':
        return envelope(alerts);
      case 'GET /api/account/binance':
        return envelope(accountBinance);
      case 'POST /api/risk/kill-switch': {
        const { engaged } = (await request.json()) as { engaged: boolean };
        state = engaged ? 'HALTED' : 'ACTIVE';
        return envelope({ engaged, state, reason: 'kill switch (by admin)', openOrdersCancelled: 0 });
      }
      case 'PUT /api/risk/limits': {
        const body = (await request.json()) as Record<string, number>;
        return body.venueMaxPauseMs !== undefined && body.venueMaxPauseMs < riskLimits.venuePauseMs
          ? failure(400, 'VALIDATION_ERROR', `venueMaxPauseMs must be at least venuePauseMs (30000), was ${body.venueMaxPauseMs}`)
          : envelope({ ...riskLimits, ...body });
      }
      default:
        return failure(404, 'NOT_FOUND', `no route ${path(request)}`);
    }
  });
  return { ...server, setState: (next: string) => (state = next) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// Ant Design's pages render slowly in jsdom on a busy machine
describe('RiskPage', { timeout: 30_000 }, () => {
  it("shows the server's state, P&L, exposures and alerts", async () => {
    riskServer();
    renderSignedIn(<RiskPage />);

    expect(await screen.findByTestId('risk-state-badge')).toHaveTextContent('ACTIVE');
    expect(screen.getAllByText('0.00 USD')).toHaveLength(3);
    // valueUsd null: no book to value BTC on
    expect(screen.getAllByText('no mark')).toHaveLength(3);
    expect(screen.getByText('var95 needs 20 days of P&L, have 0', { exact: false })).toBeInTheDocument();
    const alerts = within(screen.getByTestId('risk-alerts'));
    expect(await alerts.findByText('KILL_SWITCH')).toBeInTheDocument();
    expect(alerts.getByText('CRITICAL')).toBeInTheDocument();
    expect(alerts.getByText('trading HALTED -> ACTIVE: kill switch released (by admin)')).toBeInTheDocument();
  });

  it('engages the kill switch only after a confirmation saying what it does, then shows HALTED', async () => {
    const { requests } = riskServer();
    renderSignedIn(<RiskPage />);
    await screen.findByTestId('risk-state-badge');

    await userEvent.click(screen.getByTestId('kill-switch-button'));

    const effect = await screen.findByTestId('kill-switch-effect');
    expect(effect).toHaveTextContent('Trading state becomes HALTED');
    expect(effect).toHaveTextContent('A cancel is sent for every open order on every venue (0 open now)');
    expect(effect).toHaveTextContent('every new order');
    expect(sent(requests, 'POST /api/risk/kill-switch')).toHaveLength(0);

    await userEvent.click(button('Engage: halt all trading'));

    await waitFor(() => expect(screen.getByTestId('risk-state-badge')).toHaveTextContent('HALTED'));
    const [post] = sent(requests, 'POST /api/risk/kill-switch');
    expect(await post.json()).toEqual({ engaged: true });
    expect(screen.getByTestId('kill-switch-button')).toHaveTextContent('Release kill switch');
  });

  it('releases the kill switch after saying trading resumes', async () => {
    const { requests, setState } = riskServer();
    setState('HALTED');
    renderSignedIn(<RiskPage />);
    await waitFor(() => expect(screen.getByTestId('kill-switch-button')).toHaveTextContent('Release kill switch'));

    await userEvent.click(screen.getByTestId('kill-switch-button'));
    expect(await screen.findByTestId('kill-switch-effect')).toHaveTextContent('Trading state becomes ACTIVE');
    await userEvent.click(button('Release: resume trading'));

    await waitFor(() => expect(screen.getByTestId('risk-state-badge')).toHaveTextContent('ACTIVE'));
    expect(await sent(requests, 'POST /api/risk/kill-switch')[0].json()).toEqual({ engaged: false });
  });

  it('cancelling the confirmation sends nothing', async () => {
    const { requests } = riskServer();
    renderSignedIn(<RiskPage />);
    await screen.findByTestId('risk-state-badge');

    await userEvent.click(screen.getByTestId('kill-switch-button'));
    await screen.findByTestId('kill-switch-effect');
    await userEvent.click(button('Cancel'));

    expect(sent(requests, 'POST /api/risk/kill-switch')).toHaveLength(0);
    expect(screen.getByTestId('risk-state-badge')).toHaveTextContent('ACTIVE');
  });

  it('follows an engine_alert from /ws: the state changed elsewhere and the alert show at once', async () => {
    // the server publishes an alert before storing it: the list read again at once would not have it
    const { setState } = riskServer([riskAlerts[0]]);
    const { socket } = renderSignedIn(<RiskPage />);
    act(() => socket.accept());
    expect(await screen.findByTestId('risk-state-badge')).toHaveTextContent('ACTIVE');
    await waitFor(() => expect(socket.ops('subscribe').flatMap((f) => f.channels as string[])).toContain('engine_alert'));

    setState('HALTED');
    const { id: _id, ...alert } = riskAlerts[1];
    act(() => socket.receive('engine_alert', alert));

    await waitFor(() => expect(screen.getByTestId('risk-state-badge')).toHaveTextContent('HALTED'));
    expect(within(screen.getByTestId('risk-alerts')).getByText(alert.message)).toBeInTheDocument();
  });

  it('refuses an out-of-range limit in the form without asking the server', async () => {
    const { requests } = riskServer();
    renderSignedIn(<RiskPage />);
    const input = await screen.findByLabelText(/Max order notional/);

    await userEvent.clear(input);
    await userEvent.type(input, '0');
    await userEvent.click(button('Save limits'));

    expect(await screen.findByText('must be positive')).toBeInTheDocument();
    expect(sent(requests, 'PUT /api/risk/limits')).toHaveLength(0);
  });

  it("sends only the changed limit and shows the server's refusal on the limit it names", async () => {
    const { requests } = riskServer();
    renderSignedIn(<RiskPage />);
    const input = await screen.findByLabelText(/Longest pause/);

    await userEvent.clear(input);
    await userEvent.type(input, '1000');
    fireEvent.blur(input);
    await userEvent.click(button('Save limits'));

    const refusal = await screen.findByTestId('limits-refusal');
    const text = 'VALIDATION_ERROR: venueMaxPauseMs must be at least venuePauseMs (30000), was 1000';
    expect(refusal).toHaveTextContent(text);
    expect(refusal).toHaveTextContent('nothing changed');
    // and under the field itself
    expect(screen.getAllByText(text)).toHaveLength(2);
    expect(await sent(requests, 'PUT /api/risk/limits')[0].json()).toEqual({ venueMaxPauseMs: 1000 });
  });

  it('gives a viewer no kill switch and a read-only form', async () => {
    riskServer();
    renderSignedIn(<RiskPage />, '/', 'viewer');

    await screen.findByTestId('risk-state-badge');
    expect(screen.getByTestId('kill-switch-button')).toBeDisabled();
    expect(await screen.findByLabelText(/Max order notional/)).toBeDisabled();
    expect(button('Save limits')).toBeDisabled();
  });
});
