// The client's own behaviour, without a Parley server: retries, backoff, idempotency keys, typed errors,
// request casing, webhook signatures. The HTTP peer here is a fake (FakeUpstream) because a real server cannot be
// made to answer 502/503 or drop a connection on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import {
  Parley,
  APIConnectionError,
  APIError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  ServerError,
  WebhookSignatureError,
  parseRetryAfter,
  verifyWebhook,
} from '../dist/index.js';

/** A loopback HTTP server answering with the scripted responses in turn, recording every request. */
async function FakeUpstream(script) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body, at: Date.now() });
      const step = script[Math.min(requests.length - 1, script.length - 1)];
      if (step.drop) {
        req.socket.destroy();
        return;
      }
      res.writeHead(step.status, { 'Content-Type': 'application/json', 'X-Request-Id': 'req_fake', ...(step.headers ?? {}) });
      res.end(JSON.stringify(step.body ?? {}));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    requests,
    client: (options = {}) => new Parley({ apiKey: 'sk_test_' + 'a'.repeat(32), baseUrl: `http://127.0.0.1:${port}`, ...options }),
    close: () => new Promise((r) => server.close(r)),
  };
}

const envelope = (code, message, details = {}) => ({ error: { code, message, details }, request_id: 'req_envelope' });

test('a POST retried after 503 and 502 sends one Idempotency-Key on every attempt and returns the success', async () => {
  const fake = await FakeUpstream([
    { status: 503, body: envelope('service_unavailable', 'busy') },
    { status: 502, body: envelope('integration_error', 'upstream') },
    { status: 200, body: { conversation_id: 'conv_1', response: 'hi', confidence: 0.9 } },
  ]);
  try {
    const answer = await fake.client({ maxRetries: 3 }).sendMessage({ message: 'hello', userId: 'u1' });
    assert.equal(answer.answer, 'hi');
    assert.equal(fake.requests.length, 3);
    const keys = fake.requests.map((r) => r.headers['idempotency-key']);
    assert.ok(keys[0] && keys[0].length > 10, 'a key is generated');
    assert.deepEqual(new Set(keys).size, 1, 'the same key on every retry');
    assert.deepEqual(JSON.parse(fake.requests[0].body), { message: 'hello', user_id: 'u1' }, 'camelCase sent as snake_case');
  } finally {
    await fake.close();
  }
});

test('every POST call gets its own Idempotency-Key, a given one is sent as is, and GETs send none', async () => {
  const fake = await FakeUpstream([{ status: 200, body: { response: 'ok' } }]);
  try {
    const client = fake.client();
    await client.chat.send({ message: 'one' });
    await client.chat.send({ message: 'two' });
    await client.chat.send({ message: 'three' }, { idempotencyKey: 'my-key-1' });
    await client.orders.retrieve('1001');
    const [a, b, c, d] = fake.requests.map((r) => r.headers['idempotency-key']);
    assert.notEqual(a, b);
    assert.equal(c, 'my-key-1');
    assert.equal(d, undefined);
    assert.equal(fake.requests[3].headers.authorization, 'Bearer sk_test_' + 'a'.repeat(32));
  } finally {
    await fake.close();
  }
});

test('a 429 waits for Retry-After before the retry', async () => {
  const fake = await FakeUpstream([
    { status: 429, headers: { 'Retry-After': '1' }, body: envelope('rate_limited', 'slow down') },
    { status: 200, body: { response: 'ok' } },
  ]);
  try {
    const result = await fake.client({ maxRetries: 1 }).chat.send({ message: 'hi' });
    assert.equal(result.response, 'ok');
    assert.equal(fake.requests.length, 2);
    // A lower bound only: the client waited at least the second the server asked for.
    assert.ok(fake.requests[1].at - fake.requests[0].at >= 950, `waited ${fake.requests[1].at - fake.requests[0].at} ms`);
  } finally {
    await fake.close();
  }
});

test('retries stop after maxRetries and the last error is thrown, typed, with the envelope', async () => {
  const fake = await FakeUpstream([{ status: 429, headers: { 'Retry-After': '0' }, body: envelope('rate_limited', 'slow down', { limit: 20 }) }]);
  try {
    const error = await fake.client({ maxRetries: 2 }).chat.send({ message: 'hi' }).catch((e) => e);
    assert.ok(error instanceof RateLimitError);
    assert.ok(error instanceof APIError);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.status, 429);
    assert.equal(error.message, 'slow down');
    assert.deepEqual(error.details, { limit: 20 });
    assert.equal(error.request_id, 'req_envelope');
    assert.equal(error.retryAfter, 0);
    assert.equal(fake.requests.length, 3);
  } finally {
    await fake.close();
  }
});

