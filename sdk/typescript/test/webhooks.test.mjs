// Real deliveries from the server to a loopback receiver, verified with webhooks.verify in every signature format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { ConflictError, verifyWebhook } from '../dist/index.js';
import { eventually, newWorkspace } from './helpers.mjs';

const { client } = await newWorkspace();

/** A loopback receiver that keeps every request's raw body and headers. */
async function receiver() {
  const received = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { received, url: `http://127.0.0.1:${server.address().port}/hooks`, close: () => new Promise((r) => server.close(r)) };
}

test('webhook CRUD, test deliveries in both signature formats verified, delivery log and redeliver', async () => {
  const hooks = await receiver();
  try {
    const prefixed = await client.webhooks.create({ url: hooks.url + '?f=prefixed', events: ['*'] });
    assert.match(prefixed.id, /^wh_/);
    assert.equal(prefixed.signature_format, 'sha256_prefixed');
    assert.match(prefixed.secret, /^whsec_[A-Za-z0-9]{32}$/, 'a generated secret is shown once, in full');
    const hex = await client.webhooks.create({ url: hooks.url + '?f=hex', events: ['conversation.created'], signatureFormat: 'hex', secret: 'whsec_my_own_secret_value_123' });
    assert.equal(hex.signature_format, 'hex');
    assert.notEqual(hex.secret, 'whsec_my_own_secret_value_123', 'a chosen secret is masked');

    assert.equal((await client.webhooks.retrieve(prefixed.id)).secret.includes('*'), true);
    const listed = await client.webhooks.list();
    assert.deepEqual(listed.data.map((w) => w.id).sort(), [prefixed.id, hex.id].sort());

    await client.webhooks.test(prefixed.id);
    await client.conversations.create({ customerEmail: 'hooks@example.com', initialMessage: 'Hello' });

    const fromPrefixed = await eventually(() => hooks.received.find((r) => r.headers['x-webhook-event'] === 'webhook.test'), { what: 'the test delivery' });
    assert.match(fromPrefixed.headers['x-webhook-signature'], /^sha256=[0-9a-f]{64}$/);
    assert.match(fromPrefixed.headers['x-parley-signature'], /^t=\d+,v1=[0-9a-f]{64}$/);
    const testEvent = await client.webhooks.verify(fromPrefixed.body, fromPrefixed.headers, prefixed.secret);
    assert.equal(testEvent.event, 'webhook.test');
    assert.equal(testEvent.id, fromPrefixed.headers['x-webhook-id']);
    // Each format on its own verifies too: the body signature alone, and Parley's timestamped one alone.
    await verifyWebhook(fromPrefixed.body.toString(), { 'x-webhook-signature': fromPrefixed.headers['x-webhook-signature'] }, prefixed.secret);
    await verifyWebhook(fromPrefixed.body, { 'x-parley-signature': fromPrefixed.headers['x-parley-signature'] }, prefixed.secret);
    assert.equal(await client.webhooks.isValid(fromPrefixed.body, fromPrefixed.headers, 'whsec_wrong_secret_000000000000'), false);

    const fromHex = await eventually(
      () => hooks.received.find((r) => r.headers['x-webhook-event'] === 'conversation.created' && /^[0-9a-f]{64}$/.test(r.headers['x-webhook-signature'])),
      { what: 'the hex-signed delivery' },
    );
    const created = await client.webhooks.verify(fromHex.body, fromHex.headers, 'whsec_my_own_secret_value_123');
    assert.equal(created.event, 'conversation.created');
    assert.match(created.data.conversation_id, /^conv_/);
    // Seed 000's verifier signs JSON.stringify of the parsed body: verify accepts the parsed object too.
    await client.webhooks.verify(JSON.parse(fromHex.body.toString()), { 'x-webhook-signature': fromHex.headers['x-webhook-signature'] }, 'whsec_my_own_secret_value_123');

    const deliveries = await eventually(async () => {
      const page = await client.webhooks.deliveries(prefixed.id, { status: 'delivered' });
      return page.data.some((d) => d.event_type === 'webhook.test') && page;
    }, { what: 'the delivery log' });
    const delivery = deliveries.data.find((d) => d.event_type === 'webhook.test');
    assert.equal(delivery.last_status_code, 204);
    const count = hooks.received.filter((r) => r.headers['x-webhook-id'] === delivery.event_id).length;
    await client.webhooks.redeliver(prefixed.id, delivery.id);
    await eventually(() => hooks.received.filter((r) => r.headers['x-webhook-id'] === delivery.event_id).length > count, { what: 'the redelivery' });

    const rotated = await client.webhooks.rotateSecret(prefixed.id);
    assert.notEqual(rotated.secret, prefixed.secret);
    const paused = await client.webhooks.update(prefixed.id, { active: false });
    assert.equal(paused.active, false);
    assert.ok((await client.webhooks.test(prefixed.id).catch((e) => e)) instanceof ConflictError);
    await client.webhooks.delete(prefixed.id);
    await client.webhooks.delete(hex.id);
    assert.deepEqual((await client.webhooks.list()).data, []);
  } finally {
    await hooks.close();
  }
});
