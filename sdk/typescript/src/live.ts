import { SocketError } from './errors.js';
import { AsyncQueue, Emitter } from './emitter.js';
import { openTransport, type Transport, type TransportKind } from './transport.js';
import type {
  AgentEventFrame,
  LiveErrorFrame,
  LiveFrame,
  LiveMessageFrame,
  LiveMessageReceivedFrame,
  LiveTypingFrame,
} from './models.js';

/** Options shared by the live sockets. */
export interface SocketOptions {
  /** Reconnect after a lost connection (not after the server refused the credential). Default true. */
  reconnect?: boolean;
  /** Attempts in a row before giving up. Default 10. */
  maxReconnectAttempts?: number;
  /** `auto` (the global WebSocket when present, else the built-in Node client), `global` or `node`. */
  transport?: TransportKind;
}

/** Close codes after which reconnecting cannot help: a refused or revoked credential, an ended session. */
const FINAL_CLOSE_CODES = new Set([1000, 1008, 4001, 4003]);

export interface BaseEvents {
  open: void;
  authenticated: Record<string, unknown>;
  frame: LiveFrame;
  error: LiveErrorFrame | SocketError;
  reconnecting: { attempt: number; delayMs: number };
  close: { code: number; reason: string };
  [name: string]: unknown;
}

/**
 * A socket that authenticates with its first frame, reconnects with backoff after a lost connection, and hands
 * every server frame to listeners (`on(type, ...)`) and to `for await (const frame of socket)`.
 */
abstract class AuthenticatedSocket<Events extends BaseEvents> extends Emitter<Events> {
  private transport: Transport | undefined;
  private readonly queue = new AsyncQueue<LiveFrame>();
  private readonly outbox: string[] = [];
  private authenticatedOnce = false;
  private isAuthenticated = false;
  private closedByClient = false;
  private ended = false;
  private attempts = 0;
  private readyPromise: Promise<Record<string, unknown>>;
  private resolveReady!: (frame: Record<string, unknown>) => void;
  private rejectReady!: (error: unknown) => void;
  private closedPromise: Promise<{ code: number; reason: string }>;
  private resolveClosed!: (value: { code: number; reason: string }) => void;
  /** The last close code and reason from the server. */
  protected lastClose: { code: number; reason: string } = { code: 0, reason: '' };

  protected constructor(
    private readonly url: string,
    protected readonly options: SocketOptions,
  ) {
    super();
    this.readyPromise = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.readyPromise.catch(() => undefined);
    this.closedPromise = new Promise((resolve) => (this.resolveClosed = resolve));
    void this.connect();
  }

  /** Resolves with the `authenticated` frame, or rejects when the server refuses the socket. */
  ready(): Promise<Record<string, unknown>> {
    return this.readyPromise;
  }

  /** Resolves once the socket has ended for good (closed by you, refused, or out of reconnect attempts). */
  closed(): Promise<{ code: number; reason: string }> {
    return this.closedPromise;
  }

  /** Every server frame, in order, until the socket ends. */
  [Symbol.asyncIterator](): AsyncIterator<LiveFrame> {
    return this.queue;
  }

  /** Closes the socket for good (no reconnect). */
  close(code = 1000, reason = ''): void {
    this.closedByClient = true;
    if (this.transport) {
      this.transport.close(code, reason);
    } else {
      this.end(code, reason);
    }
  }

  /** The frame that authenticates, sent first on every (re)connection. */
  protected abstract authFrame(): Record<string, unknown>;

  /** What a subclass learns from a frame (ids for reconnecting) before listeners hear it. */
  protected observe(_frame: LiveFrame): void {}

  /** Sends a client frame now, or once the socket is authenticated again. */
  protected sendFrame(frame: Record<string, unknown>): void {
    const text = JSON.stringify(frame);
    if (this.ended) {
      throw new SocketError('socket_closed', 'The socket is closed');
    }
    if (this.transport && this.isAuthenticated) {
      try {
        this.transport.send(text);
        return;
      } catch {
        // The connection is going away; the frame goes out after the reconnect.
      }
    }
    this.outbox.push(text);
  }