test('a Retry-After longer than maxRetryAfterMs (a spent hourly quota) is thrown at once, not waited out', async () => {
  const fake = await FakeUpstream([{ status: 429, headers: { 'Retry-After': '3600' }, body: envelope('quota_exceeded', 'quota spent') }]);
  try {
    const error = await fake.client({ maxRetries: 3 }).chat.send({ message: 'hi' }).catch((e) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.code, 'quota_exceeded');
    assert.equal(error.retryAfter, 3600);
    assert.equal(fake.requests.length, 1);
  } finally {
    await fake.close();
  }
});

test('client errors are not retried and map to their classes', async () => {
  const cases = [
    [400, 'invalid_request', InvalidRequestError],
    [404, 'not_found', NotFoundError],
    [409, 'conflict', ConflictError],
    [500, 'internal_error', ServerError],
  ];
  for (const [status, code, Type] of cases) {
    const fake = await FakeUpstream([{ status, body: envelope(code, 'nope', { field: 'x' }) }]);
    try {
      const error = await fake.client().conversations.retrieve('conv_x').catch((e) => e);
      assert.ok(error instanceof Type, `${status} is ${Type.name}`);
      assert.equal(error.code, code);
      assert.equal(error.details.field, 'x');
      assert.equal(fake.requests.length, 1, `${status} is not retried`);
    } finally {
      await fake.close();
    }
  }
});

test('a dropped connection is retried, and without retries left it is an APIConnectionError', async () => {
  const fake = await FakeUpstream([{ drop: true }, { status: 200, body: { response: 'ok' } }]);
  try {
    const result = await fake.client({ maxRetries: 1 }).chat.send({ message: 'hi' });
    assert.equal(result.response, 'ok');
    assert.equal(fake.requests.length, 2);
    assert.equal(fake.requests[0].headers['idempotency-key'], fake.requests[1].headers['idempotency-key']);
  } finally {
    await fake.close();
  }
  const dead = await FakeUpstream([{ drop: true }]);
  try {
    const error = await dead.client({ maxRetries: 1 }).chat.send({ message: 'hi' }).catch((e) => e);
    assert.ok(error instanceof APIConnectionError, String(error));
    assert.equal(dead.requests.length, 2);
  } finally {
    await dead.close();
  }
});

test('backoff without Retry-After grows, stays jittered within bounds, and honours an HTTP date', () => {
  const { http } = new Parley({ apiKey: 'x', baseUrl: 'http://127.0.0.1:1' });
  for (let attempt = 0; attempt < 6; attempt++) {
    const ceiling = Math.min(8000, 500 * 2 ** attempt);
    for (let i = 0; i < 50; i++) {
      const delay = http.backoff(attempt, null);
      assert.ok(delay >= ceiling / 2 && delay <= ceiling, `attempt ${attempt}: ${delay}`);
    }
  }
  assert.equal(parseRetryAfter('7'), 7);
  const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
  const seconds = parseRetryAfter(inTenSeconds);
  assert.ok(seconds > 8 && seconds <= 10, String(seconds));
  assert.equal(parseRetryAfter(null), null);
  assert.equal(parseRetryAfter('soon'), null);
});

test('nested request keys become snake_case, free-form maps are sent as given', async () => {
  const fake = await FakeUpstream([{ status: 200, body: {} }]);
  try {
    await fake.client().products.search({ query: 'shoes', filters: { priceRange: { min: 1, max: 50 } } });
    await fake.client().sessions.create({ userId: 'u', metadata: { keepMe: 1 } });
    await fake.client().conversations.list({ customerEmail: 'a@b.c', perPage: 5, tags: ['vip', 'late'] });
    assert.deepEqual(JSON.parse(fake.requests[0].body), { query: 'shoes', filters: { price_range: { min: 1, max: 50 } } });
    assert.deepEqual(JSON.parse(fake.requests[1].body), { user_id: 'u', metadata: { keepMe: 1 } });
    assert.equal(fake.requests[2].url, '/v1/conversations?customer_email=a%40b.c&per_page=5&tags=vip%2Clate');
  } finally {
    await fake.close();
  }
});

// ---- webhook signatures: every format Parley sends (docs/webhooks.md) ----

