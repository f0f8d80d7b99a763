import { SocketError } from './errors.js';
import { AsyncQueue, Emitter } from './emitter.js';
import { openTransport, type Transport, type TransportKind } from './transport.js';
import type {
  AgentResponseData,
  AudioOutputData,
  SessionReadyData,
  TranscriptionData,
  VoiceErrorData,
  VoiceMessage,
} from './models.js';

/** Options of `connectVoice` (`context.preferences` of `session.start`, and the socket). */
export interface VoiceOptions {
  /** Sent in `session.start`; must be the token's session when given. */
  sessionId?: string;
  userId?: string;
  storeId?: string;
  /** `speech_to_text` (pocketsphinx, sphinx4, openai), `text_to_speech` (festival, freetts, openai). */
  speechToText?: string;
  textToSpeech?: string;
  /** `wav`, `pcm16` or `mp3` for `audio.output`. */
  audioFormat?: 'wav' | 'pcm16' | 'mp3';
  /** `en` or `uz`: the language of error messages. */
  language?: string;
  transport?: TransportKind;
}

/** Options of one `sendAudio`. */
export interface AudioOptions {
  /** `wav` (16 kHz mono 16-bit) or `pcm16`; guessed from the bytes (a RIFF header is wav) when absent. */
  format?: 'wav' | 'pcm16';
  /** Default 16 000, the only rate the server takes. */
  sampleRate?: number;
  /** Ends the utterance now instead of waiting for a 700 ms pause. */
  endOfUtterance?: boolean;
}

export interface VoiceEvents {
  'session.ready': SessionReadyData;
  transcription: TranscriptionData;
  'agent.response': AgentResponseData;
  'audio.output': AudioOutputData;
  error: VoiceErrorData;
  message: VoiceMessage;
  close: { code: number; reason: string };
  [name: string]: unknown;
}

/**
 * The voice session of seed 004: `const ws = client.connectVoice(session.token)`, then `ws.on('transcription', ...)`,
 * `ws.on('agent.response', ...)`, `ws.sendAudio(buffer)`, `ws.close()`. Listeners get each frame's `data`; `for await`
 * gives whole messages (`{type, data}`). Frames sent before the session is ready wait for it.
 */
export class VoiceSession extends Emitter<VoiceEvents> {
  private transport: Transport | undefined;
  private readonly queue = new AsyncQueue<VoiceMessage>();
  private readonly outbox: string[] = [];
  private isReady = false;
  private ending = false;
  private ended = false;
  private readyPromise: Promise<SessionReadyData>;
  private resolveReady!: (data: SessionReadyData) => void;
  private rejectReady!: (error: unknown) => void;
  private closedPromise: Promise<{ code: number; reason: string }>;
  private resolveClosed!: (value: { code: number; reason: string }) => void;

  constructor(
    url: string,
    private readonly options: VoiceOptions = {},
  ) {
    super();
    this.readyPromise = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.readyPromise.catch(() => undefined);
    this.closedPromise = new Promise((resolve) => (this.resolveClosed = resolve));
    openTransport(
      url,
      {
        onOpen: () => this.transport?.send(JSON.stringify(this.startFrame())),
        onText: (text) => this.receive(text),
        onClose: (code, reason) => this.end(code, reason),
        onError: (error) => this.emit('socket_error', new SocketError('connection_error', error.message)),
      },
      options.transport ?? 'auto',
    ).then(
      (transport) => {
        this.transport = transport;
        if (this.ended) transport.close();
      },
      (error) => this.end(1006, (error as Error).message),
    );
  }

  /** Resolves with `session.ready`'s data; rejects when the server refuses the token. */
  ready(): Promise<SessionReadyData> {
    return this.readyPromise;
  }

  /** Resolves when the socket has closed (after `close()`, the server finishes the pending utterance first). */
  closed(): Promise<{ code: number; reason: string }> {
    return this.closedPromise;
  }

  [Symbol.asyncIterator](): AsyncIterator<VoiceMessage> {
    return this.queue;
  }

  /** Streams audio (`audio.input`). Bytes are base64-encoded here; a string is taken as base64 already. */
  sendAudio(audio: Uint8Array | ArrayBuffer | string, options: AudioOptions = {}): void {
    const bytes = typeof audio === 'string' ? null : audio instanceof ArrayBuffer ? new Uint8Array(audio) : audio;
    const format = options.format ?? (bytes && isWav(bytes) ? 'wav' : typeof audio === 'string' ? guessBase64(audio) : 'pcm16');
    const data: Record<string, unknown> = {
      audio: bytes ? toBase64(bytes) : audio,
      format,
      sample_rate: options.sampleRate ?? 16_000,
    };
    if (options.endOfUtterance) data.end_of_utterance = true;
    this.send({ type: 'audio.input', data });
  }

  /**
   * Ends the session: `session.end`, after which the server finishes the pending utterance (its transcription,
   * answer and audio still arrive) and closes. Resolves when closed.
   */
  close(): Promise<{ code: number; reason: string }> {
    if (!this.ending && !this.ended) {
      this.ending = true;
      this.send({ type: 'session.end' });
    }
    return this.closedPromise;
  }

  /** Drops the connection at once, without waiting for pending answers. */
  terminate(): void {
    this.ending = true;
    if (this.transport) this.transport.close(1000, 'client closed');
    else this.end(1000, 'client closed');
  }

  private send(frame: Record<string, unknown>): void {
    if (this.ended) {
      throw new SocketError('socket_closed', 'The voice session is closed');
    }
    const text = JSON.stringify(frame);
    if (this.transport && this.isReady) this.transport.send(text);
    else this.outbox.push(text);
  }

  private startFrame(): Record<string, unknown> {
    const o = this.options;
    const preferences: Record<string, unknown> = {};
    if (o.speechToText) preferences.speech_to_text = o.speechToText;
    if (o.textToSpeech) preferences.text_to_speech = o.textToSpeech;
    if (o.audioFormat) preferences.audio_format = o.audioFormat;
    if (o.language) preferences.language = o.language;
    const context: Record<string, unknown> = { preferences };
    if (o.storeId) context.store_id = o.storeId;
    const data: Record<string, unknown> = { context };
    if (o.sessionId) data.session_id = o.sessionId;
    if (o.userId) data.user_id = o.userId;
    return { type: 'session.start', data };
  }

  private receive(text: string): void {
    let message: VoiceMessage;
    try {
      message = JSON.parse(text) as VoiceMessage;
    } catch {
      return;
    }
    const data = (message.data ?? {}) as Record<string, unknown>;
    if (message.type === 'session.ready') {
      this.isReady = true;
      this.resolveReady(data as unknown as SessionReadyData);
      for (const pending of this.outbox.splice(0)) this.transport?.send(pending);
    }
    if (message.type === 'error' && !this.isReady && data.code === 'UNAUTHORIZED') {
      this.rejectReady(new SocketError('UNAUTHORIZED', String(data.message ?? 'unauthorized'), data));
    }
    this.queue.push(message);
    this.emit('message', message);
    this.emit(message.type, data);
  }

  private end(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.rejectReady(new SocketError('socket_closed', `The voice socket closed (${code} ${reason})`));
    this.queue.end();
    this.emit('close', { code, reason });
    this.resolveClosed({ code, reason });
  }
}

function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF';
}

function guessBase64(audio: string): 'wav' | 'pcm16' {
  return audio.startsWith('UklGR') ? 'wav' : 'pcm16';
}

export function toBase64(bytes: Uint8Array): string {
  const B = (globalThis as { Buffer?: { from(b: Uint8Array): { toString(e: string): string } } }).Buffer;
  if (B) return B.from(bytes).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
