import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { api, browserForTests, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();
// made-up keys: stored and shown masked, never tested against a real exchange
const KEY = 'e2eKeyA1b2C3d4E5f6';
const SECRET = 'e2eSecret-never-shown-9Z8Y7X';

after(async () => {
  await api('/api/settings/api/bybit', { method: 'DELETE' }).catch(() => undefined);
});

test('the settings page shows the trading mode and every exchange with its public-only state', async () => {
  const { page } = session;
  await signIn(page, '/settings');
  await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();

  assert.match(await page.getByTestId('trading-mode').textContent(), /PAPER/);
  const exchanges = page.getByTestId('exchanges');
  const row = (name) => exchanges.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  for (const name of ['binance', 'bybit', 'okx']) {
    await row(name).waitFor();
  }
  // the replayed markets are up; the others are not collected in this run
  await row('binance').getByText('spot: REPLAYING').waitFor();
  await row('binance').getByText('linear: REPLAYING').waitFor();
  const expected = await api('/api/exchanges');
  for (const exchange of expected) {
    assert.equal(await row(exchange.name).getByText('public only').count(), exchange.publicOnly ? 1 : 0, exchange.name);
  }
  await screenshot(page, 'settings');
  assert.deepEqual(session.errors, []);
});

test('API keys are entered in password fields, stored, then shown masked and never echoed back', async () => {
  const { page } = session;
  const card = page.getByTestId('keys-bybit');
  const apiKey = card.getByLabel('API key');
  assert.equal(await apiKey.getAttribute('type'), 'password');
  assert.equal(await card.getByLabel('Secret').getAttribute('type'), 'password');

  await apiKey.fill(KEY);
  await card.getByLabel('Secret').fill(SECRET);
  await card.getByRole('button', { name: 'Save keys' }).click();

  await card.getByText('Keys set, not tested').waitFor();
  const masked = (await api('/api/settings/api')).bybit.keyId;
  await card.getByText(masked).waitFor();
  assert.equal(await apiKey.inputValue(), '');
  assert.equal(await card.getByLabel('Secret').inputValue(), '');
  const html = await page.content();
  assert.ok(!html.includes(SECRET) && !html.includes(KEY), 'the keys are nowhere in the page');
  // with keys, bybit is no longer public only
  await page.getByTestId('exchanges').getByRole('row').filter({ has: page.getByRole('cell', { name: 'bybit', exact: true }) }).getByText('keys set').waitFor({ timeout: 10_000 });
  await screenshot(page, 'settings-keys-stored');

  await card.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Remove keys' }).click();
  await card.getByText('No keys').waitFor();
  assert.deepEqual(session.errors, []);
});
