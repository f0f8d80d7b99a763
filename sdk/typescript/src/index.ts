/**
 * `@parley/sdk`: the Parley API client for TypeScript and JavaScript (Node 20+ and browsers, no dependencies).
 * @packageDocumentation
 */
export { Parley } from './client.js';
export { Parley as default } from './client.js';
export type { ParleyOptions, RequestOptions, RawRequest, RawResponse, Query } from './core.js';
export { HttpClient, parseRetryAfter } from './core.js';
export * from './errors.js';
export { PageIterator, type Page, type Pagination, type NextPage } from './pagination.js';
export { verifyWebhook, isValidWebhook, signWebhook, type HeaderBag, type VerifyOptions } from './signature.js';
export { LiveSocket, AgentStream, type LiveSocketOptions, type SocketOptions, type LiveEvents, type AgentEvents, type BaseEvents } from './live.js';
export { VoiceSession, type VoiceOptions, type AudioOptions, type VoiceEvents } from './voice.js';
export type { Listener } from './emitter.js';
export type { TransportKind } from './transport.js';
export * from './resources.js';
export type * from './models.js';