  private async connect(): Promise<void> {
    try {
      this.transport = await openTransport(
        this.url,
        {
          onOpen: () => {
            if (this.closedByClient) {
              this.transport?.close(1000, '');
              return;
            }
            this.emit('open');
            this.transport?.send(JSON.stringify(this.authFrame()));
          },
          onText: (text) => this.receive(text),
          onClose: (code, reason) => this.lost(code, reason),
          onError: (error) => {
            if (this.hasListeners('error')) {
              this.emit('error', new SocketError('connection_error', error.message));
            }
          },
        },
        this.options.transport ?? 'auto',
      );
      if (this.closedByClient) {
        // Closed while the connection was being made.
        this.transport.close(1000, '');
      }
    } catch (error) {
      this.lost(1006, (error as Error).message);
    }
  }

  private receive(text: string): void {
    let frame: LiveFrame;
    try {
      frame = JSON.parse(text) as LiveFrame;
    } catch {
      return;
    }
    this.observe(frame);
    if (frame.type === 'authenticated') {
      this.isAuthenticated = true;
      this.authenticatedOnce = true;
      this.attempts = 0;
      this.resolveReady(frame);
      for (const pending of this.outbox.splice(0)) {
        this.transport?.send(pending);
      }
    }
    if (frame.type === 'error' && !this.isAuthenticated) {
      this.rejectReady(
        new SocketError(String(frame.code ?? 'error'), String(frame.message ?? 'refused'), frame.details ?? {}),
      );
    }
    this.queue.push(frame);
    this.emit('frame', frame);
    this.emit(frame.type, frame);
  }

  private lost(code: number, reason: string): void {
    this.transport = undefined;
    this.isAuthenticated = false;
    this.lastClose = { code, reason };
    const maxAttempts = this.options.maxReconnectAttempts ?? 10;
    const reconnect =
      !this.closedByClient &&
      (this.options.reconnect ?? true) &&
      this.authenticatedOnce &&
      !FINAL_CLOSE_CODES.has(code) &&
      this.attempts < maxAttempts;
    if (!reconnect) {
      this.end(code, reason);
      return;
    }
    this.attempts++;
    const ceiling = Math.min(10_000, 250 * 2 ** (this.attempts - 1));
    const delayMs = ceiling / 2 + (Math.random() * ceiling) / 2;
    this.emit('reconnecting', { attempt: this.attempts, delayMs });
    setTimeout(() => {
      if (!this.closedByClient) void this.connect();
      else this.end(code, reason);
    }, delayMs);
  }

  private end(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.rejectReady(new SocketError('socket_closed', `The socket closed (${code} ${reason})`));
    this.queue.end();
    this.emit('close', { code, reason });
    this.resolveClosed({ code, reason });
  }
}

/** Options of {@link LiveSocket}. */
export interface LiveSocketOptions extends SocketOptions {
  /** Follow this conversation (else the first `message` starts one). */
  conversationId?: string;
  /** Replay the messages after this one before live ones (also kept up to date for reconnects). */
  lastMessageId?: string;
  /** A session token (`st_...`, from `createSession`) instead of the client's API key. */
  token?: string;
  /** The widget's visitor token, with a publishable key. */
  visitorToken?: string;
}

export interface LiveEvents extends BaseEvents {
  message: LiveMessageFrame;
  message_received: LiveMessageReceivedFrame;
  typing: LiveTypingFrame;
  escalated: { type: 'escalated'; message: string; ticket_id: string | null };
  conversation: { type: 'conversation'; conversation_id: string; visitor_token?: string };
}

/**
 * The customer's live socket, `/v1/ws`: `message`, `typing`, `escalated` and `error` frames as callbacks or an async
 * iterator; reconnects on a lost connection and asks the server to replay what it missed (`last_message_id`).
 */
