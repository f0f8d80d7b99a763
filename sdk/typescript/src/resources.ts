import type { HttpClient, Query, RequestOptions } from './core.js';
import { ParleyError } from './errors.js';
import { nextPageNumber, PageIterator, type Page } from './pagination.js';
import { isValidWebhook, signWebhook, verifyWebhook, type HeaderBag, type VerifyOptions } from './signature.js';
import type * as M from './models.js';

const enc = encodeURIComponent;

/** What every resource shares: the HTTP core and list helpers. */
abstract class Resource {
  constructor(protected readonly http: HttpClient) {}

  protected doGet<T>(path: string, query?: Query | object, options?: RequestOptions): Promise<T> {
    return this.http.request<T>({ method: 'GET', path, query, ...options });
  }

  protected doPost<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.http.request<T>({ method: 'POST', path, body: body ?? {}, ...options });
  }

  protected doPatch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.http.request<T>({ method: 'PATCH', path, body, ...options });
  }

  protected doPut<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.http.request<T>({ method: 'PUT', path, body, ...options });
  }

  protected doDelete<T>(path: string, options?: RequestOptions & { body?: unknown; query?: object }): Promise<T> {
    return this.http.request<T>({ method: 'DELETE', path, ...options });
  }

  /** A `page`/`per_page` list: `await` for the first page, `for await` for every item. */
  protected paged<T>(path: string, query: object = {}, options?: RequestOptions): PageIterator<T> {
    const fetchPage = (page?: number) =>
      this.doGet<Page<T>>(path, page === undefined ? query : { ...query, page }, options);
    return new PageIterator<T>(
      () => fetchPage(),
      (previous) => {
        const next = nextPageNumber(previous);
        return next === null ? null : fetchPage(next);
      },
    );
  }
}

// ---------------------------------------------------------------- conversations

export class Conversations extends Resource {
  /** Starts a conversation with the customer's first message; the assistant's answer is in `response.content`. */
  async create(params: M.ConversationCreateParams, options?: RequestOptions): Promise<M.ConversationCreated> {
    const created = await this.doPost<Omit<M.ConversationCreated, 'id'>>('/v1/conversations', params, options);
    return { id: created.conversation_id, ...created } as M.ConversationCreated;
  }

  /** Sends the customer's next message: `sendMessage({ conversationId, content })` or `sendMessage(id, { content })`. */
  sendMessage(params: M.SendMessageParams, options?: RequestOptions): Promise<M.MessageSent>;
  sendMessage(conversationId: string, params: Omit<M.SendMessageParams, 'conversationId'>, options?: RequestOptions): Promise<M.MessageSent>;
  sendMessage(
    first: string | M.SendMessageParams,
    second?: Omit<M.SendMessageParams, 'conversationId'> | RequestOptions,
    third?: RequestOptions,
  ): Promise<M.MessageSent> {
    const params = (typeof first === 'string' ? { ...(second as object), conversationId: first } : first) as M.SendMessageParams;
    const options = (typeof first === 'string' ? third : second) as RequestOptions | undefined;
    const id = params.conversationId ?? params.conversation_id;
    if (!id) {
      throw new ParleyError('sendMessage needs a conversationId');
    }
    const { conversationId: _a, conversation_id: _b, ...body } = params;
    return this.doPost(`/v1/conversations/${enc(id)}/messages`, body, options);
  }

  /** One conversation; `includeMessages` adds its messages (`messageLimit` of them). */
  retrieve(
    conversationId: string,
    params: { includeMessages?: boolean; messageLimit?: number } = {},
    options?: RequestOptions,
  ): Promise<M.Conversation> {
    return this.doGet(`/v1/conversations/${enc(conversationId)}`, params, options);
  }

  /** Alias of {@link retrieve}. */
  get(
    conversationId: string,
    params: { includeMessages?: boolean; messageLimit?: number } = {},
    options?: RequestOptions,
  ): Promise<M.Conversation> {
    return this.retrieve(conversationId, params, options);
  }

