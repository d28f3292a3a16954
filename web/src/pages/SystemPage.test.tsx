import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import collectors from '../test/fixtures/collectors.json';
import systemLogs from '../test/fixtures/systemLogs.json';
import systemStatus from '../test/fixtures/systemStatus.json';
import { envelope, failure, fakeServer, path } from '../test/fakeServer';
import { button, sent } from '../test/pageHarness';
import { renderSignedIn } from '../test/render';
import { SystemPage } from './SystemPage';

/** A system server on the captured answers; each collectors list after the first counts 1,000 more binance:spot messages. */
function systemServer() {
  let running = true;
  let lists = 0;
  return fakeServer(async (request) => {
    const url = new URL(request.url);
    switch (path(request)) {
      case 'GET /api/system/status':
        return envelope({ ...systemStatus, isRunning: running });
      case 'POST /api/system/stop':
        running = false;
        return envelope({ ...systemStatus, isRunning: false });
      case 'GET /api/system/logs': {
        const level = url.searchParams.get('level');
        return envelope(level === 'warn' ? systemLogs.filter((e) => e.level === 'WARN') : systemLogs);
      }
      case 'GET /api/qingxi/collectors/list': {
        const more = 1000 * lists++;
        return envelope(collectors.map((c) => (c.id === 'binance:spot' ? { ...c, messages: c.messages + more } : c)));
      }
      case 'POST /api/qingxi/collectors/stop': {
        const { id } = (await request.json()) as { id: string };
        return envelope({ ...collectors.find((c) => c.id === id), status: 'STOPPED' });
      }
      default:
        return failure(404, 'NOT_FOUND', `no route ${path(request)}`);
    }
  });
}

const row = (id: string) => within(screen.getByText(id).closest('tr') as HTMLElement);

afterEach(() => {
  vi.unstubAllGlobals();
});

// Ant Design's pages render slowly in jsdom on a busy machine
describe('SystemPage', { timeout: 30_000 }, () => {
  it("shows the process, modules' health and the performance figures the server gives", async () => {
    systemServer();
    renderSignedIn(<SystemPage />);

    expect(await screen.findByTestId('system-running')).toHaveTextContent('RUNNING');
    expect(screen.getByTestId('uptime')).toHaveTextContent('1m 01s');
    expect(screen.getByText('0.1.0-SNAPSHOT')).toBeInTheDocument();
    const modules = within(screen.getByTestId('modules'));
    expect(modules.getByText('2 of 8 collectors up')).toBeInTheDocument();
    expect(modules.getByText('DEGRADED')).toBeInTheDocument();
    const api = within(screen.getByTestId('api-performance'));
    expect(api.getByText('1,945.6')).toBeInTheDocument();
    expect(api.getByText('19.2%')).toBeInTheDocument();
  });

  it('lists the collectors with their live stats, refreshed while the page is open', async () => {
    systemServer();
    renderSignedIn(<SystemPage />);

    await screen.findByText('binance:linear');
    expect(row('binance:linear').getByText('216.1')).toBeInTheDocument();
    expect(row('binance:linear').getByText('REPLAYING')).toBeInTheDocument();
    expect(row('binance:linear').getByText('1 / 1')).toBeInTheDocument();
    expect(row('okx:spot').getByText('STOPPED')).toBeInTheDocument();
    const first = Number(collectors[0].messages);
    expect(row('binance:spot').getByText(first.toLocaleString('en-US'))).toBeInTheDocument();

    // the next poll, 2 s later
    await waitFor(() => expect(row('binance:spot').getByText((first + 1000).toLocaleString('en-US'))).toBeInTheDocument(), { timeout: 5000 });
  });

  it('stops the system only after saying what stopping does', async () => {
    const { requests } = systemServer();
    renderSignedIn(<SystemPage />);
    await screen.findByTestId('system-running');

    await userEvent.click(screen.getByTestId('system-stop'));
    const effect = await screen.findByTestId('system-stop-effect');
    expect(effect).toHaveTextContent('Every market-data collector stops (7 running now)');
    expect(effect).toHaveTextContent('Open orders are NOT cancelled');
    expect(sent(requests, 'POST /api/system/stop')).toHaveLength(0);

    await userEvent.click(button('Stop market data'));

    await waitFor(() => expect(screen.getByTestId('system-running')).toHaveTextContent('STOPPED'));
    expect(sent(requests, 'POST /api/system/stop')).toHaveLength(1);
  });

  it('stops one collector after a confirmation naming its books', async () => {
    const { requests } = systemServer();
    renderSignedIn(<SystemPage />);
    await screen.findByText('binance:spot');

    await userEvent.click(screen.getByTestId('stop-binance:spot'));
    expect(await screen.findByText(/Its 1 book\(s\) \(BTCUSDT\) go out of sync/)).toHaveTextContent('replays its recording from the beginning');
    await userEvent.click(button('Stop collector'));

    await waitFor(() => expect(sent(requests, 'POST /api/qingxi/collectors/stop')).toHaveLength(1));
    expect(await sent(requests, 'POST /api/qingxi/collectors/stop')[0].json()).toEqual({ id: 'binance:spot' });
  });

  it('reads the log at the level chosen', async () => {
    const { requests } = systemServer();
    renderSignedIn(<SystemPage />);
    const logs = within(screen.getByTestId('logs'));
    expect(await logs.findByText('PUT /api/settings/api 409 146.694 ms', {}, { timeout: 5000 })).toBeInTheDocument();

    await userEvent.click(logs.getByRole('combobox', { name: 'Level' }));
    await userEvent.click(await screen.findByText('warn and above'));

    await waitFor(() => expect(logs.queryByText('PUT /api/settings/api 409 146.694 ms')).not.toBeInTheDocument());
    await waitFor(() => expect(logs.getAllByText('WARN')).toHaveLength(4));
    expect(logs.queryByText('INFO')).not.toBeInTheDocument();
    const levels = sent(requests, 'GET /api/system/logs').map((r) => new URL(r.url).searchParams.get('level'));
    expect(levels).toContain('warn');
  });

  it('gives a viewer no start, stop or collector controls', async () => {
    systemServer();
    renderSignedIn(<SystemPage />, '/', 'viewer');

    await screen.findByText('binance:spot');
    await screen.findByTestId('system-running');
    expect(screen.getByTestId('system-stop')).toBeDisabled();
    expect(screen.getByTestId('stop-binance:spot')).toBeDisabled();
  });
});
