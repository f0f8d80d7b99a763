// What the tests share: the running server, the admin client, and a fresh workspace per test file.
import { Parley } from '../dist/index.js';

export const BASE_URL = process.env.PARLEY_TEST_BASE_URL;
export const ADMIN_KEY = process.env.PARLEY_TEST_ADMIN_KEY;

if (!BASE_URL || !ADMIN_KEY) {
  throw new Error('Run the tests with `npm test` (it starts a server) or set PARLEY_TEST_BASE_URL and PARLEY_TEST_ADMIN_KEY');
}

export const admin = new Parley({ apiKey: ADMIN_KEY, baseUrl: BASE_URL });

let counter = 0;

/** A new workspace (store) of its own with its first live key, so tests never see each other's data. */
export async function newWorkspace(overrides = {}) {
  const suffix = `${Date.now().toString(36)}${++counter}`;
  const created = await admin.stores.create({
    name: `SDK test ${suffix}`,
    domains: [`sdk-${suffix}.test`],
    platform: 'demo',
    plan: 'enterprise',
    ...overrides,
  });
  const client = new Parley({ apiKey: created.api_key.key, baseUrl: BASE_URL });
  return { store: created.store, key: created.api_key.key, client };
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs`). */
export async function eventually(probe, { timeoutMs = 60_000, intervalMs = 200, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}
