import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { api, browserForTests, openPage, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();

// whatever happens here, the server is left trading for the flows after this one
after(async () => {
  await api('/api/risk/kill-switch', { method: 'POST', body: { engaged: false, reason: 'e2e risk flow done' } }).catch(() => undefined);
});

const badge = () => session.page.getByTestId('risk-state-badge');

async function waitForState(state, timeout) {
  await session.page.waitForFunction(
    (expected) => document.querySelector('[data-testid="risk-state-badge"]')?.textContent === expected,
    state,
    timeout ? { timeout } : undefined,
  );
}

test('the kill switch is engaged and released through the page, each after a confirmation saying what it does', async () => {
  const { page } = session;
  await signIn(page, '/risk');
  await page.getByRole('heading', { level: 2, name: 'Risk' }).waitFor();
  await waitForState('ACTIVE');
  await screenshot(page, 'risk');

  await page.getByTestId('kill-switch-button').click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.getByTestId('kill-switch-effect').textContent(), /Trading state becomes HALTED.*A cancel is sent for every open order on every venue \(\d+ open now\)/);
  await dialog.getByPlaceholder(/Reason/).fill('e2e: engage test');
  await screenshot(page, 'risk-kill-switch-confirm');
  await dialog.getByRole('button', { name: 'Engage: halt all trading' }).click();

  await waitForState('HALTED');
  assert.equal((await api('/api/risk/status')).state, 'HALTED');
  // the KILL_SWITCH alert arrives in the list with the reason given
  await page.getByTestId('risk-alerts').getByText(/trading HALTED: e2e: engage test \(by admin\)/).first().waitFor();
  await screenshot(page, 'risk-halted');

  await page.getByTestId('kill-switch-button').click();
  assert.match(await page.getByRole('dialog').getByTestId('kill-switch-effect').textContent(), /Trading state becomes ACTIVE/);
  await page.getByRole('dialog').getByRole('button', { name: 'Release: resume trading' }).click();

  await waitForState('ACTIVE');
  assert.equal((await api('/api/risk/status')).state, 'ACTIVE');
  assert.deepEqual(session.errors, []);
});

test('a kill switch engaged elsewhere shows on the open page without a reload', async () => {
  const { page } = session;
  await waitForState('ACTIVE');

  await api('/api/risk/kill-switch', { method: 'POST', body: { engaged: true, reason: 'e2e: engaged by another client' } });
  // the engine_alert over /ws refreshes the state (the status is otherwise read every 10 s)
  await waitForState('HALTED', 8_000);
  await api('/api/risk/kill-switch', { method: 'POST', body: { engaged: false } });
  await waitForState('ACTIVE', 8_000);
  assert.deepEqual(session.errors, []);
});

test("a bad limits form shows the server's validation error and changes nothing", async () => {
  const { page } = session;
  const before = await api('/api/risk/limits');
  const form = page.getByTestId('risk-limits');
  // each value alone is fine, so the form lets it through; together with the first pause it is not
  const longest = form.getByLabel(/Longest pause/);
  await longest.fill('1000');
  await form.getByRole('button', { name: 'Save limits' }).click();

  const refusal = page.getByTestId('limits-refusal');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /VALIDATION_ERROR: venueMaxPauseMs must be at least venuePauseMs \(\d+\), was 1000/);
  // and under the field it names
  await form.locator('.ant-form-item-explain-error', { hasText: 'venueMaxPauseMs must be at least venuePauseMs' }).waitFor();
  await refusal.scrollIntoViewIfNeeded();
  await screenshot(page, 'risk-limits-refused');
  assert.deepEqual(await api('/api/risk/limits'), before);

  // a good change goes through and shows
  await form.getByRole('button', { name: 'Reset' }).click();
  await form.getByLabel(/Max open orders/).fill(String(before.maxOpenOrders + 1));
  await form.getByRole('button', { name: 'Save limits' }).click();
  await page.getByText(`Limits saved: maxOpenOrders ${before.maxOpenOrders} → ${before.maxOpenOrders + 1}`).waitFor();
  assert.equal((await api('/api/risk/limits')).maxOpenOrders, before.maxOpenOrders + 1);
  await api('/api/risk/limits', { method: 'PUT', body: { maxOpenOrders: before.maxOpenOrders } });
  assert.deepEqual(session.errors, []);
});