  list(params: M.ConversationListParams = {}, options?: RequestOptions): PageIterator<M.ConversationSummary> {
    return this.paged('/v1/conversations', params, options);
  }

  update(conversationId: string, params: M.ConversationUpdateParams, options?: RequestOptions): Promise<M.Conversation> {
    return this.doPatch(`/v1/conversations/${enc(conversationId)}`, params, options);
  }

  escalate(conversationId: string, params: M.EscalateParams = {}, options?: RequestOptions): Promise<M.Escalation> {
    return this.doPost(`/v1/conversations/${enc(conversationId)}/escalate`, params, options);
  }

  resolve(conversationId: string, params: M.ResolveParams = {}, options?: RequestOptions): Promise<M.Resolution> {
    return this.doPost(`/v1/conversations/${enc(conversationId)}/resolve`, params, options);
  }

  feedback(conversationId: string, params: M.FeedbackParams, options?: RequestOptions): Promise<M.Feedback> {
    return this.doPost(`/v1/conversations/${enc(conversationId)}/feedback`, params, options);
  }

  /** Hands an escalated or assigned conversation back to the assistant. */
  handback(conversationId: string, options?: RequestOptions): Promise<M.Conversation> {
    return this.doPost(`/v1/conversations/${enc(conversationId)}/handback`, {}, options);
  }

  /** An agent's reply (role `agent`). */
  reply(
    conversationId: string,
    params: { content: string; attachments?: Array<{ type: string; url: string }> },
    options?: RequestOptions,
  ): Promise<M.Reply> {
    return this.doPost(`/v1/conversations/${enc(conversationId)}/replies`, params, options);
  }

  /** A private note, seen by agents only. */
  addNote(conversationId: string, params: { content: string }, options?: RequestOptions): Promise<M.Reply> {
    return this.doPost(`/v1/conversations/${enc(conversationId)}/notes`, params, options);
  }

  /**
   * The conversation's messages oldest first, after `after` (a message id): what a client missed. Iterates with the
   * cursor (`has_more`).
   */
  messages(
    conversationId: string,
    params: { after?: string; limit?: number } = {},
    options?: RequestOptions,
  ): PageIterator<M.Message> {
    const path = `/v1/conversations/${enc(conversationId)}/messages`;
    const fetchAfter = (after?: string) => this.doGet<Page<M.Message>>(path, { ...params, after }, options);
    return new PageIterator<M.Message>(
      () => fetchAfter(params.after),
      (previous) => (previous.has_more ? fetchAfter(previous.data[previous.data.length - 1].id) : null),
    );
  }
}

export class Chat extends Resource {
  /** Seed 000's one call: a message in, the assistant's answer out; every chat is a conversation. */
  send(params: M.ChatSendParams, options?: RequestOptions): Promise<M.ChatResponse> {
    return this.doPost('/v1/chat', params, options);
  }
}

export class Chats extends Resource {
  /** Seed 003's inbox list (`page`, `limit`, `status`, `agentId`). */
  list(params: { status?: string; agentId?: string; page?: number; limit?: number } = {}, options?: RequestOptions): PageIterator<M.ChatThread> {
    return this.paged('/v1/chats', params, options);
  }
  retrieve(chatId: string, options?: RequestOptions): Promise<M.ChatThread> {
    return this.doGet(`/v1/chats/${enc(chatId)}`, undefined, options);
  }
  sendMessage(chatId: string, params: { text: string; attachments?: unknown[] }, options?: RequestOptions): Promise<M.Reply> {
    return this.doPost(`/v1/chats/${enc(chatId)}/messages`, params, options);
  }
  update(chatId: string, params: M.ConversationUpdateParams, options?: RequestOptions): Promise<M.ChatThread> {
    return this.doPatch(`/v1/chats/${enc(chatId)}`, params, options);
  }
}

