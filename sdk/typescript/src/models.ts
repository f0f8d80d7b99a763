/**
 * The API's request and response shapes. Responses keep the API's snake_case names, exactly as sent; requests may
 * be written in camelCase or snake_case (keys are sent as snake_case). Every response model is open
 * (`[key: string]: unknown`), so fields a newer server adds are still reachable.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Open = { [key: string]: unknown };

// ---------- conversations (seed 001) ----------

export type ConversationStatus = 'active' | 'assigned' | 'escalated' | 'resolved' | 'closed';

export interface Analysis extends Open {
  intent: string | null;
  other_intents?: string[];
  sentiment: string | null;
  confidence: number;
}

export interface ActionTaken extends Open {
  type: string;
  status?: string;
  message_id?: string;
  details: Record<string, unknown> | null;
  created_at?: string;
}

export interface AssistantResponse extends Open {
  content: string;
  type: string;
  /** `answered`, or `with_agent` while a person holds the conversation. */
  status: string;
}

export interface ConversationCreateParams {
  channel?: string;
  customerEmail?: string;
  customer_email?: string;
  customerName?: string;
  customer_name?: string;
  initialMessage?: string;
  initial_message?: string;
  context?: { pageUrl?: string; page_url?: string; orderId?: string; order_id?: string; [key: string]: unknown };
}

export interface ConversationCreated extends Open {
  /** The new conversation's id (the same as `conversation_id`). */
  id: string;
  conversation_id: string;
  message_id: string;
  response: AssistantResponse;
  analysis: Analysis | null;
  actions_taken: ActionTaken[];
  escalated: boolean;
  created_at: string;
  visitor_token?: string;
}

export interface SendMessageParams {
  /** Required with `conversations.sendMessage({ conversationId, content })`. */
  conversationId?: string;
  conversation_id?: string;
  content: string;
  attachments?: Array<{ type: string; url: string; [key: string]: unknown }>;
}

export interface MessageSent extends Open {
  message_id: string;
  response: AssistantResponse;
  analysis: Analysis | null;
  actions_taken: ActionTaken[];
  /** Whether this answer handed the conversation to a person. */
  escalated: boolean;
  created_at: string;
}

export interface Message extends Open {
  id: string;
  role: string;
  content: string;
  analysis?: Record<string, unknown>;
  sources?: Array<Record<string, unknown>>;
  author?: { id: string | null; name: string | null };
  created_at: string;
}

