// Starts `pamir serve --demo` on a free loopback port with a fresh data
// directory, waits for /healthz, and stops it again. With `prepare`, that
// function runs first (given the binary and the data directory: to import a
// site into it, say) and the server starts without the demo.
//
//   PAMIR_BIN  path of the pamir binary (default: target/debug/pamir in the
//              repository root, or $CARGO_TARGET_DIR/debug/pamir)

import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const MAX_LOG = 64 * 1024;

export function pamirBin() {
  const fromEnv = process.env.PAMIR_BIN;
  if (fromEnv) return isAbsolute(fromEnv) ? fromEnv : resolve(REPO_ROOT, fromEnv);
  const targetDir = process.env.CARGO_TARGET_DIR
    ? resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR)
    : join(REPO_ROOT, 'target');
  return join(targetDir, 'debug', 'pamir');
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(s, n = 4000) {
  return s.length > n ? '...' + s.slice(-n) : s;
}

const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

/**
 * Starts the server. Resolves to { baseUrl, port, dataDir, stop(), logs() }.
 * Rejects with a readable error (including the server's stderr) if the binary
 * is missing, exits early, or /healthz does not answer 200 within 60 s.
 */
export async function startServer({ extraArgs = [], prepare = null } = {}) {
  const bin = pamirBin();
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new Error(
      `pamir binary not found or not executable at ${bin}: run \`cargo build\` in the repository root first ` +
        '(or set PAMIR_BIN to the binary to test)',
    );
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pamir-browser-test-'));
  const listen = `127.0.0.1:${port}`;
  const args = ['serve', ...(prepare ? [] : ['--demo']), '--listen', listen, '--data', dataDir, ...extraArgs];

  // The server reads PAMIR_* variables as configuration; do not hand it the
  // test harness's own ones.
  const env = { ...process.env };
  delete env.PAMIR_BIN;
  delete env.PAMIR_TEST_DATABASE_URL;

  if (prepare) {
    try {
      prepare({ bin, dataDir, env });
    } catch (e) {
      rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }
  const child = spawn(bin, args, { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { stdout = (stdout + d).slice(-MAX_LOG); });
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr = (stderr + d).slice(-MAX_LOG); });

  let exited = null;
  let spawnError = null;
  const exitPromise = new Promise((r) => {
    child.on('error', (e) => { spawnError = e; exited = exited || { code: null, signal: null }; r(); });
    child.on('exit', (code, signal) => { exited = { code, signal }; running.delete(child); r(); });
  });

  const baseUrl = `http://${listen}`;
  const describe = () =>
    `command: ${bin} ${args.join(' ')}\n--- server stderr ---\n${tail(stderr) || '(empty)'}\n--- server stdout ---\n${tail(stdout) || '(empty)'}`;

  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  for (;;) {
    if (exited) {
      cleanup();
      const how = spawnError ? `could not be started (${spawnError.message})` : `exited early (code ${exited.code}, signal ${exited.signal})`;
      throw new Error(`pamir server ${how} before /healthz answered.\n${describe()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
      lastProblem = `GET /healthz answered ${res.status}`;
    } catch (e) {
      lastProblem = `GET /healthz failed: ${e.cause?.code || e.message}`;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exitPromise;
      cleanup();
      throw new Error(
        `pamir server did not answer 200 on ${baseUrl}/healthz within ${STARTUP_TIMEOUT_MS / 1000} s (${lastProblem}).\n${describe()}`,
      );
    }
    await sleep(200);
  }

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, STOP_TIMEOUT_MS);
      await exitPromise;
      clearTimeout(timer);
    }
    cleanup();
  }

  return { baseUrl, port, dataDir, stop, logs: describe, stdout: () => stdout };
}

/**
 * One server per test file: `const site = lazyServer(); ... await site.get()`;
 * call `site.stop()` in an `after` hook. A start failure is reported by every
 * test that needs the server.
 */
export function lazyServer(options) {
  let promise = null;
  return {
    get() {
      if (!promise) promise = startServer(options);
      return promise;
    },
    async stop() {
      if (!promise) return;
      try {
        const srv = await promise;
        await srv.stop();
      } catch { /* start failed: nothing to stop */ }
    },
  };
}
