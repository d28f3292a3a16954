// What every flow needs: Chromium, a signed-in page, the REST API as admin, screenshots.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.CROSSBOOK_E2E_URL;
const PASSWORD = process.env.CROSSBOOK_E2E_PASSWORD;
const SCREENSHOTS = resolve(import.meta.dirname, '../target/screenshots');

/** Debian's chromium (or $CHROMIUM); a one-line error saying how to install it when there is none. */
export function findChromium() {
  const candidates = process.env.CHROMIUM
    ? [process.env.CHROMIUM]
    : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => ['chromium', 'chromium-browser'].map((name) => join(dir, name)));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error('e2e: Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM=/path/to/chromium)');
}

/** A new headless Chromium with one page of 1440×900; close the browser when done. */
export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { browser, page, errors };
}

/**
 * Chromium for the tests of one flow file: opened before them, closed after them. The returned
 * object gets `page` and `errors` (uncaught errors in the page) once it is open.
 */
export function browserForTests() {
  const session = {};
  before(async () => Object.assign(session, await openBrowser()));
  after(async () => session.browser?.close());
  return session;
}

/** Signs in as admin through the login page and waits for the live-data indicator to say connected. */
export async function signIn(page, path = '/dashboard') {
  await page.goto(`${BASE_URL}${path}`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid=ws-indicator][data-status=connected]').waitFor();
}

/** Opens a page through the side menu and waits for its heading. */
export async function openPage(page, label) {
  await page.getByRole('menuitem', { name: label }).click();
  await page.getByRole('heading', { level: 2, name: label }).waitFor();
}

/** e2e/target/screenshots/NAME.png of the whole page. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

let token;

/** A REST call as admin, for setting up what a flow needs; the envelope's data, or a thrown error with the server's code and message. */
export async function api(path, { method = 'GET', body } = {}) {
  token ??= (await call('/api/auth/login', 'POST', { username: 'admin', password: PASSWORD })).accessToken;
  return call(path, method, body, token);
}

async function call(path, method, body, bearer) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!answer.success) {
    throw new Error(`${method} ${path}: ${answer.error.code}: ${answer.error.message}`);
  }
  return answer.data;
}
