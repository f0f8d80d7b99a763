// The live sockets against the real server: /v1/ws (auth, message, typing, reconnect with last_message_id) and
// /v1/agent/ws (events), over this package's own RFC 6455 client (Node 20 has no global WebSocket) and, in a child
// process started with --experimental-websocket, over the platform's WebSocket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Parley, SocketError } from '../dist/index.js';
import { BASE_URL, eventually, newWorkspace } from './helpers.mjs';

const { client, key } = await newWorkspace();

/** The next frame of `type` (and matching `where`) the socket emits. */
function next(socket, type, where = () => true, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} frame in time`)), timeoutMs);
    const listener = (frame) => {
      if (!where(frame)) return;
      clearTimeout(timer);
      socket.off(type, listener);
      resolve(frame);
    };
    socket.on(type, listener);
  });
}

/** A loopback TCP proxy to the server whose connections the test can cut, and refuse while `blocked`. */
async function CuttableProxy() {
  const target = new URL(BASE_URL);
  const pairs = new Set();
  const proxy = { blocked: false };
  const server = createServer((inbound) => {
    if (proxy.blocked) {
      inbound.destroy();
      return;
    }
    const outbound = connect(Number(target.port), target.hostname);
    const pair = [inbound, outbound];
    pairs.add(pair);
    inbound.pipe(outbound).on('error', () => undefined);
    outbound.pipe(inbound).on('error', () => undefined);
    const drop = () => {
      pairs.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('close', drop).on('error', drop);
    outbound.on('close', drop).on('error', drop);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${server.address().port}`;
  proxy.cut = () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  proxy.close = () => new Promise((r) => server.close(r));
  return proxy;
}

test('live socket: a message starts a conversation, is acknowledged and answered; typing goes out', async () => {
  const live = client.live.connect({ transport: 'node' });
  try {
    const authenticated = await live.ready();
    assert.equal(authenticated.type, 'authenticated');
    const answered = next(live, 'message', (f) => f.role === 'assistant');
    const ack = await live.send('Do you sell running shoes?');
    assert.match(ack.message_id, /^msg_/);
    assert.match(live.conversationId, /^conv_/);
    const reply = await answered;
    assert.ok(reply.content.length > 0);
    assert.equal(live.lastMessageId, reply.message_id);
    live.typing(true);
    live.typing(false);
    const stored = await client.conversations.retrieve(live.conversationId, { includeMessages: true });
    assert.ok(stored.messages.some((m) => m.content === 'Do you sell running shoes?'));
  } finally {
    live.close();
    await live.closed();
  }
});

test('live socket: for await yields frames; a bad key is refused without reconnecting', async () => {
  const conv = await client.conversations.create({ customerEmail: 'iter@example.com', initialMessage: 'Hello' });
  const live = client.live.connect({ conversationId: conv.id, transport: 'node' });
  const types = [];
  const reader = (async () => {
    for await (const frame of live) {
      types.push(frame.type);
      if (frame.type === 'message' && frame.role === 'agent') break;
    }
  })();
  await live.ready();
  await client.conversations.reply(conv.id, { content: 'An agent says hi' });
  await reader;
  assert.equal(types[0], 'authenticated');
  assert.ok(types.includes('message'));
  live.close();

  const stranger = new Parley({ apiKey: 'sk_live_' + 'z'.repeat(32), baseUrl: BASE_URL });
  const refused = stranger.live.connect({ transport: 'node' });
  const error = await refused.ready().catch((e) => e);
  assert.ok(error instanceof SocketError);
  assert.equal(error.code, 'unauthorized');
  const closed = await refused.closed();
  assert.equal(closed.code, 4001);
});

test('live socket: after a lost connection it reconnects and replays what it missed (last_message_id)', async () => {
  const proxy = await CuttableProxy();
  const viaProxy = new Parley({ apiKey: key, baseUrl: proxy.url });
  // Attempts enough to outlast a slow REST call on a loaded machine while the proxy refuses.
  const live = viaProxy.live.connect({ transport: 'node', maxReconnectAttempts: 50 });
  try {
    await live.ready();
    const first = next(live, 'message', (f) => f.role === 'assistant');
    await live.send('Hello, are you open today?');
    await first;
    const seenBefore = live.lastMessageId;
    const conversationId = live.conversationId;

    const reconnecting = next(live, 'reconnecting', () => true);
    proxy.blocked = true;
    proxy.cut();
    await reconnecting;
    // While the socket is away, an agent answers over REST.
    await client.conversations.reply(conversationId, { content: 'Written while you were away' });
    const replayed = next(live, 'message', (f) => f.content === 'Written while you were away');
    const reauthenticated = next(live, 'authenticated', () => true);
    proxy.blocked = false;
    const again = await reauthenticated;
    assert.equal(again.conversation_id, conversationId);
    const missed = await replayed;
    assert.equal(missed.role, 'agent');
    assert.notEqual(live.lastMessageId, seenBefore);
    // And the socket works after the reconnect.
    const ack = await live.send('Thanks!');
    assert.match(ack.message_id, /^msg_/);
  } finally {
    live.close();
    await live.closed();
    await proxy.close();
  }
});

test('agent stream: events of the workspace as callbacks, by name', async () => {
  const stream = client.live.agentStream({ transport: 'node' });
  try {
    await stream.ready();
    const created = next(stream, 'conversation.created', () => true);
    const anyEvent = next(stream, 'event', (f) => f.event === 'message.received');
    const conv = await client.conversations.create({ customerEmail: 'agents@example.com', initialMessage: 'Is anyone there?' });
    const frame = await created;
    assert.equal(frame.conversation_id, conv.id);
    assert.equal((await anyEvent).data.content, 'Is anyone there?');
  } finally {
    stream.close();
    await stream.closed();
  }
});

test("live socket over the platform's WebSocket (node --experimental-websocket)", async () => {
  const script = `
    import { Parley } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
    if (typeof WebSocket !== 'function') throw new Error('no global WebSocket');
    const live = new Parley({ apiKey: process.env.KEY, baseUrl: process.env.BASE }).live.connect({ transport: 'global' });
    await live.ready();
    const reply = new Promise((resolve) => live.on('message', (f) => f.role === 'assistant' && resolve(f)));
    const ack = await live.send('What time do you open?');
    const frame = await reply;
    console.log(JSON.stringify({ ack: ack.message_id, reply: frame.content }));
    live.close();
    await live.closed();
  `;
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-websocket', '--no-warnings', '--input-type=module', '-e', script], {
      env: { ...process.env, KEY: key, BASE: BASE_URL },
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
  const result = JSON.parse(output.trim().split('\n').pop());
  assert.match(result.ack, /^msg_/);
  assert.ok(result.reply.length > 0);
});
