// The package in a real browser: headless Chromium loads dist/index.js as an ES module from a loopback page and
// calls the real server cross-origin (fetch, CORS), opens the live socket over the browser's own WebSocket and
// verifies a webhook signature with Web Crypto. The page posts its result back to the page server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, newWorkspace } from './helpers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

const page = `<!doctype html><html><body><script type="module">
import { Parley, NotFoundError } from '/dist/index.js';
const report = (body) => fetch('/result', { method: 'POST', body: JSON.stringify(body) });
try {
  const p = new URLSearchParams(location.search);
  const parley = new Parley({ apiKey: p.get('key'), baseUrl: p.get('base'), maxRetries: 0 });
  const conv = await parley.conversations.create({ customerEmail: 'browser@example.com', initialMessage: 'Do you ship to Canada?' });
  const missing = await parley.conversations.retrieve('conv_nope').catch((e) => e);
  const listed = [];
  for await (const c of parley.conversations.list({ perPage: 1 })) listed.push(c.id);
  const live = parley.live.connect({ conversationId: conv.id });
  await live.ready();
  const reply = new Promise((resolve) => live.on('message', (f) => f.role === 'assistant' && resolve(f)));
  const ack = await live.send('Do you sell socks?');
  const frame = await reply;
  live.close();
  const body = JSON.stringify({ id: 'evt_1', event: 'webhook.test', timestamp: '2026-01-01T00:00:00Z', data: {} });
  const headers = await parley.webhooks.generateTestHeaders(body, 'whsec_browser_secret_123456789');
  const event = await parley.webhooks.verify(body, headers, 'whsec_browser_secret_123456789');
  const tampered = await parley.webhooks.isValid(body + ' ', headers, 'whsec_browser_secret_123456789');
  await report({
    conversation: conv.id, answered: conv.response.content.length > 0,
    notFound: missing instanceof NotFoundError && missing.code === 'not_found' && missing.status === 404,
    listed, ack: ack.message_id, reply: frame.content, globalWebSocket: typeof WebSocket,
    verified: event.event, tampered,
  });
} catch (e) {
  await report({ error: e.name + ': ' + e.message });
}
</script></body></html>`;

test('in headless Chromium: REST cross-origin, pagination, typed errors, the live socket and webhook verification', async (t) => {
  assert.ok(existsSync(chromium), `Chromium is needed at ${chromium} (PARLEY_CHROMIUM); .ci/run installs it`);
  const { client, key } = await newWorkspace();
  let deliver;
  const result = new Promise((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://page').pathname;
    if (path === '/result') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.end();
        deliver(JSON.parse(body));
      });
      return;
    }
    if (path === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    if (path.startsWith('/dist/') && path.endsWith('.js') && !path.includes('..')) {
      return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(root, path)));
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const url = `http://127.0.0.1:${server.address().port}/?key=${key}&base=${encodeURIComponent(BASE_URL)}`;
  const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-breakpad', '--disable-crash-reporter', `--user-data-dir=${profile}`, url], {
    stdio: 'ignore',
    detached: true,
  });
  t.after(() => {
    try {
      process.kill(-browser.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    server.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no result from the page in 120 s')), 120_000).unref());
  const outcome = await Promise.race([result, timeout]);
  assert.equal(outcome.error, undefined, outcome.error);
  assert.match(outcome.conversation, /^conv_/);
  assert.equal(outcome.answered, true);
  assert.equal(outcome.notFound, true);
  assert.deepEqual(outcome.listed, [outcome.conversation]);
  assert.match(outcome.ack, /^msg_/);
  assert.ok(outcome.reply.length > 0);
  assert.equal(outcome.globalWebSocket, 'function');
  assert.equal(outcome.verified, 'webhook.test');
  assert.equal(outcome.tampered, false);
  const stored = await client.conversations.retrieve(outcome.conversation, { includeMessages: true });
  assert.ok(stored.messages.some((m) => m.content === 'Do you sell socks?'));
});
