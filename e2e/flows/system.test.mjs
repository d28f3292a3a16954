import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { api, browserForTests, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();

// whatever happens here, market data runs again for the flows after this one
after(async () => {
  await api('/api/system/start', { method: 'POST' }).catch(() => undefined);
  await api('/api/qingxi/collectors/start', { method: 'POST', body: { id: 'binance:spot' } }).catch(() => undefined);
});

const messages = async (page, id) => Number((await page.getByTestId(`messages-${id}`).textContent()).replace(/,/g, ''));
const collectorRow = (page, id) => page.getByTestId('collectors').getByRole('row').filter({ has: page.getByText(id, { exact: true }) });

test('the system page shows the status and the collectors with their live stats', async () => {
  const { page } = session;
  await signIn(page, '/system');
  await page.getByRole('heading', { level: 2, name: 'System' }).waitFor();

  assert.equal(await page.getByTestId('system-running').textContent(), 'RUNNING');
  const version = (await api('/api/system/status')).version;
  await page.getByText(version, { exact: true }).waitFor();
  await page.getByTestId('modules').getByText('marketData').waitFor();
  await page.getByTestId('api-performance').waitFor();

  await collectorRow(page, 'binance:spot').getByText('REPLAYING').waitFor();
  const first = await messages(page, 'binance:spot');
  // the replay keeps feeding: the count moves on the next polls
  await page.waitForFunction(
    (before) => Number(document.querySelector('[data-testid="messages-binance:spot"]')?.textContent.replace(/,/g, '')) > before,
    first,
    { timeout: 15_000 },
  );
  assert.ok((await messages(page, 'binance:spot')) > first);
  await screenshot(page, 'system');
  assert.deepEqual(session.errors, []);
});

test('one collector is stopped after a confirmation and started again', async () => {
  const { page } = session;
  const row = collectorRow(page, 'binance:spot');
  await page.getByTestId('stop-binance:spot').click();
  await page.getByText(/Its 1 book\(s\) \(BTCUSDT\) go out of sync/).waitFor();
  await page.getByRole('button', { name: 'Stop collector' }).click();
  await row.getByText('STOPPED').waitFor();

  await row.getByRole('button', { name: 'Start' }).click();
  await row.getByText('REPLAYING').waitFor();
  await row.getByText('1 / 1').waitFor({ timeout: 30_000 });
  assert.deepEqual(session.errors, []);
});

test('the system is stopped after a confirmation saying what stops, and started again', async () => {
  const { page } = session;
  await page.getByTestId('system-stop').click();
  const effect = page.getByTestId('system-stop-effect');
  assert.match(await effect.textContent(), /Every market-data collector stops \(\d+ running now\).*Open orders are NOT cancelled/);
  await screenshot(page, 'system-stop-confirm');
  await page.getByRole('button', { name: 'Stop market data' }).click();

  await page.waitForFunction(() => document.querySelector('[data-testid="system-running"]')?.textContent === 'STOPPED');
  await collectorRow(page, 'binance:linear').getByText('STOPPED').waitFor();

  await page.getByTestId('system-start').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="system-running"]')?.textContent === 'RUNNING');
  await collectorRow(page, 'binance:linear').getByText('1 / 1').waitFor({ timeout: 30_000 });
  assert.deepEqual(session.errors, []);
});

test('the log viewer filters by level', async () => {
  const { page } = session;
  const logs = page.getByTestId('logs');
  await logs.locator('.ant-select', { has: page.getByRole('combobox', { name: 'Level' }) }).click();
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/system/logs?level=warn')),
    page.locator('.ant-select-item-option', { hasText: 'warn and above' }).click(),
  ]);
  // the answer's rows render after its response arrives: wait (10 s at most) for rows all at warn or above,
  // then read them, so that a failure lists the levels it found
  await page
    .waitForFunction(() => {
      const tags = [...document.querySelectorAll('[data-testid="logs"] tbody .ant-tag')];
      return tags.length > 0 && tags.every((t) => t.textContent === 'WARN' || t.textContent === 'ERROR');
    }, null, { timeout: 10_000 })
    .catch(() => {});
  // the replay's restarts and the stop above leave warnings; nothing below warn is listed
  const levels = await logs.locator('tbody .ant-tag').allTextContents();
  assert.ok(levels.length > 0, 'some warnings or errors are listed');
  assert.ok(levels.every((l) => l === 'WARN' || l === 'ERROR'), levels.join(','));
  await logs.scrollIntoViewIfNeeded();
  await screenshot(page, 'system-logs-warn');
  assert.deepEqual(session.errors, []);
});
