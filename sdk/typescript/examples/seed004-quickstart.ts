// Seed 004's TypeScript SDK example, with Parley's client. `audioBuffer` is a WAV file (16 kHz mono 16-bit) named
// by PARLEY_EXAMPLE_AUDIO; the rest is the seed's code as written.
import { readFile } from 'node:fs/promises';
import { Parley } from '@parley/sdk';

const client = new Parley({
  apiKey: process.env.PARLEY_API_KEY,
  baseUrl: process.env.PARLEY_BASE_URL ?? 'http://localhost:8080'
});

const audioBuffer = await readFile(process.env.PARLEY_EXAMPLE_AUDIO ?? 'question.wav');

// Create session
const session = await client.createSession();

// Connect WebSocket
const ws = client.connectVoice(session.token);

ws.on('transcription', (data) => {
  console.log('User said:', data.text);
});

ws.on('agent.response', (data) => {
  console.log('Agent:', data.text);
});

// Send audio
ws.sendAudio(audioBuffer);

// End session
ws.close();
