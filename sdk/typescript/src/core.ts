import { APIConnectionError, APIError, APITimeoutError, ParleyError } from './errors.js';
import { toSnake } from './casing.js';

/** How the client is made: `new Parley({ apiKey, baseUrl })`. */
export interface ParleyOptions {
  /** A secret (`sk_live_`/`sk_test_`), publishable (`pk_`) or console (`ct_`) key. Defaults to `PARLEY_API_KEY`. */
  apiKey?: string;
  /** Where Parley runs, e.g. `https://support.example.com`. Defaults to `PARLEY_BASE_URL`, else `http://localhost:8080`. */
  baseUrl?: string;
  /** Sent as `X-Domain` (seed 000): one of the store's domains. */
  domain?: string;
  /** Retries after the first attempt on 429, 502, 503 and connection errors. Default 2. */
  maxRetries?: number;
  /** Per attempt, in milliseconds. Default 60 000. */
  timeoutMs?: number;
  /** `Accept-Language` for error messages (`en`, `uz`). */
  language?: string;
  /** Extra headers on every request (e.g. `X-Parley-Visitor-Token`). */
  headers?: Record<string, string>;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Seed 002's `environment` ('production'); accepted and ignored: the key's prefix decides live or test mode. */
  environment?: string;
  /** The longest wait between retries, in milliseconds, when the server gives no `Retry-After`. Default 8 000. */
  maxRetryDelayMs?: number;
  /**
   * The longest `Retry-After` the client waits out, in milliseconds; a server asking for longer (an hourly quota
   * spent) gets the error thrown at once instead. Default 60 000.
   */
  maxRetryAfterMs?: number;
}

/** Options for one call. */
export interface RequestOptions {
  /** `Idempotency-Key` for a POST; one is generated when absent and reused by every retry of the call. */
  idempotencyKey?: string;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

export interface RawRequest extends RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query | object;
  /** JSON body: keys converted to snake_case. */
  body?: unknown;
  /** A body sent as-is (bytes, FormData, text), with `contentType` when given. */
  rawBody?: BodyInit;
  contentType?: string;
  /** Send no Authorization header (signed links carry their own permission). */
  anonymous?: boolean;
}

/** The parsed body and what came with it. */
export interface RawResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The request's id, `X-Request-Id`. */
  requestId: string | null;
}

const RETRYABLE_STATUS = new Set([429, 502, 503]);
const VERSION = '0.1.0';

declare const process: { env?: Record<string, string | undefined> } | undefined;

function env(name: string): string | undefined {
  return typeof process !== 'undefined' ? process?.env?.[name] : undefined;
}

