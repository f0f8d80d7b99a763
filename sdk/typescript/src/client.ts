import { HttpClient, type ParleyOptions, type RequestOptions } from './core.js';
import { AgentStream, LiveSocket, type LiveSocketOptions, type SocketOptions } from './live.js';
import type * as M from './models.js';
import {
  Agents,
  Analytics,
  AssistantModel,
  Auth,
  Chat,
  Chats,
  Contacts,
  Conversations,
  Documents,
  Files,
  Gdpr,
  Intents,
  Keys,
  KnowledgeBase,
  Orders,
  Products,
  Scraping,
  Sessions,
  Settings,
  Stores,
  Tools,
  Training,
  Webhooks,
} from './resources.js';
import { VoiceSession, type VoiceOptions } from './voice.js';

/**
 * The Parley API client: `new Parley({ apiKey, baseUrl })`.
 *
 * ```ts
 * const parley = new Parley({ apiKey: process.env.PARLEY_API_KEY, baseUrl: 'https://support.example.com' });
 * const conv = await parley.conversations.create({ customerEmail: 'ana@example.com', initialMessage: 'Where is my order?' });
 * console.log(conv.response.content);
 * ```
 */
export class Parley {
  /** The HTTP core (base URL, key, retries); `request` reaches any endpoint this client does not name. */
  readonly http: HttpClient;
  readonly conversations: Conversations;
  readonly chat: Chat;
  readonly chats: Chats;
  readonly contacts: Contacts;
  readonly knowledgeBase: KnowledgeBase;
  readonly documents: Documents;
  readonly training: Training;
  readonly scraping: Scraping;
  readonly intents: Intents;
  readonly assistantModel: AssistantModel;
  readonly analytics: Analytics;
  readonly webhooks: Webhooks;
  readonly orders: Orders;
  readonly products: Products;
  readonly tools: Tools;
  readonly sessions: Sessions;
  readonly files: Files;
  readonly gdpr: Gdpr;
  readonly stores: Stores;
  readonly settings: Settings;
  readonly keys: Keys;
  readonly agents: Agents;
  readonly auth: Auth;
  /** The live sockets: `live.connect()` (the customer's, `/v1/ws`) and `live.agentStream()` (`/v1/agent/ws`). */
  readonly live: {
    connect(options?: LiveSocketOptions): LiveSocket;
    agentStream(options?: SocketOptions & { token?: string }): AgentStream;
  };

  constructor(options: ParleyOptions = {}) {
    const http = new HttpClient(options);
    this.http = http;
    this.conversations = new Conversations(http);
    this.chat = new Chat(http);
    this.chats = new Chats(http);
    this.contacts = new Contacts(http);
    this.knowledgeBase = new KnowledgeBase(http);
    this.documents = this.knowledgeBase.documents;
    this.training = new Training(http);
    this.scraping = new Scraping(http);
    this.intents = new Intents(http);
    this.assistantModel = new AssistantModel(http);
    this.analytics = new Analytics(http);
    this.webhooks = new Webhooks(http);
    this.orders = new Orders(http);
    this.products = new Products(http);
    this.tools = new Tools(http);
    this.sessions = new Sessions(http);
    this.files = new Files(http);
    this.gdpr = new Gdpr(http);
    this.stores = new Stores(http);
    this.settings = new Settings(http);
    this.keys = new Keys(http);
    this.agents = new Agents(http);
    this.auth = new Auth(http);
    this.live = {
      connect: (socketOptions = {}) => new LiveSocket(this.socketUrl('/v1/ws'), http.apiKey, socketOptions),
      agentStream: (socketOptions = {}) =>
        new AgentStream(this.socketUrl('/v1/agent/ws'), { apiKey: http.apiKey, token: socketOptions.token }, socketOptions),
    };
  }

  /**
   * Seed 002's one call: sends `message` (a new conversation, or `conversationId`'s) and returns the assistant's
   * `answer` with its `confidence` and `sources`.
   */
  async sendMessage(params: M.SeedSendMessageParams, options?: RequestOptions): Promise<M.Answer> {
    const answered = await this.http.request<Omit<M.Answer, 'answer'>>({
      method: 'POST',
      path: '/v1/conversations',
      body: params,
      ...options,
    });
    return { ...answered, answer: answered.response } as M.Answer;
  }

  /** Seed 004's voice/live session: `session_id`, `conversation_id`, `token` (`st_...`, one hour), `expires_at`. */
  createSession(params: M.SessionCreateParams = {}, options?: RequestOptions): Promise<M.Session> {
    return this.sessions.create(params, options);
  }

  /** Seed 004's voice socket for a session token; see {@link VoiceSession}. */
  connectVoice(token: string, options: VoiceOptions = {}): VoiceSession {
    const url = new URL(this.socketUrl('/v1/ws/voice/session'));
    url.searchParams.set('token', token);
    return new VoiceSession(url.toString(), options);
  }

  /** What the assistant sees for a query (`/v1/knowledge-base/search`). */
  search(params: M.SearchParams, options?: RequestOptions): Promise<M.SearchResponse> {
    return this.knowledgeBase.search(params, options);
  }

  /** `/health`: `status` healthy, degraded or unhealthy, and the checks. */
  health(options?: RequestOptions): Promise<{ status: string; version: string; checks: Record<string, unknown> }> {
    return this.http.request({ method: 'GET', path: '/health', anonymous: true, ...options });
  }

  private socketUrl(path: string): string {
    return this.http.baseUrl.replace(/^http/, 'ws') + path;
  }
}
