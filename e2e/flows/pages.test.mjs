import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();

test('every page of the side menu opens, and is photographed', async () => {
  const { page, errors } = session;
  await signIn(page);
  for (const label of ['Dashboard', 'Arbitrage', 'TWAP', 'Risk', 'Settings', 'System']) {
    await openPage(page, label);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await screenshot(page, `page-${label.toLowerCase()}`);
  }
  assert.deepEqual(errors, []);
});
