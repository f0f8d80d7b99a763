/**
 * The API speaks snake_case; the seeds' quick starts write camelCase (`customerEmail`, `maxPages`, `userId`).
 * Request keys are converted to snake_case on the way out, except inside free-form maps whose keys are the caller's
 * own data (`metadata`, `data`, ...), which are sent exactly as given.
 */

/** Keys whose values are the caller's free-form maps: their own keys are never renamed. */
const OPAQUE = new Set(['metadata', 'data', 'parameters', 'facts', 'preferences', 'erased']);

export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** A deep copy of `value` with object keys in snake_case (plain objects and arrays only; `undefined` dropped). */
export function toSnake(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(toSnake);
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) {
      continue;
    }
    const name = snakeCase(key);
    out[name] = OPAQUE.has(name) ? inner : toSnake(inner);
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
