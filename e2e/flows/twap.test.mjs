import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();

test('a TWAP plan is created, started and paused, its state following on the page', async () => {
  const { page, errors } = session;
  await signIn(page);
  await openPage(page, 'TWAP');
  const name = `e2e-twap-${Date.now()}`;

  await page.getByRole('button', { name: 'New plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'New TWAP plan' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Total quantity').fill('0.005');
  await dialog.getByLabel('Slice quantity').fill('0.001');
  await dialog.getByLabel('Interval').fill('5000');
  await page.getByRole('combobox', { name: 'leg 1 exchange' }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('binance', { exact: true }).click();
  await page.getByRole('combobox', { name: 'leg 1 symbol' }).fill('BTCUSDT');
  await dialog.getByRole('button', { name: 'Create plan' }).click();
  await dialog.waitFor({ state: 'hidden' });

  const row = page.getByRole('row').filter({ hasText: name });
  const state = row.locator('[data-testid^="state-"]');
  await state.filter({ hasText: 'pending' }).waitFor();

  await row.getByRole('button', { name: 'Start' }).click();
  const confirmation = page.getByTestId('twap-confirmation');
  assert.match(await confirmation.textContent(), /The first slice goes at once — each slice: buy 0\.001 BTCUSDT on binance spot at market; then one slice every 5 s/);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await state.filter({ hasText: 'running' }).waitFor();

  await row.getByRole('button', { name: 'Pause' }).click();
  await state.filter({ hasText: 'paused' }).waitFor();
  assert.match(await row.textContent(), /paused by hand/);
  assert.match(await row.locator('[data-testid^="progress-"]').textContent(), /\/ 0\.005 · slice \d\/5/);
  await row.getByRole('button', { name: 'expand row' }).click();
  await page.getByText(/^buy 0\.001 BTCUSDT on binance spot @|^No slice sent yet$/).first().waitFor();
  await screenshot(page, 'twap');

  await row.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await page.getByTestId('twap-confirmation').textContent(), /No further slice is sent/);
  await page.getByRole('button', { name: 'Cancel the plan' }).click();
  await state.filter({ hasText: 'cancelled' }).waitFor();
  assert.deepEqual(errors, []);
});
