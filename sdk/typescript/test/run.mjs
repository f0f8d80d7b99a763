// `npm test`: starts one real Parley server (the jar the build made, a fresh data directory, a free loopback port)
// and runs every test file against it with Node's test runner, one file at a time; then stops the server.
// PARLEY_TEST_BASE_URL and PARLEY_TEST_ADMIN_KEY point the tests at a server you already run instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

function javaBinary() {
  const homes = [process.env.JAVA_HOME, '/usr/lib/jvm/temurin-25-jdk-amd64'].filter(Boolean);
  for (const home of homes) {
    if (existsSync(join(home, 'bin', 'java'))) return join(home, 'bin', 'java');
  }
  return 'java';
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function adminKey() {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return 'sk_live_' + Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join('');
}

async function waitForServer(base, key, server, logFile) {
  const deadline = Date.now() + 300_000;
  let exited = null;
  server.once('exit', (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`The server exited (${exited}) while starting:\n${tail(logFile)}`);
    }
    try {
      const health = await fetch(`${base}/health`);
      if (health.status === 200) {
        // The bootstrap admin key is stored once the application is ready, which can follow health.
        const stores = await fetch(`${base}/v1/stores`, { headers: { Authorization: `Bearer ${key}` } });
        if (stores.status === 200) return;
      }
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not become ready in 300 s:\n${tail(logFile)}`);
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-60).join('\n');
  } catch {
    return '(no log)';
  }
}

async function main() {
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.test.mjs'))
    .filter((name) => !process.argv[2] || name.includes(process.argv[2]))
    .sort()
    .map((name) => join(here, name));
  let base = process.env.PARLEY_TEST_BASE_URL;
  let key = process.env.PARLEY_TEST_ADMIN_KEY;
  let server;
  let data;
  if (!base) {
    const jar = process.env.PARLEY_SERVER_JAR ?? join(root, 'server', 'target', 'parley-exec.jar');
    if (!existsSync(jar)) {
      throw new Error(`No server jar at ${jar}: build the server first (mvn -pl server package) or set PARLEY_SERVER_JAR`);
    }
    const port = await freePort();
    data = mkdtempSync(join(tmpdir(), 'parley-sdk-ts-'));
    key = adminKey();
    base = `http://127.0.0.1:${port}`;
    const logFile = join(data, 'server.log');
    const log = openSync(logFile, 'a');
    server = spawn(javaBinary(), ['--add-modules', 'jdk.incubator.vector', '-Xmx1g', '-jar', jar], {
      env: {
        ...process.env,
        SERVER_PORT: String(port),
        SERVER_ADDRESS: '127.0.0.1',
        PARLEY_DATA_DIR: data,
        PARLEY_BOOTSTRAP_ADMIN_KEY: key,
        // Many quick calls with one key; the retry tests make their own 429s.
        PARLEY_RATE_LIMITS_ENABLED: 'false',
        // Webhook deliveries and the crawl of the seed 000 example go to the tests' own loopback servers.
        PARLEY_FETCH_ALLOW: '127.0.0.1',
        PARLEY_CRAWL_DELAY: '0ms',
      },
      stdio: ['ignore', log, log],
    });
    console.log(`parley-sdk tests: starting ${jar} on ${base} (data ${data})`);
    await waitForServer(base, key, server, logFile);
    console.log('parley-sdk tests: server ready');
  }
  const code = await new Promise((resolveCode) => {
    const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
      env: { ...process.env, PARLEY_TEST_BASE_URL: base, PARLEY_TEST_ADMIN_KEY: key },
      stdio: 'inherit',
    });
    runner.on('exit', (c) => resolveCode(c ?? 1));
  });
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        r();
      }, 30_000);
      server.once('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
    if (code !== 0) console.log(`parley-sdk tests: server log tail\n${tail(join(data, 'server.log'))}`);
    rmSync(data, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
