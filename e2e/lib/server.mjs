// Starts and stops the real packaged server for the end-to-end flows.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const recordings = join(root, 'server/src/test/resources/binance');
export const ADMIN_PASSWORD = 'e2e-admin-password';

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with status ${child.exitCode} before it was up; see e2e/target/server.log`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url}/health within ${timeoutMs / 1000} s; see e2e/target/server.log`);
}

/**
 * server/target/crossbook-exec.jar (through bin/crossbook) on a free port with a new SQLite database, a known admin
 * password, paper trading, and Binance BTCUSDT spot and USDⓈ-M replayed in a loop at the recorded
 * pace from the excerpts in server/src/test/resources/binance (no live exchange feeds).
 */
export async function startServer() {
  const jar = join(root, 'server/target/crossbook-exec.jar');
  if (!existsSync(jar)) {
    throw new Error(`${jar} is missing: build it first (./mvnw -B install -DskipTests)`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const data = mkdtempSync(join(tmpdir(), 'crossbook-e2e-'));
  mkdirSync(join(root, 'e2e/target'), { recursive: true });
  const log = createWriteStream(join(root, 'e2e/target/server.log'));
  // bin/crossbook finds a JDK 21+ and execs the jar, so the child is the server's own process.
  const child = spawn(
    join(root, 'bin/crossbook'),
    [
      'serve',
      `--server.port=${port}`,
      '--server.address=127.0.0.1',
      `--crossbook.db.sqlite-file=${join(data, 'crossbook.db')}`,
      '--crossbook.market-data.feeds=',
      '--source', `binance:linear:${join(recordings, 'usdm_btcusdt_20240808_head3000.gz')}`,
      '--source', `binance:spot:${join(recordings, 'spot_btcusdt_20240808_head3000.gz')}`,
      '--instruments', `binance:spot:${join(recordings, 'exchange_info_spot.json')}`,
      '--instruments', `binance:linear:${join(recordings, 'exchange_info_usdm.json')}`,
      '--speed', '1x',
      '--loop',
    ],
    {
      cwd: data,
      env: {
        ...process.env,
        CROSSBOOK_ADMIN_PASSWORD: ADMIN_PASSWORD,
        CROSSBOOK_JWT_SECRET: randomBytes(32).toString('base64'),
        CROSSBOOK_MASTER_KEY: randomBytes(32).toString('base64'),
        CROSSBOOK_TRADING_MODE: 'paper',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  try {
    await waitForHealth(url, child, 180_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
