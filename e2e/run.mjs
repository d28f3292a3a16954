// The end-to-end run: starts the real server, runs every flow in flows/ with Node's test runner
// against it (one at a time: they share the server), stops the server, exits with the runner's status.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './lib/browser.mjs';
import { ADMIN_PASSWORD, startServer } from './lib/server.mjs';

try {
  findChromium();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

const flows = join(import.meta.dirname, 'flows');
const files = readdirSync(flows).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(flows, f));
const server = await startServer();
console.log(`e2e: server up at ${server.url}; ${files.length} flow files`);
let status = 1;
try {
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, CROSSBOOK_E2E_URL: server.url, CROSSBOOK_E2E_PASSWORD: ADMIN_PASSWORD },
  });
  status = await new Promise((done) => runner.on('exit', (code) => done(code ?? 1)));
} finally {
  await server.stop();
}
process.exit(status);
