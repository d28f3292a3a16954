import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import accountBinance from '../test/fixtures/accountBinance.json';
import apiKeyStatus from '../test/fixtures/apiKeyStatus.json';
import apiKeyStatusStored from '../test/fixtures/apiKeyStatusStored.json';
import exchanges from '../test/fixtures/exchanges.json';
import { envelope, failure, fakeServer, path } from '../test/fakeServer';
import { button, sent } from '../test/pageHarness';
import { renderSignedIn } from '../test/render';
import { SettingsPage } from './SettingsPage';

const SECRET = 'S3cr3t-never-echoed-0123456789';

function settingsServer({ keys = apiKeyStatus as object, storeAnswer = () => envelope(apiKeyStatusStored) } = {}) {
  return fakeServer((request) => {
    switch (path(request)) {
      case 'GET /api/settings/api':
        return envelope(keys);
      case 'GET /api/exchanges':
        return envelope(exchanges);
      case 'GET /api/account/binance':
        return envelope(accountBinance);
      case 'PUT /api/settings/api':
        return storeAnswer();
      case 'POST /api/settings/api/test':
        return envelope({ binance: apiKeyStatusStored.binance.lastTest });
      default:
        return failure(404, 'NOT_FOUND', `no route ${path(request)}`);
    }
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// Ant Design's pages render slowly in jsdom on a busy machine
describe('SettingsPage', { timeout: 30_000 }, () => {
  it('shows the trading mode and each exchange with its market-data and public-only state', async () => {
    settingsServer();
    renderSignedIn(<SettingsPage />);

    expect(await screen.findByTestId('trading-mode')).toHaveTextContent('PAPER');
    const table = within(screen.getByTestId('exchanges'));
    expect(await table.findByText('binance')).toBeInTheDocument();
    expect(table.getByText('bybit')).toBeInTheDocument();
    expect(table.getByText('okx')).toBeInTheDocument();
    expect(table.getAllByText('public only')).toHaveLength(3);
    expect(table.getByText('spot: REPLAYING')).toBeInTheDocument();
    expect(table.getByText('spot: EXCHANGE_UNAVAILABLE')).toBeInTheDocument();
    // okx:spot was stopped before the capture
    expect(table.getByText('spot: STOPPED')).toBeInTheDocument();
  });

  it('sends typed keys once and keeps them neither in the form nor in the store', async () => {
    const { requests } = settingsServer();
    const { store } = renderSignedIn(<SettingsPage />);
    const card = within(await screen.findByTestId('keys-binance'));

    await userEvent.type(card.getByLabelText('API key'), 'AKIAkey-0123456789');
    await userEvent.type(card.getByLabelText('Secret'), SECRET);
    await userEvent.click(button('Save keys', card));

    await waitFor(() => expect(sent(requests, 'PUT /api/settings/api')).toHaveLength(1));
    const put = requests.find((r) => path(r) === 'PUT /api/settings/api')!;
    expect(await put.json()).toEqual({ binance: { apiKey: 'AKIAkey-0123456789', secret: SECRET } });
    await waitFor(() => expect(card.getByLabelText('Secret')).toHaveValue(''));
    expect(card.getByLabelText('API key')).toHaveValue('');
    expect(JSON.stringify(store.getState())).not.toContain(SECRET);
    expect(JSON.stringify(store.getState())).not.toContain('AKIAkey');
  });

  it("shows the server's refusal and still forgets the keys", async () => {
    settingsServer({
      storeAnswer: () => failure(409, 'CONFLICT', 'cannot store exchange keys: CROSSBOOK_MASTER_KEY is not set.'),
    });
    const { store } = renderSignedIn(<SettingsPage />);
    const card = within(await screen.findByTestId('keys-binance'));

    await userEvent.type(card.getByLabelText('API key'), 'AKIAkey-0123456789');
    await userEvent.type(card.getByLabelText('Secret'), SECRET);
    await userEvent.click(button('Save keys', card));

    expect(await card.findByTestId('keys-refusal-binance')).toHaveTextContent('CONFLICT: cannot store exchange keys: CROSSBOOK_MASTER_KEY is not set.');
    expect(card.getByLabelText('Secret')).toHaveValue('');
    expect(JSON.stringify(store.getState())).not.toContain(SECRET);
  });

  it('checks the key format before sending', async () => {
    const { requests } = settingsServer();
    renderSignedIn(<SettingsPage />);
    const card = within(await screen.findByTestId('keys-okx'));

    await userEvent.type(card.getByLabelText('API key'), 'has space in it');
    await userEvent.click(button('Save keys', card));

    expect(await card.findByText('must be 8 to 256 printable characters without spaces')).toBeInTheDocument();
    // each field's message renders when its own validation settles, not necessarily with the first
    expect(await card.findByText('Enter the secret')).toBeInTheDocument();
    expect(await card.findByText('Enter the passphrase')).toBeInTheDocument();
    expect(sent(requests, 'PUT /api/settings/api')).toHaveLength(0);
  });

  it('shows stored keys masked with their last test, and tests them on demand', async () => {
    const { requests } = settingsServer({ keys: apiKeyStatusStored });
    renderSignedIn(<SettingsPage />);
    const card = within(await screen.findByTestId('keys-binance'));

    expect(card.getByText(apiKeyStatusStored.binance.keyId)).toBeInTheDocument();
    expect(card.getByText('Test failed')).toBeInTheDocument();
    expect(card.getByText(apiKeyStatusStored.binance.lastTest.message, { exact: false })).toBeInTheDocument();
    // no keys: nothing to test
    expect(button('Test', within(screen.getByTestId('keys-bybit')))).toBeDisabled();

    await userEvent.click(button('Test', card));

    await waitFor(() => expect(sent(requests, 'POST /api/settings/api/test')).toHaveLength(1));
    expect(await requests.find((r) => path(r) === 'POST /api/settings/api/test')!.json()).toEqual({ exchange: 'binance' });
  });

  it('gives a viewer no key forms', async () => {
    settingsServer();
    renderSignedIn(<SettingsPage />, '/', 'viewer');
    const card = within(await screen.findByTestId('keys-binance'));

    expect(card.getByLabelText('API key')).toBeDisabled();
    expect(button('Save keys', card)).toBeDisabled();
  });
});
