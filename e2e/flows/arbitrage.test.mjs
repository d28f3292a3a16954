import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();

/** Picks an option of an Ant Design select named `label` (its dropdown is the one visible), and waits for it to close. */
async function choose(page, label, option) {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
}

const netSpread = (text) => /-?\d+\.\d{4} %/.test(text ?? '');

test('a pair refused by the server shows why; corrected, it is created and its spread updates live; executed after confirmation', async () => {
  const { page, errors } = session;
  await signIn(page);
  await openPage(page, 'Arbitrage');

  await page.getByRole('button', { name: 'New pair' }).click();
  const dialog = page.getByRole('dialog', { name: 'New arbitrage pair' });
  await choose(page, 'leg1 exchange', 'binance');
  await page.getByRole('combobox', { name: 'leg1 symbol' }).fill('BTCUSDT');
  await choose(page, 'leg2 exchange', 'binance');
  await page.getByRole('combobox', { name: 'leg2 symbol' }).fill('BTCUSDT');
  await dialog.getByLabel('Quantity per trade').fill('0.0000001');
  await dialog.getByLabel('Total amount').fill('100');
  await dialog.getByLabel('Threshold').fill('0.5');
  await dialog.getByRole('button', { name: 'Create' }).click();

  // the lot size check is the server's: the client only knows the quantity is above zero
  const refusal = dialog.getByTestId('pair-form-error');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /VALIDATION_ERROR: qty: 0\.0000001 is not a whole number of binance:spot:BTCUSDT lots \(lot size 0\.00001\)/);
  await screenshot(page, 'arbitrage-pair-refused');

  await dialog.getByLabel('Quantity per trade').fill('0.001');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/monitoring/pairs') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const { data } = await (await created).json();
  const pairId = data.id;
  await dialog.waitFor({ state: 'hidden' });

  // the new pair's row, priced from the replayed books, and its spread moving with them over /ws
  const row = page.getByTestId('pairs').getByRole('row').filter({ has: page.getByText(pairId, { exact: true }) });
  await row.click();
  await page.waitForFunction((id) => /-?\d+\.\d{4} %/.test(document.querySelector(`[data-testid="net-spread-${id}"]`)?.textContent ?? ''), pairId);
  const selected = page.getByTestId('selected-net-spread');
  const before = await selected.textContent();
  await page.waitForFunction((text) => {
    const now = document.querySelector('[data-testid="selected-net-spread"]')?.textContent;
    return now !== text && /as of \d/.test(now ?? '');
  }, before, { timeout: 30_000 });
  assert.ok(netSpread(await page.getByTestId(`net-spread-${pairId}`).textContent()));
  await screenshot(page, 'arbitrage');

  // manual execution: nothing is sent before the confirmation, which names the orders and the mode
  await row.getByRole('button', { name: 'Execute' }).click();
  const confirmation = page.getByTestId('execute-confirmation');
  await confirmation.waitFor();
  const said = await confirmation.textContent();
  assert.match(said, new RegExp(`Execute both legs of pair ${pairId} now at market`));
  assert.match(said, /0\.001 BTCUSDT on binance spot/);
  assert.match(said, /Paper mode/);
  // photographed once its opening animation is over
  await page.waitForFunction(() => [...document.querySelectorAll('.ant-modal')].every((m) => !/ant-zoom/.test(m.className)));
  await screenshot(page, 'arbitrage-execute-confirmation');
  await page.getByRole('button', { name: 'Execute (paper)' }).click();
  const result = page.getByTestId('execution-result');
  await result.waitFor({ timeout: 30_000 });
  // filled, or refused with the server's reason (the replay restarting can pause the venue)
  assert.match(await result.textContent(), new RegExp(`Pair ${pairId}: (execution \\w+ (filled|hedged_partial|unwound|failed)|refused by the risk engine|execution refused)`));
  await screenshot(page, 'arbitrage-executed');

  await row.getByRole('button', { name: `Delete ${pairId}` }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await row.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});