const secret = 'whsec_testsecret0123456789abcdefgh';
const body = JSON.stringify({ id: 'evt_1', event: 'conversation.created', timestamp: '2026-01-01T00:00:00Z', data: { conversation_id: 'conv_1', channel: 'api' } });
const hmac = (text) => createHmac('sha256', secret).update(text).digest('hex');
const now = () => Math.floor(Date.now() / 1000);

test('verify accepts X-Parley-Signature t=,v1= and returns the event', async () => {
  const t = now();
  const event = await verifyWebhook(body, { 'x-parley-signature': `t=${t},v1=${hmac(`${t}.${body}`)}` }, secret);
  assert.equal(event.event, 'conversation.created');
  assert.equal(event.data.conversation_id, 'conv_1');
});

test('verify accepts X-Webhook-Signature as sha256=<hex> and as bare hex, from a Headers object or bytes', async () => {
  const client = new Parley({ apiKey: 'x', baseUrl: 'http://127.0.0.1:1' });
  assert.equal((await client.webhooks.verify(body, { 'X-Webhook-Signature': `sha256=${hmac(body)}` }, secret)).id, 'evt_1');
  assert.equal((await client.webhooks.verify(new TextEncoder().encode(body), new Headers({ 'X-Webhook-Signature': hmac(body) }), secret)).id, 'evt_1');
  // A body already parsed: Parley writes bodies as JSON.stringify does, so re-serialising gives the signed bytes.
  assert.equal((await client.webhooks.verify(JSON.parse(body), { 'x-webhook-signature': hmac(body) }, secret)).id, 'evt_1');
});

test('verify refuses a tampered body, a wrong secret, a stale or future timestamp, and no signature at all', async () => {
  const t = now();
  const good = { 'x-parley-signature': `t=${t},v1=${hmac(`${t}.${body}`)}`, 'x-webhook-signature': `sha256=${hmac(body)}` };
  const reasons = async (payload, headers, key = secret) =>
    (await verifyWebhook(payload, headers, key).catch((e) => e)).reason;
  assert.equal(await reasons(body.replace('api', 'apx'), good), 'mismatch');
  assert.equal(await reasons(body, good, 'whsec_other'), 'mismatch');
  const old = t - 301;
  assert.equal(await reasons(body, { 'x-parley-signature': `t=${old},v1=${hmac(`${old}.${body}`)}` }), 'timestamp_out_of_tolerance');
  const future = t + 400;
  assert.equal(await reasons(body, { 'x-parley-signature': `t=${future},v1=${hmac(`${future}.${body}`)}` }), 'timestamp_out_of_tolerance');
  assert.equal(await reasons(body, {}), 'missing_signature');
  assert.equal(await reasons(body, { 'x-parley-signature': 'garbage' }), 'malformed');
  assert.equal(await reasons(body, { 'x-webhook-signature': 'sha256=zz' }), 'malformed');
  // A good Parley signature does not excuse a wrong body signature beside it.
  assert.equal(await reasons(body, { ...good, 'x-webhook-signature': `sha256=${'0'.repeat(64)}` }), 'mismatch');
  const error = await verifyWebhook(body, {}, secret).catch((e) => e);
  assert.ok(error instanceof WebhookSignatureError);
  assert.equal(error.code, 'invalid_signature');
});

test('generateTestHeaders makes headers that verify, in both body formats', async () => {
  const client = new Parley({ apiKey: 'x', baseUrl: 'http://127.0.0.1:1' });
  for (const format of ['sha256_prefixed', 'hex']) {
    const headers = await client.webhooks.generateTestHeaders(body, secret, { format });
    assert.equal(format === 'hex', !headers['X-Webhook-Signature'].startsWith('sha256='));
    assert.equal(await client.webhooks.isValid(body, headers, secret), true);
    assert.equal(await client.webhooks.isValid(body + ' ', headers, secret), false);
  }
});

test('the browser build imports no node: module up front (only the Node WebSocket fallback, loaded on demand)', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dist = new URL('../dist/', import.meta.url);
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(new URL(file, dist), 'utf8');
    const staticNode = /^\s*import\s[^;]*from\s+['"]node:/m.test(source);
    assert.equal(staticNode, file === 'node-websocket.js', `${file} imports node: statically`);
  }
  const transport = readFileSync(new URL('transport.js', dist), 'utf8');
  assert.match(transport, /await import\('\.\/node-websocket\.js'\)/);
});
