// The voice session beyond the seed's quick start: the async iterator, audio.output, options, a refused token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { SocketError } from '../dist/index.js';
import { newWorkspace } from './helpers.mjs';

const { client } = await newWorkspace();

test('voice: for await gives session.ready, transcription, agent.response and audio.output in order', async () => {
  // Festival speaks the question to stdout as a 16 kHz WAV.
  const wav = execFileSync('text2wave', ['-F', '16000', '-otype', 'riff', '-o', '-'], { input: 'where is my order' });
  const session = await client.createSession({ userId: 'voice_user' });
  const ws = client.connectVoice(session.token, { audioFormat: 'wav', language: 'en' });
  ws.sendAudio(new Uint8Array(wav), { endOfUtterance: true });
  const types = [];
  let output;
  for await (const message of ws) {
    types.push(message.type);
    if (message.type === 'session.ready') {
      assert.equal(message.data.session_id, session.session_id);
      assert.equal(message.data.conversation_id, session.conversation_id);
      assert.equal(message.data.audio_format, 'wav');
    }
    if (message.type === 'audio.output') {
      output = message.data;
      break;
    }
  }
  assert.deepEqual(types.filter((t) => t !== 'error'), ['session.ready', 'transcription', 'agent.response', 'audio.output']);
  assert.equal(output.format, 'wav');
  assert.ok(output.duration_ms > 0);
  assert.equal(Buffer.from(output.audio, 'base64').subarray(0, 4).toString('latin1'), 'RIFF');
  const closed = await ws.close();
  assert.equal(closed.code, 1000);
  const details = await client.sessions.retrieve(session.session_id);
  assert.ok(details.messages.some((m) => m.role === 'assistant'));
});

test('voice: a wrong token is refused with UNAUTHORIZED and the socket closes', async () => {
  const ws = client.connectVoice('st_' + 'x'.repeat(40));
  const errors = [];
  ws.on('error', (data) => errors.push(data));
  const refused = await ws.ready().catch((e) => e);
  assert.ok(refused instanceof SocketError);
  assert.equal(refused.code, 'UNAUTHORIZED');
  assert.equal((await ws.closed()).code, 1008);
  assert.equal(errors[0].code, 'UNAUTHORIZED');
});

test('voice: a malformed frame gets a VALIDATION_ERROR frame and the session stays open', async () => {
  const session = await client.createSession();
  const ws = client.connectVoice(session.token);
  await ws.ready();
  const error = new Promise((resolve) => ws.on('error', resolve));
  ws.sendAudio(new Uint8Array(3200), { format: 'pcm16', sampleRate: 8000 });
  const data = await error;
  assert.equal(data.code, 'VALIDATION_ERROR');
  assert.equal(data.details.reason, 'unsupported_sample_rate');
  // Still open: session.end is taken and the server closes normally.
  assert.equal((await ws.close()).code, 1000);
});
