/**
 * `@parley/sdk`: the Parley API client for TypeScript and JavaScript (Node 20+ and browsers, no dependencies).
 * @packageDocumentation
 */
export { Parley } from './client.js';
export { Parley as default } from './client.js';
export type { ParleyOptions, RequestOptions, RawResponse, Query } from './core.js';
export { HttpClient, parseRetryAfter } from './core.js';
export * from './errors.js';
export { PageIterator, type Page, type Pagination } from './pagination.js';
export { verifyWebhook, isValidWebhook, signWebhook, type HeaderBag, type VerifyOptions } from './signature.js';
export { LiveSocket, AgentStream, type LiveSocketOptions, type SocketOptions } from './live.js';
export { VoiceSession, type VoiceOptions, type AudioOptions } from './voice.js';
export type { TransportKind } from './transport.js';
export * from './resources.js';
export type * from './models.js';