export interface Conversation extends Open {
  id: string;
  store_id: string;
  status: ConversationStatus;
  channel: string;
  customer: { email: string | null; name: string | null } | null;
  primary_intent: string | null;
  sentiment: string | null;
  priority: string | null;
  order_id: string | null;
  assigned_to: string | null;
  tags: string[];
  ticket_id: string | null;
  escalation_reason: string | null;
  resolution_summary: string | null;
  resolution_type: string | null;
  csat_score: number | null;
  message_count: number;
  messages?: Message[];
  actions_taken: ActionTaken[];
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConversationSummary extends Open {
  id: string;
  status: ConversationStatus;
  primary_intent: string | null;
  sentiment: string | null;
  customer_email: string | null;
  message_count: number;
  channel: string;
  priority: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConversationListParams {
  status?: ConversationStatus;
  intent?: string;
  sentiment?: string;
  customerEmail?: string;
  startDate?: string;
  endDate?: string;
  assignedTo?: string;
  channel?: string;
  priority?: string;
  tags?: string | string[];
  page?: number;
  perPage?: number;
  [key: string]: unknown;
}

export interface ConversationUpdateParams {
  status?: ConversationStatus;
  assignedTo?: string | null;
  tags?: string[];
  notes?: string;
  priority?: string;
}

export interface EscalateParams {
  reason?: string;
  priority?: string;
  notes?: string;
}

export interface Escalation extends Open {
  escalated: boolean;
  ticket_id: string | null;
  assigned_to: string | null;
  customer_message: string | null;
}

export interface ResolveParams {
  resolutionSummary?: string;
  resolutionType?: 'automated' | 'agent' | 'customer';
  csatScore?: number;
}

export interface Resolution extends Open {
  resolved: boolean;
  resolved_at: string;
  total_messages: number;
  resolution_time_seconds: number;
}

export interface FeedbackParams {
  rating: number;
  comment?: string;
}

export interface Feedback extends Open {
  id: string;
  conversation_id: string;
  rating: number;
  comment: string | null;
  agent_id: string | null;
  created_at: string;
}

export interface Reply extends Open {
  id: string;
  conversation_id: string;
  role: string;
  content: string;
  created_at: string;
}

export interface MessagesPage extends Open {
  data: Message[];
  has_more: boolean;
}

// ---------- seed 002's one-call conversation ----------

export interface SeedSendMessageParams {
  message: string;
  userId?: string;
  user_id?: string;
  conversationId?: string;
  channel?: string;
  metadata?: Record<string, unknown>;
}

export interface Answer extends Open {
  conversation_id: string;
  /** The assistant's answer (seed 002's `response`). */
  response: string | null;
  /** The same as `response`, as seed 002's SDK names it. */
  answer: string | null;
  confidence: number;
  sources: string[];
  escalated: boolean;
  timestamp: string;
  visitor_token?: string;
}

// ---------- chat (seed 000) ----------

export interface ChatSendParams {
  message: string;
  conversationId?: string;
  context?: { pageUrl?: string; userId?: string; [key: string]: unknown };
}

export interface ChatResponse extends Open {
  response: string;
  conversation_id: string;
  search_results: Array<{ content: string; source: string; relevance: number }>;
  escalated: boolean;
  metadata: { model: string; tokens_used: number; search_count: number; [key: string]: unknown };
}

// ---------- knowledge ----------

export interface Article extends Open {
  article_id: string;
  title: string;
  content: string;
  category: string | null;
  tags: string[];
  status: string;
  indexed: boolean;
  chunk_count: number;
  created_at: string;
  updated_at: string;
}

export interface ArticleParams {
  articleId?: string;
  title?: string;
  content?: string;
  contentFormat?: 'markdown' | 'html' | 'text';
  category?: string;
  tags?: string[];
  status?: 'published' | 'draft';
  metadata?: Record<string, unknown>;
}

export interface SearchParams {
  query: string;
  topK?: number;
  filters?: { category?: string; tags?: string[]; types?: string[] };
}

export interface SearchResult extends Open {
  chunk_id: string;
  source_id: string;
  type: string;
  title: string | null;
  heading: string | null;
  text: string;
  url: string | null;
  score: number;
  similarity: number;
}

export interface SearchResponse extends Open {
  results: SearchResult[];
  took_ms: number;
}

export type TrainingType = 'faq' | 'product' | 'policy' | 'guide' | 'custom';

export interface TrainingParams {
  type?: TrainingType;
  domain?: string;
  title?: string;
  content?: string;
  metadata?: { category?: string; tags?: string[]; [key: string]: unknown };
}

export interface TrainingItem extends Open {
  id: string;
  type: TrainingType;
  domain: string | null;
  title: string;
  content: string;
  metadata: Record<string, unknown>;
  status: string;
  indexed: boolean;
  chunk_count: number;
  created_at: string;
  updated_at: string;
}

export interface Document extends Open {
  document_id: string;
  title: string;
  filename: string;
  content_type: string;
  category: string | null;
  tags: string[];
  status: string;
  indexed: boolean;
  chunk_count: number;
  created_at: string;
  updated_at: string;
}

export interface ScrapeParams {
  url: string;
  maxPages?: number;
  followLinks?: boolean;
  extractProducts?: boolean;
  extractFaqs?: boolean;
  options?: { maxPages?: number; followLinks?: boolean; extractProducts?: boolean; extractFaqs?: boolean };
}

export interface ScrapeJob extends Open {
  job_id: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
  estimated_pages?: number;
  webhook_url?: string | null;
}

export interface ScrapeStatus extends ScrapeJob {
  url: string;
  result: 'success' | 'partial' | 'failed' | null;
  progress: { pages_scraped: number; pages_failed: number; total_pages: number; percent_complete: number };
  started_at: string | null;
  estimated_completion: string | null;
  finished_at: string | null;
  errors: Array<{ url: string; reason: string }>;
  skipped: Array<{ url: string; reason: string }>;
}

export interface Intent extends Open {
  name: string;
  built_in: boolean;
  examples?: string[];
}

export interface IntentParams {
  name?: string;
  description?: string;
  examples?: string[];
  addExamples?: string[];
  removeExamples?: string[];
  [key: string]: unknown;
}

export interface ModelSettings extends Open {
  provider: 'openai' | 'openai_compatible' | 'azure_openai' | 'anthropic' | 'none' | string;
  base_url: string | null;
  model: string | null;
  api_key_set: boolean;
  temperature: number | null;
  timeout_seconds: number | null;
  updated_at: string | null;
}

export interface ModelSettingsParams {
  provider: string;
  baseUrl?: string;
  model?: string;
  apiKey?: string;
  temperature?: number;
  timeoutSeconds?: number;
}

// ---------- analytics ----------

export interface IntelligenceParams {
  metric?: 'journey' | 'content-gaps' | 'peak-usage' | 'conversion-funnel' | 'all';
  days?: number;
  startDate?: string;
  endDate?: string;
  timezone?: string;
  domain?: string;
}

export interface Intelligence extends Open {
  time_range: { start: string; end: string; timezone: string };
  customer_journey?: Record<string, unknown>;
  content_gaps?: Array<{ query: string; frequency: number; avg_confidence: number }>;
  peak_usage?: Record<string, unknown>;
  conversion_funnel?: Record<string, unknown>;
  summary: { total_insights: number; critical_count: number; insights: Array<Record<string, unknown>> };
}

export interface AnalyticsParams {
  startDate: string;
  endDate: string;
  granularity?: 'day' | 'week' | 'month';
  groupBy?: 'day' | 'week' | 'month';
  timezone?: string;
  metrics?: string | string[];
}

export interface AnalyticsReport extends Open {
  period: Record<string, unknown>;
  summary: Record<string, unknown>;
  by_intent: Record<string, unknown>;
  by_sentiment: Record<string, unknown>;
  time_series: Array<Record<string, unknown>>;
  actions_taken: Record<string, number>;
}

export interface AnalyticsEventParams {
  sessionId: string;
  eventType: string;
  data?: Record<string, unknown>;
}

// ---------- webhooks ----------

export interface WebhookEndpoint extends Open {
  id: string;
  url: string;
  events: string[];
  signature_format: 'sha256_prefixed' | 'hex';
  active: boolean;
  /** In full only when Parley generated it, in the create or rotate response; masked afterwards. */
  secret: string;
  disabled_reason?: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookParams {
  url?: string;
  events?: string[];
  signatureFormat?: 'sha256_prefixed' | 'hex';
  secret?: string;
  active?: boolean;
}

export interface WebhookDelivery extends Open {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  latency_ms: number | null;
  response_snippet: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

/** A delivery's body: `{"id","event","timestamp","data"}`. */
export interface WebhookEvent<D = Record<string, unknown>> {
  id: string;
  event: string;
  timestamp: string;
  data: D;
}

// ---------- commerce ----------

export interface Order extends Open {
  id: string;
  order_number: string;
  status: string;
  financial_status: string | null;
  fulfillment_status: string | null;
  customer_email: string | null;
  customer_name: string | null;
  currency: string;
  total: number;
  line_items: Array<Record<string, unknown>>;
  fulfillments: Array<Record<string, unknown>>;
  placed_at: string;
}

export interface ProductSearchParams {
  query?: string;
  filters?: { category?: string; priceRange?: { min?: number; max?: number }; size?: string };
  limit?: number;
}

export interface Product extends Open {
  id: string;
  title: string;
  description: string;
  category?: string;
  /** A decimal as text (`"134.99"`), exact. */
  price: { amount: string; currency: string };
  images: string[];
  variants: Array<{ id: string; sku?: string; size: string | null; color: string | null; available: boolean; inventory_quantity: number }>;
}

export interface ProductSearchResult extends Open {
  products: Product[];
  total_count: number;
  has_more: boolean;
}

export interface ToolExecutionParams {
  tool: string;
  parameters?: Record<string, unknown>;
  facts?: Record<string, unknown>;
}

export interface ToolExecution extends Open {
  tool: string;
  status: 'executed' | 'refused' | 'needs_info' | 'failed';
  result: string;
  action: Record<string, unknown> | null;
  escalate: boolean;
}

// ---------- sessions and voice (seed 004) ----------

export interface SessionCreateParams {
  userId?: string;
  metadata?: Record<string, unknown>;
}

export interface Session extends Open {
  session_id: string;
  conversation_id: string;
  /** `st_...`: opens `/v1/ws` and the voice socket; valid one hour. */
  token: string;
  expires_at: string;
}

export interface SessionDetails extends Open {
  session_id: string;
  conversation_id: string;
  status: 'active' | 'expired' | 'ended';
  started_at: string;
  messages: Array<{ role: string; content: string; timestamp: string; tools_used?: string[] }>;
  context: Record<string, unknown>;
}

export interface VoiceMessage<D = Record<string, unknown>> {
  type: string;
  data: D;
}

export interface SessionReadyData extends Open {
  session_id: string;
  room: string | null;
  token: string | null;
  conversation_id: string;
  speech_to_text: string;
  text_to_speech: string;
  audio_format: string;
}

export interface TranscriptionData extends Open {
  text: string;
  confidence: number | null;
  is_final: boolean;
}

export interface AgentResponseData extends Open {
  text: string;
  intent: string | null;
  tools_used: string[];
  message_id: string;
}

export interface AudioOutputData extends Open {
  audio: string;
  format: string;
  sample_rate: number;
  duration_ms: number;
}

export interface VoiceErrorData extends Open {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

// ---------- live socket frames ----------

export interface LiveFrame {
  type: string;
  [key: string]: any;
}

export interface LiveMessageFrame extends LiveFrame {
  type: 'message';
  message_id: string;
  role: 'user' | 'assistant' | 'agent' | 'system';
  content: string;
  timestamp: string;
}

export interface LiveMessageReceivedFrame extends LiveFrame {
  type: 'message_received';
  message_id: string;
  client_message_id?: string;
  timestamp: string;
}

export interface LiveTypingFrame extends LiveFrame {
  type: 'typing';
  is_typing: boolean;
  conversation_id?: string;
  role?: string;
}

export interface LiveErrorFrame extends LiveFrame {
  type: 'error';
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface AgentEventFrame extends LiveFrame {
  type: 'event';
  event: string;
  conversation_id: string;
  data: Record<string, unknown>;
  timestamp: string;
}

// ---------- files, GDPR, stores, keys, agents, chats ----------

export interface UploadUrl extends Open {
  upload_url: string;
  file_id: string;
  expires_at: string;
  method: string;
  max_size_bytes: number;
}

export interface FileInfo extends Open {
  id: string;
  url: string;
  filename: string;
  size_bytes: number;
  content_type: string;
  conversation_id?: string;
  url_expires_at?: string;
}

export interface GdprExport extends Open {
  request_id: string;
  status: 'processing' | 'completed' | 'failed' | 'expired';
  download_url: string | null;
  expires_at: string | null;
}

export interface GdprErasure extends Open {
  erasure_id: string;
  status: string;
  erased: Record<string, number>;
}

export interface StoreSettings extends Open {
  auto_refund_limit?: number;
  auto_refund_enabled?: boolean;
  return_window_days?: number;
  escalation_confidence_threshold?: number;
  working_hours?: Record<string, unknown>;
  brand_voice?: Record<string, unknown>;
  notifications?: Record<string, unknown>;
  assignment_strategy?: string;
  discount_policy?: string;
  retention_days?: number | null;
}

export interface Store extends Open {
  id: string;
  name: string;
  domain: string;
  domains: string[];
  platform: string;
  plan: string;
  hourly_quota: number;
  settings: StoreSettings;
  integrations: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface StoreCreateParams {
  name: string;
  domain?: string;
  domains?: string[];
  platform?: string;
  plan?: string;
  quotaPerHour?: number;
  settings?: Record<string, unknown>;
}

export interface ApiKey extends Open {
  id: string;
  name: string;
  type: 'secret' | 'publishable';
  mode: 'live' | 'test';
  /** The key itself, only in the response that created it. */
  key?: string;
  masked_key: string;
  scopes: string[];
  revoked: boolean;
  created_at: string;
  revoked_at: string | null;
}

export interface ApiKeyParams {
  name?: string;
  type?: 'secret' | 'publishable';
  mode?: 'live' | 'test';
  scopes?: string[];
}

export interface Agent extends Open {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'agent';
  status: 'online' | 'away' | 'offline';
  capacity: number;
  active: boolean;
  active_chats: number;
  total_chats: number;
}

export interface AgentParams {
  name?: string;
  email?: string;
  role?: string;
  status?: string;
  capacity?: number;
  password?: string;
}

export interface ChatThread extends Open {
  id: string;
  status: ConversationStatus;
  assigned_to: string | null;
  created_at: string;
}

export interface Contact extends Open {
  id: string;
  email: string | null;
  name: string | null;
}

export interface Deleted extends Open {
  id?: string;
  deleted?: boolean;
}
