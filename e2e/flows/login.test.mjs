import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, browserForTests, screenshot, signIn } from '../lib/browser.mjs';

const session = browserForTests();

test('a wrong password is refused with the server’s message', async () => {
  const { page } = session;
  await page.goto(`${BASE_URL}/dashboard`);
  await page.waitForURL('**/login');
  await screenshot(page, 'login');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^UNAUTHORIZED: /);
  await screenshot(page, 'login-refused');
});

test('signing in opens the dashboard with the user and a connected /ws, and survives a reload', async () => {
  const { page } = session;
  await signIn(page);

  assert.match(page.url(), /\/dashboard$/);
  assert.match(await page.getByTestId('signed-in-user').textContent(), /admin/);
  await page.reload();
  await page.locator('[data-testid=ws-indicator][data-status=connected]').waitFor();
  assert.match(page.url(), /\/dashboard$/);
});

test('logging out ends the session and goes back to the login page', async () => {
  const { page, errors } = session;
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL('**/login');

  await page.goto(`${BASE_URL}/risk`);
  await page.waitForURL('**/login');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.deepEqual(errors, []);
});
