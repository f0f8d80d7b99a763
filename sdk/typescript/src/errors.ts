/**
 * Errors the client throws. Every API error carries the envelope's `code`, `message`, `details` and `request_id`
 * (`{"error":{"code","message","message_en","details"},"request_id"}`) and the HTTP status; the subclass says which
 * family it belongs to, so callers can `catch (e) { if (e instanceof RateLimitError) ... }` or switch on `e.code`.
 */

/** The base of everything this package throws. */
export class ParleyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** What the server said, as its error envelope puts it. */
export interface ErrorEnvelope {
  error?: { code?: string; message?: string; message_en?: string; details?: Record<string, unknown> | null };
  request_id?: string;
}

/** An HTTP answer of 4xx or 5xx from the API. */
export class APIError extends ParleyError {
  /** The API's error code, e.g. `invalid_request`, `not_found`, `rate_limited`. */
  readonly code: string;
  /** The HTTP status. */
  readonly status: number;
  /** The `details` object of the envelope (e.g. `field`, `reason`), `{}` when absent. */
  readonly details: Record<string, unknown>;
  /** The request's id (`req_...`), from the envelope or the `X-Request-Id` header. */
  readonly request_id: string | null;
  /** The English message when `message` is in another language (`Accept-Language`). */
  readonly message_en: string | null;
  /** The response headers. */
  readonly headers: Headers;
  /** The parsed body, or the raw text when it was not JSON. */
  readonly body: unknown;

  constructor(status: number, body: unknown, headers: Headers) {
    const envelope = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
    const error = envelope.error ?? {};
    const message = error.message ?? (typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`);
    super(message);
    this.status = status;
    this.code = error.code ?? `http_${status}`;
    this.details = (error.details as Record<string, unknown> | undefined) ?? {};
    this.request_id = envelope.request_id ?? headers.get('x-request-id');
    this.message_en = error.message_en ?? null;
    this.headers = headers;
    this.body = body;
  }

  /** camelCase alias of `request_id`. */
  get requestId(): string | null {
    return this.request_id;
  }

  /** The error class for a status, so a caller can catch a family. */
  static of(status: number, body: unknown, headers: Headers): APIError {
    switch (status) {
      case 400:
        return new InvalidRequestError(status, body, headers);
      case 401:
        return new AuthenticationError(status, body, headers);
      case 403:
        return new PermissionDeniedError(status, body, headers);
      case 404:
        return new NotFoundError(status, body, headers);
      case 409:
        return new ConflictError(status, body, headers);
      case 413:
        return new PayloadTooLargeError(status, body, headers);
      case 415:
        return new UnsupportedMediaTypeError(status, body, headers);
      case 429:
        return new RateLimitError(status, body, headers);
      default:
        return status >= 500 ? new ServerError(status, body, headers) : new APIError(status, body, headers);
    }
  }
}

/** 400: `invalid_request`, `missing_field`, `blocked_target`, ... (`details.field`, `details.reason`). */
export class InvalidRequestError extends APIError {}
/** 401: `invalid_api_key`, `invalid_credentials`, `invalid_signature`. */
export class AuthenticationError extends APIError {}
/** 403: `insufficient_permissions`, `domain_not_configured`, `invalid_signature`, `link_expired`. */
export class PermissionDeniedError extends APIError {}
/** 404: `not_found` (also another workspace's ids). */
export class NotFoundError extends APIError {}
/** 409: `conflict`, `conversation_closed`, `idempotency_key_reused`, `idempotency_request_in_progress`. */
export class ConflictError extends APIError {}
/** 413: `payload_too_large` (`details.max_bytes`). */
export class PayloadTooLargeError extends APIError {}
/** 415: `unsupported_media_type`. */
export class UnsupportedMediaTypeError extends APIError {}
/** 429: `rate_limited`, `quota_exceeded`; `retryAfter` is the server's `Retry-After` in seconds. */
export class RateLimitError extends APIError {
  get retryAfter(): number | null {
    const value = this.headers.get('retry-after');
    return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
  }
}
/** 5xx: `internal_error`, `integration_error` (502), `service_unavailable` (503). */
export class ServerError extends APIError {}

/** The request never got an answer: refused connection, reset, DNS failure, or the client's timeout. */
export class APIConnectionError extends ParleyError {
  readonly code = 'connection_error';
}

/** The client's own time limit (`timeoutMs`) ran out. */
export class APITimeoutError extends APIConnectionError {}

/** `webhooks.verify` refused a delivery: no usable signature header, a wrong signature, or a stale timestamp. */
export class WebhookSignatureError extends ParleyError {
  readonly code = 'invalid_signature';
  /** Why: `missing_signature`, `malformed`, `mismatch`, `timestamp_out_of_tolerance`, `invalid_payload`. */
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** A socket (`/v1/ws`, `/v1/agent/ws`, voice) failed or the server sent an `error` frame that ends it. */
export class SocketError extends ParleyError {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