/** The HTTP core every resource goes through: auth, JSON, errors, retries, idempotency. */
export class HttpClient {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  private readonly options: ParleyOptions;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ParleyOptions = {}) {
    this.options = options;
    this.apiKey = options.apiKey ?? env('PARLEY_API_KEY');
    this.baseUrl = (options.baseUrl ?? env('PARLEY_BASE_URL') ?? 'http://localhost:8080').replace(/\/+$/, '');
    this.maxRetries = options.maxRetries ?? 2;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== 'function') {
      throw new ParleyError('No fetch: use Node 20 or newer, a browser, or pass options.fetch');
    }
    this.fetchImpl = f.bind(globalThis);
  }

  /** An absolute URL for a path of the API (or an absolute URL given back by it, such as a signed link). */
  url(path: string, query?: Query | object): string {
    const url = new URL(/^https?:\/\//.test(path) ? path : this.baseUrl + path);
    for (const [key, value] of Object.entries(toSnake(query ?? {}) as Record<string, unknown>)) {
      if (value === undefined || value === null) {
        continue;
      }
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return url.toString();
  }

  async request<T>(req: RawRequest): Promise<T> {
    return (await this.requestRaw<T>(req)).data;
  }

  async requestRaw<T>(req: RawRequest): Promise<RawResponse<T>> {
    const url = this.url(req.path, req.query);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': `parley-typescript/${VERSION}`,
      ...(this.options.headers ?? {}),
    };
    if (!req.anonymous && this.apiKey) {
      headers.Authorization = `Bearer ${this.apiKey}`;
    }
    if (this.options.domain) {
      headers['X-Domain'] = this.options.domain;
    }
    if (this.options.language) {
      headers['Accept-Language'] = this.options.language;
    }
    let body: BodyInit | undefined;
    if (req.rawBody !== undefined) {
      body = req.rawBody;
      if (req.contentType) {
        headers['Content-Type'] = req.contentType;
      }
    } else if (req.body !== undefined) {
      body = JSON.stringify(toSnake(req.body));
      headers['Content-Type'] = 'application/json';
    }
    if (req.method === 'POST' && !req.anonymous) {
      // One key for the call: every retry of it sends the same, so the server applies it at most once.
      headers['Idempotency-Key'] = req.idempotencyKey ?? newIdempotencyKey();
    }
    Object.assign(headers, req.headers ?? {});
    // A browser's User-Agent is the browser's own; fetch refuses to set it there, so only Node sends ours.
    if (typeof (globalThis as { window?: unknown }).window !== 'undefined') {
      delete headers['User-Agent'];
    }

    const maxRetries = req.maxRetries ?? this.maxRetries;
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.attempt(url, req.method, headers, body, timeoutMs, req.signal);
      } catch (error) {
        if (req.signal?.aborted) {
          throw error;
        }
        if (attempt < maxRetries) {
          await sleep(this.backoff(attempt, null), req.signal);
          continue;
        }
        throw error;
      }
      if (response.ok) {
        return {
          data: (await parseBody(response)) as T,
          status: response.status,
          headers: response.headers,
          requestId: response.headers.get('x-request-id'),
        };
      }
      const parsed = await parseBody(response);
      const error = APIError.of(response.status, parsed, response.headers);
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      const waitable = retryAfter === null || retryAfter * 1000 <= (this.options.maxRetryAfterMs ?? 60_000);
      if (attempt < maxRetries && retryable(error) && waitable) {
        await sleep(this.backoff(attempt, response.headers.get('retry-after')), req.signal);
        continue;
      }
      throw error;
    }
  }

  private async attempt(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: BodyInit | undefined,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const onAbort = () => timeout.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // A body that is a stream cannot be sent twice; bytes, text and FormData can, which is what the API takes.
      return await this.fetchImpl(url, { method, headers, body, signal: timeout.signal });
    } catch (cause) {
      if (signal?.aborted) {
        throw cause;
      }
      if (timeout.signal.aborted) {
        throw new APITimeoutError(`${method} ${url} got no answer within ${timeoutMs} ms`, { cause });
      }
      throw new APIConnectionError(`${method} ${url} failed: ${(cause as Error)?.message ?? cause}`, { cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * How long to wait before retry `attempt + 1`: the server's `Retry-After` when it sent one, else exponential
   * backoff from 500 ms with jitter (half fixed, half random), so many clients refused at once do not return at once.
   */
  backoff(attempt: number, retryAfter: string | null): number {
    const seconds = parseRetryAfter(retryAfter);
    if (seconds !== null) {
      return seconds * 1000 + Math.random() * 100;
    }
    const ceiling = Math.min(this.options.maxRetryDelayMs ?? 8_000, 500 * 2 ** attempt);
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }
}

function retryable(error: APIError): boolean {
  // A 409 for a request still running under the same key: the first attempt is still being answered.
  return RETRYABLE_STATUS.has(error.status) || error.code === 'idempotency_request_in_progress';
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  if (/^\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value.trim());
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - Date.now()) / 1000);
}

export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    return `idem_${c.randomUUID()}`;
  }
  return `idem_${Date.now().toString(36)}_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (text === '') {
    return null;
  }
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') || /^[\[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
