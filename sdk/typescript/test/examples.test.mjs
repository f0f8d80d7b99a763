// The seeds' quick starts (examples/, compiled by `npm run build`) run as written against the real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, eventually, newWorkspace } from './helpers.mjs';

const examples = fileURLToPath(new URL('../examples/dist/', import.meta.url));

function run(name, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(examples, name)], {
      env: { ...process.env, PARLEY_BASE_URL: BASE_URL, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      code === 0 ? resolve(out) : reject(new Error(`${name} exited ${code}\n${out}\n${err}`));
    });
  });
}

/** A small shop site on loopback for seed 000's crawl (the seed's https://example.com is never contacted). */
async function site() {
  const pages = {
    '/': '<html><head><title>Shop</title></head><body><h1>Our shop</h1><p>We sell hiking boots.</p><a href="/faq">FAQ</a></body></html>',
    '/faq': '<html><head><title>FAQ</title></head><body><h2>Do you ship abroad?</h2><p>Yes, to 40 countries within ten days.</p></body></html>',
  };
  const server = createServer((req, res) => {
    const page = pages[req.url];
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

test('seed 000: chat.send, analytics.getIntelligence, scraping.start (X-Domain example.com)', async () => {
  const { client, key } = await newWorkspace({ domains: ['example.com'] });
  const shop = await site();
  try {
    const out = await run('seed000-quickstart.js', { PARLEY_API_KEY: key, PARLEY_EXAMPLE_SITE: shop.url });
    assert.match(out, /^Assistant: .+/m);
    const conversation = out.match(/^Conversation: (conv_\w+)/m)[1];
    assert.equal((await client.conversations.retrieve(conversation)).id, conversation);
    assert.match(out, /^Insights: \d+ from \S+ to \S+/m);
    const jobId = out.match(/^Scrape job: (\S+) queued/m)[1];
    const status = await client.scraping.waitFor(jobId, { timeoutMs: 180_000 });
    assert.equal(status.status, 'completed', JSON.stringify(status));
    assert.ok(status.progress.pages_scraped >= 2, JSON.stringify(status.progress));
  } finally {
    await shop.close();
  }
  // The same key without the store's domain is refused: the seed's `domain` option is what lets it in.
  const { key: other } = await newWorkspace();
  await assert.rejects(run('seed000-quickstart.js', { PARLEY_API_KEY: other, PARLEY_EXAMPLE_SITE: 'http://127.0.0.1:9/' }), /domain_not_configured|not configured/i);
});

test('seed 001: conversations.create with conv.response.content, then conversations.sendMessage', async () => {
  const { client, key } = await newWorkspace();
  const out = await run('seed001-quickstart.js', { PARLEY_API_KEY: key });
  const lines = out.trim().split('\n');
  assert.ok(lines[0].length > 0, out);
  assert.ok(lines[1].length > 0, out);
  const id = lines[2].match(/^Conversation: (conv_\w+)$/)[1];
  const conversation = await client.conversations.retrieve(id, { includeMessages: true });
  assert.equal(conversation.channel, 'widget');
  assert.equal(conversation.customer.email, 'customer@example.com');
  const customer = conversation.messages.filter((m) => m.role === 'customer' || m.role === 'user').map((m) => m.content);
  assert.deepEqual(customer, ['Where is order #1234?', 'When will it arrive?']);
  assert.equal(conversation.messages.find((m) => m.role === 'assistant').content, lines[0]);
});

test('seed 002: sendMessage({ message, userId }) prints answer and confidence', async () => {
  const { client, key } = await newWorkspace();
  const out = await run('seed002-quickstart.js', { PARLEY_API_KEY: key });
  const [answer, confidence] = out.trim().split('\n');
  assert.ok(answer.length > 0);
  const value = Number(confidence.match(/^Confidence: ([\d.]+)$/)[1]);
  assert.ok(value >= 0 && value <= 1);
  const listed = await client.conversations.list().autoPagingToArray();
  assert.equal(listed.length, 1);
  const conversation = await client.conversations.retrieve(listed[0].id, { includeMessages: true });
  assert.equal(conversation.messages.find((m) => m.role === 'assistant').content, answer);
});

test('seed 004: createSession, connectVoice, on(transcription), on(agent.response), sendAudio, close', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-voice-'));
  try {
    const wav = join(dir, 'question.wav');
    // Festival speaks the question (CI installs it with the voice engines); 16 kHz mono 16-bit WAV.
    execFileSync('text2wave', ['-F', '16000', '-otype', 'riff', '-o', wav], { input: 'do you have running shoes in size ten' });
    assert.ok(statSync(wav).size > 10_000);
    const { client, key } = await newWorkspace();
    const out = await run('seed004-quickstart.js', { PARLEY_API_KEY: key, PARLEY_EXAMPLE_AUDIO: wav });
    const heard = out.match(/^User said: (.+)$/m);
    assert.ok(heard, out);
    assert.match(heard[1], /running shoes/);
    assert.match(out, /^Agent: .+/m);
    const sessions = await client.conversations.list({ channel: 'voice' });
    assert.equal(sessions.data.length, 1);
    const conversation = await client.conversations.retrieve(sessions.data[0].id, { includeMessages: true });
    // the reply may run over several lines (a product list): the example prints all of it
    const said = conversation.messages.find((m) => m.role === 'assistant').content;
    assert.ok(out.includes(`Agent: ${said}`), out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
