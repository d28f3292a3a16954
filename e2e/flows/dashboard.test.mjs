import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { api, browserForTests, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();
let pairId;

before(async () => {
  // A pair over the two replayed markets: Binance BTCUSDT spot against the USDⓈ-M perpetual.
  const spot = { exchange: 'binance', symbol: 'BTCUSDT', type: 'spot' };
  const perp = { exchange: 'binance', symbol: 'BTCUSDT', type: 'linear' };
  const existing = (await api('/api/monitoring/pairs')).find((p) => p.leg1.type === 'spot' && p.leg2.type === 'linear');
  pairId = existing?.id
    ?? (await api('/api/monitoring/pairs', {
      method: 'POST',
      body: { leg1: spot, leg2: perp, threshold: 0.5, qty: 0.001, totalAmount: 100, direction: 'auto', enabled: false },
    })).id;
});

test('the dashboard shows the replayed exchange connected and the pair’s net spread updating live', async () => {
  const { page } = session;
  await signIn(page);

  const binance = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'binance', exact: true }) });
  await binance.getByText(/^connected/).waitFor();
  const spread = page.getByTestId(`net-spread-${pairId}`);
  await page.waitForFunction((id) => /-?\d+\.\d{4} %/.test(document.querySelector(`[data-testid="net-spread-${id}"]`)?.textContent ?? ''), pairId);
  const updated = page.getByTestId(`spread-updated-${pairId}`);
  const pointsBefore = Number(await updated.getAttribute('data-points'));
  const timeBefore = await updated.textContent();

  // the replay moves the books several times a second: within a few seconds /ws brings new spreads
  await page.waitForFunction(
    ({ id, before }) => Number(document.querySelector(`[data-testid="spread-updated-${id}"]`)?.dataset.points) >= before + 3,
    { id: pairId, before: pointsBefore },
    { timeout: 30_000 },
  );
  assert.notEqual(await updated.textContent(), timeBefore);
  assert.match(await spread.textContent(), /-?\d+\.\d{4} %/);
  assert.equal(await page.getByTestId('ws-indicator').getAttribute('data-status'), 'connected');
  assert.match(await page.getByTestId('risk-state').textContent(), /Risk (ACTIVE|REDUCING|HALTED)/);
  await screenshot(page, 'dashboard');
  assert.deepEqual(session.errors, []);
});