export class Contacts extends Resource {
  list(params: { email?: string; page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<M.Contact> {
    return this.paged('/v1/contacts', params, options);
  }
  retrieve(contactId: string, options?: RequestOptions): Promise<M.Contact> {
    return this.doGet(`/v1/contacts/${enc(contactId)}`, undefined, options);
  }
  update(contactId: string, params: { name?: string; phone?: string; metadata?: Record<string, unknown> }, options?: RequestOptions): Promise<M.Contact> {
    return this.doPatch(`/v1/contacts/${enc(contactId)}`, params, options);
  }
  conversations(contactId: string, params: { page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<M.ConversationSummary> {
    return this.paged(`/v1/contacts/${enc(contactId)}/conversations`, params, options);
  }
}

// ---------------------------------------------------------------- knowledge

export class Documents extends Resource {
  /**
   * Imports a document (PDF, DOCX, HTML, Markdown, text; up to 20 MB) as multipart form data.
   * `file` is a Blob/File, or bytes with `filename`.
   */
  upload(
    file: Blob | Uint8Array | ArrayBuffer | string,
    params: { filename?: string; contentType?: string; title?: string; category?: string; tags?: string | string[]; status?: string } = {},
    options?: RequestOptions,
  ): Promise<M.Document> {
    const form = new FormData();
    const blob =
      file instanceof Blob
        ? file
        : new Blob([typeof file === 'string' ? file : (file as BlobPart)], {
            type: params.contentType ?? 'application/octet-stream',
          });
    form.append('file', blob, params.filename ?? ((file as File).name || 'document'));
    if (params.title) form.append('title', params.title);
    if (params.category) form.append('category', params.category);
    if (params.tags) form.append('tags', Array.isArray(params.tags) ? params.tags.join(',') : params.tags);
    if (params.status) form.append('status', params.status);
    return this.http.request({ method: 'POST', path: '/v1/knowledge-base/documents', rawBody: form, ...options });
  }
  list(params: { page?: number; perPage?: number; [key: string]: unknown } = {}, options?: RequestOptions): PageIterator<M.Document> {
    return this.paged('/v1/knowledge-base/documents', params, options);
  }
  retrieve(documentId: string, options?: RequestOptions): Promise<M.Document> {
    return this.doGet(`/v1/knowledge-base/documents/${enc(documentId)}`, undefined, options);
  }
  delete(documentId: string, options?: RequestOptions): Promise<M.Deleted> {
    return this.doDelete(`/v1/knowledge-base/documents/${enc(documentId)}`, options);
  }
}

export class KnowledgeBase extends Resource {
  readonly documents: Documents;
  constructor(http: HttpClient) {
    super(http);
    this.documents = new Documents(http);
  }
  /** Creates an article, or updates the one `articleId` names. */
  create(params: M.ArticleParams, options?: RequestOptions): Promise<M.Article> {
    return this.doPost('/v1/knowledge-base', params, options);
  }
  list(params: { category?: string; tag?: string; status?: string; q?: string; page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<M.Article> {
    return this.paged('/v1/knowledge-base', params, options);
  }
  retrieve(articleId: string, options?: RequestOptions): Promise<M.Article> {
    return this.doGet(`/v1/knowledge-base/${enc(articleId)}`, undefined, options);
  }
  /** Changes the fields given. */
  update(articleId: string, params: M.ArticleParams, options?: RequestOptions): Promise<M.Article> {
    return this.doPatch(`/v1/knowledge-base/${enc(articleId)}`, params, options);
  }
  /** Replaces the article (`title` and `content` required). */
  replace(articleId: string, params: M.ArticleParams, options?: RequestOptions): Promise<M.Article> {
    return this.doPut(`/v1/knowledge-base/${enc(articleId)}`, params, options);
  }
  delete(articleId: string, options?: RequestOptions): Promise<M.Deleted> {
    return this.doDelete(`/v1/knowledge-base/${enc(articleId)}`, options);
  }
  /** What the assistant sees for a query. */
  search(params: M.SearchParams, options?: RequestOptions): Promise<M.SearchResponse> {
    return this.doPost('/v1/knowledge-base/search', params, options);
  }
}

export class Training extends Resource {
  create(params: M.TrainingParams, options?: RequestOptions): Promise<M.TrainingItem> {
    return this.doPost('/v1/training', params, options);
  }
  /** At most 1000 items, all or nothing. */
  createBatch(items: M.TrainingParams[], options?: RequestOptions): Promise<{ created: number; items: M.TrainingItem[] }> {
    return this.doPost('/v1/training/batch', { items }, options);
  }
  list(params: { type?: M.TrainingType; category?: string; page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<M.TrainingItem> {
    return this.paged('/v1/training', params, options);
  }
  retrieve(id: string, options?: RequestOptions): Promise<M.TrainingItem> {
    return this.doGet(`/v1/training/${enc(id)}`, undefined, options);
  }
  update(id: string, params: M.TrainingParams, options?: RequestOptions): Promise<M.TrainingItem> {
    return this.doPatch(`/v1/training/${enc(id)}`, params, options);
  }
  delete(id: string, options?: RequestOptions): Promise<M.Deleted> {
    return this.doDelete(`/v1/training/${enc(id)}`, options);
  }
}

export class Scraping extends Resource {
  /** Starts a crawl (seed 000): `{ url, maxPages }` or `{ url, options: { maxPages, followLinks, ... } }`. */
  start(params: M.ScrapeParams, options?: RequestOptions): Promise<M.ScrapeJob> {
    const { url, options: nested, ...flat } = params;
    return this.doPost('/v1/scrape', { url, options: { ...flat, ...(nested ?? {}) } }, options);
  }
  status(jobId: string, options?: RequestOptions): Promise<M.ScrapeStatus> {
    return this.doGet(`/v1/scrape/status/${enc(jobId)}`, undefined, options);
  }
  cancel(jobId: string, options?: RequestOptions): Promise<M.ScrapeStatus> {
    return this.doDelete(`/v1/scrape/${enc(jobId)}`, options);
  }
  /** Polls `status` until the job completes, fails or is cancelled (or `timeoutMs`, default 5 minutes, passes). */
  async waitFor(jobId: string, params: { timeoutMs?: number; intervalMs?: number } = {}): Promise<M.ScrapeStatus> {
    const deadline = Date.now() + (params.timeoutMs ?? 300_000);
    for (;;) {
      const status = await this.status(jobId);
      if (['completed', 'failed', 'cancelled'].includes(status.status) || Date.now() > deadline) {
        return status;
      }
      await new Promise((resolve) => setTimeout(resolve, params.intervalMs ?? 500));
    }
  }
}

export class Intents extends Resource {
  list(params: { page?: number; perPage?: number; [key: string]: unknown } = {}, options?: RequestOptions): PageIterator<M.Intent> {
    return this.paged('/v1/intents', params, options);
  }
  retrieve(name: string, options?: RequestOptions): Promise<M.Intent> {
    return this.doGet(`/v1/intents/${enc(name)}`, undefined, options);
  }
  create(params: M.IntentParams, options?: RequestOptions): Promise<M.Intent> {
    return this.doPost('/v1/intents', params, options);
  }
  update(name: string, params: M.IntentParams, options?: RequestOptions): Promise<M.Intent> {
    return this.doPatch(`/v1/intents/${enc(name)}`, params, options);
  }
  delete(name: string, options?: RequestOptions): Promise<M.Deleted> {
    return this.doDelete(`/v1/intents/${enc(name)}`, options);
  }
}

/** The workspace's language model (`/v1/assistant/model`). */
export class AssistantModel extends Resource {
  retrieve(options?: RequestOptions): Promise<M.ModelSettings> {
    return this.doGet('/v1/assistant/model', undefined, options);
  }
  update(params: M.ModelSettingsParams, options?: RequestOptions): Promise<M.ModelSettings> {
    return this.doPut('/v1/assistant/model', params, options);
  }
  /** Back to the offline engine. */
  delete(options?: RequestOptions): Promise<M.ModelSettings> {
    return this.doDelete('/v1/assistant/model', options);
  }
}

// ---------------------------------------------------------------- analytics

export class Analytics extends Resource {
  /** Seed 000's intelligence report (`metric`: journey, content-gaps, peak-usage, conversion-funnel, all). */
  getIntelligence(params: M.IntelligenceParams = {}, options?: RequestOptions): Promise<M.Intelligence> {
    return this.doGet('/v1/analytics/intelligence', params, options);
  }
  /** Seed 001/002's report: `summary`, `by_intent`, `time_series`, `metrics`, `daily_breakdown`. */
  report(params: M.AnalyticsParams, options?: RequestOptions): Promise<M.AnalyticsReport> {
    return this.doGet('/v1/analytics', params, options);
  }
  /** Seed 003's overview (`from`, `to`). */
  overview(params: { from?: string; to?: string; workspaceId?: string; timezone?: string } = {}, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet('/v1/analytics/overview', params, options);
  }
  /** Seed 003's per-agent table. */
  agents(params: { from?: string; to?: string; sortBy?: string } = {}, options?: RequestOptions): Promise<{ data: Array<Record<string, unknown>> }> {
    return this.doGet('/v1/analytics/agents', params, options);
  }
  /** Seed 000's dashboard (`period`: today, week, month, year). */
  dashboard(params: { period?: string; timezone?: string } = {}, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet('/v1/dashboard/overview', params, options);
  }
  /** Seed 004's client event. */
  trackEvent(params: M.AnalyticsEventParams, options?: RequestOptions): Promise<{ event_id: string; timestamp: string }> {
    return this.doPost('/v1/analytics/events', params, options);
  }
  /** Seed 004's session metrics. */
  session(sessionId: string, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet(`/v1/analytics/sessions/${enc(sessionId)}`, undefined, options);
  }
  /** Seed 003's stats of one agent. */
  agentStats(agentId: string, params: { from?: string; to?: string } = {}, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet(`/v1/agents/${enc(agentId)}/stats`, params, options);
  }
  /** Request timings (`format` json or prometheus). */
  metrics(params: { format?: 'json' | 'prometheus'; operations?: string | string[] } = {}, options?: RequestOptions): Promise<Record<string, unknown> | string> {
    return this.doGet('/v1/monitoring/metrics', params, options);
  }
}

// ---------------------------------------------------------------- webhooks

export class Webhooks extends Resource {
  create(params: M.WebhookParams & { url: string; events: string[] }, options?: RequestOptions): Promise<M.WebhookEndpoint> {
    return this.doPost('/v1/webhooks', params, options);
  }
  list(options?: RequestOptions): PageIterator<M.WebhookEndpoint> {
    return this.paged('/v1/webhooks', {}, options);
  }
  retrieve(webhookId: string, options?: RequestOptions): Promise<M.WebhookEndpoint> {
    return this.doGet(`/v1/webhooks/${enc(webhookId)}`, undefined, options);
  }
  update(webhookId: string, params: M.WebhookParams, options?: RequestOptions): Promise<M.WebhookEndpoint> {
    return this.doPatch(`/v1/webhooks/${enc(webhookId)}`, params, options);
  }
  delete(webhookId: string, options?: RequestOptions): Promise<M.Deleted> {
    return this.doDelete(`/v1/webhooks/${enc(webhookId)}`, options);
  }
  rotateSecret(webhookId: string, params: { secret?: string } = {}, options?: RequestOptions): Promise<M.WebhookEndpoint> {
    return this.doPost(`/v1/webhooks/${enc(webhookId)}/rotate-secret`, params, options);
  }
  /** Sends a `webhook.test` event to this subscription. */
  test(webhookId: string, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPost(`/v1/webhooks/${enc(webhookId)}/test`, {}, options);
  }
  deliveries(
    webhookId: string,
    params: { status?: 'pending' | 'delivered' | 'failed'; page?: number; perPage?: number } = {},
    options?: RequestOptions,
  ): PageIterator<M.WebhookDelivery> {
    return this.paged(`/v1/webhooks/${enc(webhookId)}/deliveries`, params, options);
  }
  redeliver(webhookId: string, deliveryId: string, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPost(`/v1/webhooks/${enc(webhookId)}/deliveries/${enc(deliveryId)}/redeliver`, {}, options);
  }

  /**
   * Verifies a delivery (`X-Parley-Signature`, and `X-Webhook-Signature` as `sha256=<hex>` or bare hex) against the
   * raw body and returns the parsed event; throws `WebhookSignatureError` otherwise.
   */
  verify<D = Record<string, unknown>>(
    payload: string | Uint8Array | ArrayBuffer | object,
    headers: HeaderBag,
    secret: string,
    options?: VerifyOptions,
  ): Promise<M.WebhookEvent<D>> {
    return verifyWebhook<D>(payload, headers, secret, options);
  }
  /** `true` when {@link verify} would accept the delivery. */
  isValid(payload: string | Uint8Array | ArrayBuffer | object, headers: HeaderBag, secret: string, options?: VerifyOptions): Promise<boolean> {
    return isValidWebhook(payload, headers, secret, options);
  }
  /** The headers Parley would send for a body (for your receiver's tests). */
  generateTestHeaders(payload: string, secret: string, options?: { timestamp?: number; format?: 'sha256_prefixed' | 'hex' }): Promise<Record<string, string>> {
    return signWebhook(payload, secret, options);
  }
}

// ---------------------------------------------------------------- commerce

export class Orders extends Resource {
  list(
    params: { customerEmail?: string; status?: string; startDate?: string; endDate?: string; page?: number; perPage?: number } = {},
    options?: RequestOptions,
  ): PageIterator<M.Order> {
    return this.paged('/v1/orders', params, options);
  }
  retrieve(orderNumber: string, options?: RequestOptions): Promise<M.Order> {
    return this.doGet(`/v1/orders/${enc(orderNumber)}`, undefined, options);
  }
}

export class Products extends Resource {
  search(params: M.ProductSearchParams, options?: RequestOptions): Promise<M.ProductSearchResult> {
    return this.doPost('/v1/products/search', params, options);
  }
}

export class Tools extends Resource {
  /** Runs one tool through the assistant's gate and policy (`/v1/test/tool-execution`). */
  execute(params: M.ToolExecutionParams, options?: RequestOptions): Promise<M.ToolExecution> {
    return this.doPost('/v1/test/tool-execution', params, options);
  }
}

// ---------------------------------------------------------------- sessions, files, GDPR

export class Sessions extends Resource {
  create(params: M.SessionCreateParams = {}, options?: RequestOptions): Promise<M.Session> {
    return this.doPost('/v1/sessions', params, options);
  }
  retrieve(sessionId: string, options?: RequestOptions): Promise<M.SessionDetails> {
    return this.doGet(`/v1/sessions/${enc(sessionId)}`, undefined, options);
  }
  /** Ends the session (publishes `chat.session.ended`). */
  end(sessionId: string, options?: RequestOptions): Promise<{ message: string; duration_seconds: number }> {
    return this.doDelete(`/v1/sessions/${enc(sessionId)}`, options);
  }
}

export class Files extends Resource {
  createUploadUrl(params: { filename: string; contentType: string; sizeBytes: number }, options?: RequestOptions): Promise<M.UploadUrl> {
    return this.doPost('/v1/files/upload-url', params, options);
  }
  /** PUTs the bytes to the signed `upload_url` (no key: the signature is the permission). */
  upload(uploadUrl: string, bytes: Uint8Array | Blob | string, contentType: string, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.http.request({
      method: 'PUT',
      path: uploadUrl,
      rawBody: bytes as BodyInit,
      contentType,
      anonymous: true,
      ...options,
    });
  }
  /** Attaches an uploaded file to a conversation (`chatId` or `conversationId`). */
  confirm(params: { fileId: string; chatId?: string; conversationId?: string }, options?: RequestOptions): Promise<M.FileInfo> {
    return this.doPost('/v1/files/confirm', params, options);
  }
  retrieve(fileId: string, options?: RequestOptions): Promise<M.FileInfo> {
    return this.doGet(`/v1/files/${enc(fileId)}`, undefined, options);
  }
  /** Upload URL, upload and confirm in one call. */
  async uploadFile(params: { conversationId: string; filename: string; contentType: string; data: Uint8Array | string }): Promise<M.FileInfo> {
    const bytes = typeof params.data === 'string' ? new TextEncoder().encode(params.data) : params.data;
    const slot = await this.createUploadUrl({ filename: params.filename, contentType: params.contentType, sizeBytes: bytes.length });
    await this.upload(slot.upload_url, bytes, params.contentType);
    return this.confirm({ fileId: slot.file_id, conversationId: params.conversationId });
  }
  /** The bytes behind a signed download `url`. */
  async download(url: string): Promise<Uint8Array> {
    const response = await fetch(this.http.url(url));
    if (!response.ok) {
      throw new ParleyError(`Download failed: HTTP ${response.status}`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }
}

export class Gdpr extends Resource {
  /** Starts (or finds the running) export of a customer's data. */
  export(
    params: { userId?: string; email?: string; includeConversations?: boolean; includeAnalytics?: boolean },
    options?: RequestOptions,
  ): Promise<M.GdprExport> {
    return this.doPost('/v1/gdpr/export', params, options);
  }
  exportStatus(requestId: string, options?: RequestOptions): Promise<M.GdprExport> {
    return this.doGet(`/v1/gdpr/export/${enc(requestId)}`, undefined, options);
  }
  /** Erases a customer's personal data everywhere. */
  delete(params: { userId?: string; email?: string; reason?: string }, options?: RequestOptions): Promise<M.GdprErasure> {
    return this.doDelete('/v1/gdpr/delete', { body: params, ...options });
  }
  erasures(params: { page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<M.GdprErasure> {
    return this.paged('/v1/gdpr/erasures', params, options);
  }
  /** The export archive (a zip) behind its signed `download_url`. */
  async download(downloadUrl: string): Promise<Uint8Array> {
    const response = await fetch(this.http.url(downloadUrl));
    if (!response.ok) {
      throw new ParleyError(`Download failed: HTTP ${response.status}`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }
}

// ---------------------------------------------------------------- stores, settings, keys, agents

export class Stores extends Resource {
  /** Onboards a workspace (`platform:admin`); the response has its first live key, shown once. */
  create(params: M.StoreCreateParams, options?: RequestOptions): Promise<{ store: M.Store; api_key: M.ApiKey }> {
    return this.doPost('/v1/stores', params, options);
  }
  list(params: { page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<M.Store> {
    return this.paged('/v1/stores', params, options);
  }
  retrieve(storeId: string, options?: RequestOptions): Promise<M.Store> {
    return this.doGet(`/v1/stores/${enc(storeId)}`, undefined, options);
  }
  /** `settings` are merged (a field sent replaces, null restores the default). */
  update(
    storeId: string,
    params: { name?: string; domain?: string; domains?: string[]; platform?: string; plan?: string; quotaPerHour?: number; settings?: M.StoreSettings },
    options?: RequestOptions,
  ): Promise<{ updated: boolean; settings: M.StoreSettings; store: M.Store }> {
    return this.doPatch(`/v1/stores/${enc(storeId)}`, params, options);
  }
}

/** Settings kept beside the store: its commerce connection, helpdesk, voice defaults, widget and triggers. */
export class Settings extends Resource {
  storeConnection(options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet('/v1/store/connection', undefined, options);
  }
  updateStoreConnection(params: Record<string, unknown>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPut('/v1/store/connection', params, options);
  }
  deleteStoreConnection(options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doDelete('/v1/store/connection', options);
  }
  helpdeskConnection(options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet('/v1/helpdesk/connection', undefined, options);
  }
  updateHelpdeskConnection(params: Record<string, unknown>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPut('/v1/helpdesk/connection', params, options);
  }
  deleteHelpdeskConnection(options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doDelete('/v1/helpdesk/connection', options);
  }
  voice(options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet('/v1/voice/settings', undefined, options);
  }
  updateVoice(params: { speechToText?: string | null; textToSpeech?: string | null; audioFormat?: string }, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPut('/v1/voice/settings', params, options);
  }
  widget(options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet('/v1/widget/config', undefined, options);
  }
  updateWidget(params: Record<string, unknown>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPatch('/v1/widget/config', params, options);
  }
  triggers(params: { page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<Record<string, unknown>> {
    return this.paged('/v1/automation/triggers', params, options);
  }
  createTrigger(params: Record<string, unknown>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPost('/v1/automation/triggers', params, options);
  }
  updateTrigger(triggerId: string, params: Record<string, unknown>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doPatch(`/v1/automation/triggers/${enc(triggerId)}`, params, options);
  }
  deleteTrigger(triggerId: string, options?: RequestOptions): Promise<M.Deleted> {
    return this.doDelete(`/v1/automation/triggers/${enc(triggerId)}`, options);
  }
}

export class Keys extends Resource {
  /** Seed 000's generate-key; the key is in `key`, shown once. */
  create(params: M.ApiKeyParams = {}, options?: RequestOptions): Promise<M.ApiKey> {
    return this.doPost('/v1/api-keys', params, options);
  }
  list(params: { includeRevoked?: boolean; page?: number; perPage?: number } = {}, options?: RequestOptions): PageIterator<M.ApiKey> {
    return this.paged('/v1/api-keys', params, options);
  }
  retrieve(keyId: string, options?: RequestOptions): Promise<M.ApiKey> {
    return this.doGet(`/v1/api-keys/${enc(keyId)}`, undefined, options);
  }
  revoke(keyId: string, options?: RequestOptions): Promise<M.ApiKey> {
    return this.doDelete(`/v1/api-keys/${enc(keyId)}`, options);
  }
}

export class Agents extends Resource {
  create(params: M.AgentParams & { name: string; email: string }, options?: RequestOptions): Promise<M.Agent> {
    return this.doPost('/v1/agents', params, options);
  }
  list(params: { includeInactive?: boolean } = {}, options?: RequestOptions): PageIterator<M.Agent> {
    return this.paged('/v1/agents', params, options);
  }
  retrieve(agentId: string, options?: RequestOptions): Promise<M.Agent> {
    return this.doGet(`/v1/agents/${enc(agentId)}`, undefined, options);
  }
  update(agentId: string, params: M.AgentParams, options?: RequestOptions): Promise<M.Agent> {
    return this.doPatch(`/v1/agents/${enc(agentId)}`, params, options);
  }
  /** Deactivates: no more sign-in, open chats return to the queue. */
  deactivate(agentId: string, options?: RequestOptions): Promise<M.Agent> {
    return this.doDelete(`/v1/agents/${enc(agentId)}`, options);
  }
  stats(agentId: string, params: { from?: string; to?: string } = {}, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.doGet(`/v1/agents/${enc(agentId)}/stats`, params, options);
  }
}

export class Auth extends Resource {
  /** Console sign-in: a `ct_...` token that authenticates like a key. */
  login(params: { email: string; password: string; mode?: 'live' | 'test' }, options?: RequestOptions): Promise<{ token: string; token_type: string; expires_at: string; agent: M.Agent }> {
    return this.doPost('/v1/auth/login', params, options);
  }
  logout(options?: RequestOptions): Promise<null> {
    return this.doPost('/v1/auth/logout', {}, options);
  }
}
