import { WebhookSignatureError } from './errors.js';
import type { WebhookEvent } from './models.js';

/**
 * Verifies Parley's webhook deliveries in every format it signs them (docs/webhooks.md):
 * - `X-Parley-Signature: t=<unix>,v1=<hex>`: HMAC-SHA256 of `<t>.<raw body>`, the recommended check because it binds
 *   the time (a `t` outside the tolerance is refused);
 * - `X-Webhook-Signature: sha256=<hex>` (`signature_format: sha256_prefixed`, the default, seed 002);
 * - `X-Webhook-Signature: <hex>` (`signature_format: hex`, seed 000).
 * Every signature header present must verify, and at least one must be present. Uses Web Crypto, so it runs in
 * Node 20+ and browsers alike (hence async).
 */

/** Header values as Node's `IncomingHttpHeaders`, a plain object, or a fetch `Headers`. */
export type HeaderBag =
  | Headers
  | Record<string, string | string[] | undefined>
  | Iterable<[string, string]>;

export interface VerifyOptions {
  /** How old (or how far ahead) `t` of `X-Parley-Signature` may be, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The clock, in unix seconds (tests). */
  now?: number;
}

const encoder = new TextEncoder();

/** Checks the delivery's signatures and returns the parsed event; throws {@link WebhookSignatureError} otherwise. */
export async function verifyWebhook<D = Record<string, unknown>>(
  payload: string | Uint8Array | ArrayBuffer | object,
  headers: HeaderBag,
  secret: string,
  options: VerifyOptions = {},
): Promise<WebhookEvent<D>> {
  if (!secret) {
    throw new WebhookSignatureError('missing_secret', 'No webhook secret given');
  }
  const body = rawBody(payload);
  const parley = header(headers, 'x-parley-signature');
  const plain = header(headers, 'x-webhook-signature');
  if (parley === null && plain === null) {
    throw new WebhookSignatureError(
      'missing_signature',
      'The request has neither X-Parley-Signature nor X-Webhook-Signature',
    );
  }
  if (parley !== null) {
    await checkParleySignature(body, parley, secret, options);
  }
  if (plain !== null) {
    await checkBodySignature(body, plain, secret);
  }
  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent<D>;
  } catch {
    throw new WebhookSignatureError('invalid_payload', 'The signed body is not JSON');
  }
}

/** `true` when {@link verifyWebhook} would accept the delivery. */
export async function isValidWebhook(
  payload: string | Uint8Array | ArrayBuffer | object,
  headers: HeaderBag,
  secret: string,
  options: VerifyOptions = {},
): Promise<boolean> {
  try {
    await verifyWebhook(payload, headers, secret, options);
    return true;
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      return false;
    }
    throw error;
  }
}

/**
 * The headers Parley would send for `payload` (for your receiver's tests): `X-Parley-Signature`, and
 * `X-Webhook-Signature` in the given format.
 */
export async function signWebhook(
  payload: string,
  secret: string,
  options: { timestamp?: number; format?: 'sha256_prefixed' | 'hex' } = {},
): Promise<Record<string, string>> {
  const t = options.timestamp ?? Math.floor(Date.now() / 1000);
  const body = encoder.encode(payload);
  const v1 = await hmacHex(secret, concat(encoder.encode(`${t}.`), body));
  const plain = await hmacHex(secret, body);
  return {
    'X-Parley-Signature': `t=${t},v1=${v1}`,
    'X-Webhook-Signature': options.format === 'hex' ? plain : `sha256=${plain}`,
    'X-Webhook-Timestamp': String(t),
  };
}

async function checkParleySignature(body: Uint8Array, value: string, secret: string, options: VerifyOptions) {
  let t: string | undefined;
  const candidates: string[] = [];
  for (const part of value.split(',')) {
    const [key, ...rest] = part.trim().split('=');
    const v = rest.join('=');
    if (key === 't') {
      t = v;
    } else if (key === 'v1') {
      candidates.push(v.toLowerCase());
    }
  }
  if (t === undefined || !/^\d{1,12}$/.test(t) || candidates.length === 0) {
    throw new WebhookSignatureError('malformed', 'X-Parley-Signature is not "t=<unix>,v1=<hex>"');
  }
  const now = options.now ?? Date.now() / 1000;
  if (Math.abs(now - Number(t)) > (options.toleranceSeconds ?? 300)) {
    throw new WebhookSignatureError(
      'timestamp_out_of_tolerance',
      'X-Parley-Signature is too old or from the future (possibly a replay)',
    );
  }
  const expected = await hmacHex(secret, concat(encoder.encode(`${t}.`), body));
  if (!candidates.some((candidate) => constantTimeEqual(expected, candidate))) {
    throw new WebhookSignatureError('mismatch', 'X-Parley-Signature does not match the body and secret');
  }
}

async function checkBodySignature(body: Uint8Array, value: string, secret: string) {
  const trimmed = value.trim();
  const hex = (trimmed.toLowerCase().startsWith('sha256=') ? trimmed.slice(7) : trimmed).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new WebhookSignatureError('malformed', 'X-Webhook-Signature is not "sha256=<hex>" nor a hex digest');
  }
  const expected = await hmacHex(secret, body);
  if (!constantTimeEqual(expected, hex)) {
    throw new WebhookSignatureError('mismatch', 'X-Webhook-Signature does not match the body and secret');
  }
}

function rawBody(payload: string | Uint8Array | ArrayBuffer | object): Uint8Array {
  if (typeof payload === 'string') {
    return encoder.encode(payload);
  }
  if (payload instanceof Uint8Array) {
    return payload;
  }
  if (payload instanceof ArrayBuffer) {
    return new Uint8Array(payload);
  }
  // An already parsed body: Parley writes bodies exactly as JSON.stringify does, so this gives back its bytes.
  return encoder.encode(JSON.stringify(payload));
}

function header(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name);
  }
  const entries: Iterable<[string, unknown]> =
    Symbol.iterator in (headers as object)
      ? (headers as Iterable<[string, string]>)
      : Object.entries(headers as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (key.toLowerCase() === name) {
      if (Array.isArray(value)) {
        return value.length ? String(value[0]) : null;
      }
      return value === undefined || value === null ? null : String(value);
    }
  }
  return null;
}

async function hmacHex(secret: string, data: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new WebhookSignatureError('no_crypto', 'Web Crypto (crypto.subtle) is not available here');
  }
  const key = await subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const signature = new Uint8Array(await subtle.sign('HMAC', key, data as BufferSource));
  return Array.from(signature, (b) => b.toString(16).padStart(2, '0')).join('');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Compares two strings without an early exit, so timing does not tell how much of a guess was right. */
function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) {
    diff |= a.charCodeAt(i) ^ (i < b.length ? b.charCodeAt(i) : 0);
  }
  return diff === 0;
}