export class LiveSocket extends AuthenticatedSocket<LiveEvents> {
  /** The conversation the socket follows (set by `authenticated` or `conversation` frames). */
  conversationId: string | undefined;
  /** The newest message id seen: sent as `last_message_id` when reconnecting. */
  lastMessageId: string | undefined;
  visitorToken: string | undefined;
  private counter = 0;
  private readonly acks = new Map<string, (frame: LiveMessageReceivedFrame) => void>();

  constructor(
    url: string,
    private readonly apiKey: string | undefined,
    private readonly liveOptions: LiveSocketOptions = {},
  ) {
    super(url, liveOptions);
    this.conversationId = liveOptions.conversationId;
    this.lastMessageId = liveOptions.lastMessageId;
    this.visitorToken = liveOptions.visitorToken;
  }

  protected authFrame(): Record<string, unknown> {
    const frame: Record<string, unknown> = { type: 'auth' };
    if (this.liveOptions.token) frame.token = this.liveOptions.token;
    else frame.api_key = this.apiKey;
    if (this.conversationId) frame.conversation_id = this.conversationId;
    if (this.lastMessageId) frame.last_message_id = this.lastMessageId;
    if (this.visitorToken) frame.visitor_token = this.visitorToken;
    return frame;
  }

  protected override observe(frame: LiveFrame): void {
    if ((frame.type === 'authenticated' || frame.type === 'conversation') && frame.conversation_id) {
      this.conversationId = String(frame.conversation_id);
    }
    if (frame.type === 'conversation' && frame.visitor_token) {
      this.visitorToken = String(frame.visitor_token);
    }
    if ((frame.type === 'message' || frame.type === 'message_received') && frame.message_id) {
      this.lastMessageId = String(frame.message_id);
    }
    if (frame.type === 'message_received' && frame.client_message_id) {
      const ack = this.acks.get(String(frame.client_message_id));
      this.acks.delete(String(frame.client_message_id));
      ack?.(frame as LiveMessageReceivedFrame);
    }
  }

  /**
   * Sends the customer's message; resolves with the server's `message_received` acknowledgement (its `message_id`).
   * Sent once authenticated, also after a reconnect.
   */
  send(content: string, options: { clientMessageId?: string } = {}): Promise<LiveMessageReceivedFrame> {
    const clientMessageId = options.clientMessageId ?? `c${Date.now().toString(36)}_${++this.counter}`;
    const acknowledged = new Promise<LiveMessageReceivedFrame>((resolve, reject) => {
      this.acks.set(clientMessageId, resolve);
      void this.closed().then(() => reject(new SocketError('socket_closed', 'The socket closed before the ack')));
    });
    acknowledged.catch(() => undefined);
    this.sendFrame({ type: 'message', content, client_message_id: clientMessageId });
    return acknowledged;
  }

  /** Tells the agents the customer is (or stopped) typing. */
  typing(isTyping: boolean): void {
    this.sendFrame({ type: 'typing', is_typing: isTyping });
  }
}

export interface AgentEvents extends BaseEvents {
  event: AgentEventFrame;
  typing: LiveTypingFrame;
}

/**
 * The agents' stream, `/v1/agent/ws`: every event of the workspace's conversations (`event` frames, also emitted
 * under their own name, e.g. `on('message.received', ...)`) and customers' typing.
 */
export class AgentStream extends AuthenticatedSocket<AgentEvents> {
  constructor(
    url: string,
    private readonly credential: { apiKey?: string; token?: string },
    options: SocketOptions = {},
  ) {
    super(url, options);
  }

  protected authFrame(): Record<string, unknown> {
    return this.credential.token
      ? { type: 'auth', token: this.credential.token }
      : { type: 'auth', api_key: this.credential.apiKey };
  }

  protected override observe(frame: LiveFrame): void {
    if (frame.type === 'event' && typeof frame.event === 'string') {
      // Listeners of the event's own name hear it after the generic `event` listeners (emitted by the base).
      queueMicrotask(() => this.emit(String(frame.event), frame));
    }
  }

  /** Shows the customer of `conversationId` that an agent is (or stopped) typing. */
  typing(conversationId: string, isTyping: boolean): void {
    this.sendFrame({ type: 'typing', conversation_id: conversationId, is_typing: isTyping });
  }
}
