"""Typed models of Parley's requests' answers (field names as the API's JSON; timestamps are RFC 3339 strings)."""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from ._model import Model, ParleyObject



# --- pagination -------------------------------------------------------------------------------------------------


@dataclass
class Pagination(Model):
    """``pagination``: ``page``, ``per_page``, ``total_pages``, ``total_count`` (seed 003's chats: ``limit``,
    ``pages``, ``total``)."""

    page: Optional[int] = None
    per_page: Optional[int] = None
    total_pages: Optional[int] = None
    total_count: Optional[int] = None
    limit: Optional[int] = None
    pages: Optional[int] = None
    total: Optional[int] = None

    @property
    def last_page(self) -> Optional[int]:
        return self.total_pages if self.total_pages is not None else self.pages


# --- conversations ----------------------------------------------------------------------------------------------


@dataclass
class AssistantResponse(Model):
    """The assistant's answer: ``content``, ``type`` (text), ``status`` (answered, with_agent)."""

    content: Optional[str] = None
    type: Optional[str] = None
    status: Optional[str] = None


@dataclass
class Analysis(Model):
    intent: Optional[str] = None
    other_intents: Optional[List[str]] = None
    sentiment: Optional[str] = None
    confidence: Optional[float] = None


@dataclass
class Action(Model):
    """An entry of ``actions_taken``: what a tool did (``refund_processed``, ``information_requested``, ...)."""

    type: Optional[str] = None
    status: Optional[str] = None
    tool: Optional[str] = None
    message_id: Optional[str] = None
    details: Optional[Dict[str, Any]] = None
    created_at: Optional[str] = None


@dataclass
class ConversationCreated(Model):
    """``POST /v1/conversations`` (seed 001): the conversation and the assistant's first answer."""

    conversation_id: Optional[str] = None
    message_id: Optional[str] = None
    response: Optional[AssistantResponse] = None
    analysis: Optional[Analysis] = None
    actions_taken: Optional[List[Action]] = None
    escalated: Optional[bool] = None
    visitor_token: Optional[str] = None
    created_at: Optional[str] = None

    @property
    def id(self) -> Optional[str]:
        """The conversation's id (seed 001's ``conv.id``)."""
        return self.conversation_id


@dataclass
class MessageSent(Model):
    """``POST /v1/conversations/{id}/messages``: the customer's message id and the answer."""

    message_id: Optional[str] = None
    response: Optional[AssistantResponse] = None
    analysis: Optional[Analysis] = None
    actions_taken: Optional[List[Action]] = None
    escalated: Optional[bool] = None
    created_at: Optional[str] = None


@dataclass
class Answer(Model):
    """Seed 002's answer (``POST /v1/conversations`` with ``message``): ``answer``, ``confidence``, ``sources``."""

    conversation_id: Optional[str] = None
    response: Optional[str] = None
    confidence: Optional[float] = None
    sources: Optional[List[str]] = None
    escalated: Optional[bool] = None
    timestamp: Optional[str] = None

    @property
    def answer(self) -> Optional[str]:
        """The assistant's reply (the API's ``response``)."""
        return self.response


@dataclass
class Customer(Model):
    email: Optional[str] = None
    name: Optional[str] = None


@dataclass
class Message(Model):
    id: Optional[str] = None
    role: Optional[str] = None
    content: Optional[str] = None
    analysis: Optional[Analysis] = None
    sources: Optional[List[Any]] = None
    created_at: Optional[str] = None


@dataclass
class Conversation(Model):
    """``GET /v1/conversations/{id}``: the conversation, with ``messages`` when asked for."""

    id: Optional[str] = None
    store_id: Optional[str] = None
    status: Optional[str] = None
    channel: Optional[str] = None
    customer: Optional[Customer] = None
    primary_intent: Optional[str] = None
    sentiment: Optional[str] = None
    priority: Optional[str] = None
    order_id: Optional[str] = None
    assigned_to: Optional[str] = None
    tags: Optional[List[str]] = None
    ticket_id: Optional[str] = None
    escalation_reason: Optional[str] = None
    csat_score: Optional[int] = None
    message_count: Optional[int] = None
    messages: Optional[List[Message]] = None
    actions_taken: Optional[List[Action]] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None
    resolved_at: Optional[str] = None


@dataclass
class ConversationSummary(Model):
    """A row of ``GET /v1/conversations``."""

    id: Optional[str] = None
    status: Optional[str] = None
    channel: Optional[str] = None
    primary_intent: Optional[str] = None
    sentiment: Optional[str] = None
    priority: Optional[str] = None
    customer_email: Optional[str] = None
    message_count: Optional[int] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class Escalation(Model):
    escalated: Optional[bool] = None
    ticket_id: Optional[str] = None
    assigned_to: Optional[str] = None
    customer_message: Optional[str] = None


@dataclass
class Resolution(Model):
    resolved: Optional[bool] = None
    resolved_at: Optional[str] = None
    total_messages: Optional[int] = None
    resolution_time_seconds: Optional[float] = None


@dataclass
class Feedback(Model):
    id: Optional[str] = None
    conversation_id: Optional[str] = None
    rating: Optional[int] = None
    comment: Optional[str] = None
    agent_id: Optional[str] = None
    created_at: Optional[str] = None


@dataclass
class Sender(Model):
    type: Optional[str] = None
    id: Optional[str] = None
    name: Optional[str] = None


@dataclass
class Reply(Model):
    """An agent's reply or a private note (``role`` agent or note)."""

    id: Optional[str] = None
    conversation_id: Optional[str] = None
    role: Optional[str] = None
    content: Optional[str] = None
    sender: Optional[Sender] = None
    author: Optional[Sender] = None
    attachments: Optional[List[Any]] = None
    status: Optional[str] = None
    assigned_to: Optional[str] = None
    created_at: Optional[str] = None


@dataclass
class ChatSearchResult(Model):
    content: Optional[str] = None
    source: Optional[str] = None
    relevance: Optional[float] = None


@dataclass
class ChatResponse(Model):
    """``POST /v1/chat`` (seed 000)."""

    response: Optional[str] = None
    conversation_id: Optional[str] = None
    search_results: Optional[List[ChatSearchResult]] = None
    escalated: Optional[bool] = None
    metadata: Optional[Dict[str, Any]] = None


# --- knowledge --------------------------------------------------------------------------------------------------


@dataclass
class Article(Model):
    article_id: Optional[str] = None
    title: Optional[str] = None
    content: Optional[str] = None
    content_format: Optional[str] = None
    category: Optional[str] = None
    tags: Optional[List[str]] = None
    metadata: Optional[Dict[str, Any]] = None
    status: Optional[str] = None
    indexed: Optional[bool] = None
    chunk_count: Optional[int] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None

    @property
    def id(self) -> Optional[str]:
        return self.article_id


@dataclass
class SearchHit(Model):
    chunk_id: Optional[str] = None
    source_id: Optional[str] = None
    type: Optional[str] = None
    title: Optional[str] = None
    heading: Optional[str] = None
    text: Optional[str] = None
    url: Optional[str] = None
    score: Optional[float] = None
    similarity: Optional[float] = None


@dataclass
class SearchResults(Model):
    query: Optional[str] = None
    results: Optional[List[SearchHit]] = None
    took_ms: Optional[float] = None


@dataclass
class Document(Model):
    document_id: Optional[str] = None
    title: Optional[str] = None
    filename: Optional[str] = None
    content_type: Optional[str] = None
    category: Optional[str] = None
    tags: Optional[List[str]] = None
    status: Optional[str] = None
    indexed: Optional[bool] = None
    chunk_count: Optional[int] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None

    @property
    def id(self) -> Optional[str]:
        return self.document_id


@dataclass
class TrainingItem(Model):
    id: Optional[str] = None
    type: Optional[str] = None
    domain: Optional[str] = None
    title: Optional[str] = None
    content: Optional[str] = None
    metadata: Optional[Dict[str, Any]] = None
    status: Optional[str] = None
    indexed: Optional[bool] = None
    chunk_count: Optional[int] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class TrainingBatch(Model):
    created: Optional[int] = None
    items: Optional[List[TrainingItem]] = None


@dataclass
class ScrapeJob(Model):
    """``POST /v1/scrape`` (seed 000's ``scraping.start``)."""

    job_id: Optional[str] = None
    status: Optional[str] = None
    estimated_pages: Optional[int] = None
    webhook_url: Optional[str] = None

    @property
    def id(self) -> Optional[str]:
        return self.job_id


@dataclass
class ScrapeProgress(Model):
    pages_scraped: Optional[int] = None
    pages_failed: Optional[int] = None
    total_pages: Optional[int] = None
    percent_complete: Optional[float] = None


@dataclass
class ScrapeStatus(Model):
    job_id: Optional[str] = None
    url: Optional[str] = None
    status: Optional[str] = None
    result: Optional[str] = None
    progress: Optional[ScrapeProgress] = None
    started_at: Optional[str] = None
    estimated_completion: Optional[str] = None
    finished_at: Optional[str] = None
    errors: Optional[List[Dict[str, Any]]] = None
    skipped: Optional[List[Dict[str, Any]]] = None


@dataclass
class Intent(Model):
    name: Optional[str] = None
    description: Optional[str] = None
    built_in: Optional[bool] = None
    examples_count: Optional[int] = None
    examples: Optional[List[str]] = None
    updated_at: Optional[str] = None


@dataclass
class ModelSettings(Model):
    """``/v1/assistant/model``: the workspace's language model (the key is write-only: ``api_key_set``)."""

    provider: Optional[str] = None
    base_url: Optional[str] = None
    model: Optional[str] = None
    api_key_set: Optional[bool] = None
    temperature: Optional[float] = None
    timeout_seconds: Optional[float] = None
    updated_at: Optional[str] = None


# --- commerce ---------------------------------------------------------------------------------------------------


@dataclass
class LineItem(Model):
    sku: Optional[str] = None
    title: Optional[str] = None
    variant: Optional[str] = None
    quantity: Optional[int] = None
    price: Optional[float] = None


@dataclass
class Order(Model):
    id: Optional[str] = None
    order_number: Optional[str] = None
    status: Optional[str] = None
    financial_status: Optional[str] = None
    fulfillment_status: Optional[str] = None
    customer_email: Optional[str] = None
    customer_name: Optional[str] = None
    currency: Optional[str] = None
    total: Optional[float] = None
    refunded: Optional[float] = None
    line_items: Optional[List[LineItem]] = None
    shipping_address: Optional[Dict[str, Any]] = None
    fulfillments: Optional[List[Dict[str, Any]]] = None
    placed_at: Optional[str] = None
    cancelled_at: Optional[str] = None


@dataclass
class Price(Model):
    amount: Optional[str] = None
    currency: Optional[str] = None


@dataclass
class Variant(Model):
    id: Optional[str] = None
    sku: Optional[str] = None
    size: Optional[str] = None
    color: Optional[str] = None
    available: Optional[bool] = None
    inventory_quantity: Optional[int] = None


@dataclass
class Product(Model):
    id: Optional[str] = None
    title: Optional[str] = None
    description: Optional[str] = None
    category: Optional[str] = None
    price: Optional[Price] = None
    images: Optional[List[str]] = None
    variants: Optional[List[Variant]] = None


@dataclass
class ProductSearch(Model):
    products: Optional[List[Product]] = None
    total_count: Optional[int] = None
    has_more: Optional[bool] = None


@dataclass
class ToolExecution(Model):
    """``POST /v1/test/tool-execution``: ``status`` executed, refused, needs_info or failed."""

    tool: Optional[str] = None
    status: Optional[str] = None
    result: Optional[str] = None
    reason: Optional[str] = None
    action: Optional[Action] = None
    escalate: Optional[bool] = None


@dataclass
class StoreConnection(Model):
    connected: Optional[bool] = None
    platform: Optional[str] = None
    shop_domain: Optional[str] = None
    base_url: Optional[str] = None
    credentials: Optional[Dict[str, Any]] = None
    max_discount_percent: Optional[float] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class HelpdeskConnection(Model):
    connected: Optional[bool] = None
    platform: Optional[str] = None
    base_url: Optional[str] = None
    mode: Optional[str] = None
    credentials: Optional[Dict[str, Any]] = None
    webhook_url: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


# --- sessions and voice ------------------------------------------------------------------------------------------


@dataclass
class Session(Model):
    """``POST /v1/sessions`` (seed 004's ``create_session``) and ``GET /v1/sessions/{id}``."""

    session_id: Optional[str] = None
    conversation_id: Optional[str] = None
    token: Optional[str] = None
    status: Optional[str] = None
    user_id: Optional[str] = None
    metadata: Optional[Dict[str, Any]] = None
    messages: Optional[List[Dict[str, Any]]] = None
    context: Optional[Dict[str, Any]] = None
    started_at: Optional[str] = None
    ended_at: Optional[str] = None
    expires_at: Optional[str] = None

    @property
    def id(self) -> Optional[str]:
        return self.session_id


@dataclass
class SessionEnded(Model):
    message: Optional[str] = None
    duration_seconds: Optional[float] = None


@dataclass
class VoiceSettings(Model):
    speech_to_text: Optional[str] = None
    text_to_speech: Optional[str] = None
    audio_format: Optional[str] = None
    available: Optional[Dict[str, Any]] = None
    updated_at: Optional[str] = None


# --- webhooks ---------------------------------------------------------------------------------------------------


@dataclass
class Webhook(Model):
    """A subscription; ``secret`` is shown in full only when Parley generated it, in the create/rotate answer."""

    id: Optional[str] = None
    url: Optional[str] = None
    events: Optional[List[str]] = None
    signature_format: Optional[str] = None
    active: Optional[bool] = None
    secret: Optional[str] = None
    disabled_reason: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class WebhookDelivery(Model):
    id: Optional[str] = None
    event_id: Optional[str] = None
    event_type: Optional[str] = None
    status: Optional[str] = None
    attempts: Optional[int] = None
    last_status_code: Optional[int] = None
    last_error: Optional[str] = None
    latency_ms: Optional[float] = None
    response_snippet: Optional[str] = None
    next_attempt_at: Optional[str] = None
    last_attempt_at: Optional[str] = None
    delivered_at: Optional[str] = None
    created_at: Optional[str] = None


@dataclass
class WebhookEvent(Model):
    """A delivery's body: ``{"id", "event", "timestamp", "data"}``."""

    id: Optional[str] = None
    event: Optional[str] = None
    timestamp: Optional[str] = None
    data: Optional[Dict[str, Any]] = None

    @property
    def type(self) -> Optional[str]:
        return self.event


# --- workspace, keys, team ----------------------------------------------------------------------------------------


@dataclass
class Store(Model):
    id: Optional[str] = None
    name: Optional[str] = None
    domain: Optional[str] = None
    domains: Optional[List[str]] = None
    platform: Optional[str] = None
    plan: Optional[str] = None
    hourly_quota: Optional[int] = None
    settings: Optional[Dict[str, Any]] = None
    integrations: Optional[Dict[str, Any]] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class StoreUpdated(Model):
    updated: Optional[bool] = None
    settings: Optional[Dict[str, Any]] = None
    store: Optional[Store] = None


@dataclass
class ApiKey(Model):
    """A key; ``key`` holds the secret only in the create answer."""

    id: Optional[str] = None
    name: Optional[str] = None
    type: Optional[str] = None
    mode: Optional[str] = None
    key: Optional[str] = None
    masked_key: Optional[str] = None
    scopes: Optional[List[str]] = None
    revoked: Optional[bool] = None
    created_at: Optional[str] = None
    revoked_at: Optional[str] = None


@dataclass
class StoreCreated(Model):
    store: Optional[Store] = None
    api_key: Optional[ApiKey] = None


@dataclass
class Agent(Model):
    id: Optional[str] = None
    name: Optional[str] = None
    email: Optional[str] = None
    role: Optional[str] = None
    status: Optional[str] = None
    capacity: Optional[int] = None
    active: Optional[bool] = None
    active_chats: Optional[int] = None
    total_chats: Optional[int] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class AgentStats(Model):
    agent_id: Optional[str] = None
    period: Optional[Dict[str, Any]] = None
    stats: Optional[Dict[str, Any]] = None


@dataclass
class Chat(Model):
    """Seed 003's chat (a conversation seen from the inbox)."""

    id: Optional[str] = None
    visitor_name: Optional[str] = None
    visitor_email: Optional[str] = None
    visitor: Optional[Dict[str, Any]] = None
    status: Optional[str] = None
    assigned_to: Optional[str] = None
    unread_count: Optional[int] = None
    tags: Optional[List[str]] = None
    notes: Optional[Any] = None
    priority: Optional[str] = None
    channel: Optional[str] = None
    last_message_at: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class ChatMessage(Model):
    id: Optional[str] = None
    chat_id: Optional[str] = None
    text: Optional[str] = None
    sender: Optional[Sender] = None
    attachments: Optional[List[Any]] = None
    created_at: Optional[str] = None


@dataclass
class Contact(Model):
    id: Optional[str] = None
    email: Optional[str] = None
    name: Optional[str] = None
    phone: Optional[str] = None
    metadata: Optional[Dict[str, Any]] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass
class Login(Model):
    token: Optional[str] = None
    token_type: Optional[str] = None
    expires_at: Optional[str] = None
    agent: Optional[Agent] = None


@dataclass
class WidgetConfig(Model):
    color: Optional[str] = None
    shape: Optional[str] = None
    position: Optional[str] = None
    button_text: Optional[str] = None
    welcome_message: Optional[str] = None
    offline_message: Optional[str] = None
    domains: Optional[List[str]] = None
    branding: Optional[Dict[str, Any]] = None
    theme: Optional[Any] = None
    font_family: Optional[str] = None
    border_radius: Optional[int] = None
    behavior: Optional[Dict[str, Any]] = None
    triggers: Optional[List[Any]] = None
    updated_at: Optional[str] = None


@dataclass
class Trigger(Model):
    id: Optional[str] = None
    name: Optional[str] = None
    condition: Optional[str] = None
    delay_seconds: Optional[int] = None
    message: Optional[str] = None
    active: Optional[bool] = None
    url_pattern: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


# --- files and privacy ------------------------------------------------------------------------------------------


@dataclass
class UploadUrl(Model):
    file_id: Optional[str] = None
    upload_url: Optional[str] = None
    method: Optional[str] = None
    max_size_bytes: Optional[int] = None
    expires_at: Optional[str] = None


@dataclass
class File(Model):
    id: Optional[str] = None
    url: Optional[str] = None
    url_expires_at: Optional[str] = None
    filename: Optional[str] = None
    size_bytes: Optional[int] = None
    content_type: Optional[str] = None
    conversation_id: Optional[str] = None
    chat_id: Optional[str] = None


@dataclass
class Export(Model):
    """A GDPR export: ``status`` processing, completed, failed, expired; ``download_url`` once completed."""

    request_id: Optional[str] = None
    status: Optional[str] = None
    progress: Optional[float] = None
    download_url: Optional[str] = None
    expires_at: Optional[str] = None
    include_conversations: Optional[bool] = None
    include_analytics: Optional[bool] = None
    archive_bytes: Optional[int] = None
    error: Optional[Any] = None
    created_at: Optional[str] = None
    completed_at: Optional[str] = None


@dataclass
class Erasure(Model):
    erasure_id: Optional[str] = None
    status: Optional[str] = None
    trigger: Optional[str] = None
    reason: Optional[str] = None
    erased: Optional[Dict[str, int]] = None
    requested_by: Optional[str] = None
    erased_at: Optional[str] = None


# --- analytics --------------------------------------------------------------------------------------------------


@dataclass
class AnalyticsReport(Model):
    """``GET /v1/analytics`` (seeds 001 and 002)."""

    period: Optional[Dict[str, Any]] = None
    granularity: Optional[str] = None
    summary: Optional[Dict[str, Any]] = None
    metrics: Optional[Dict[str, Any]] = None
    by_intent: Optional[Dict[str, Any]] = None
    by_sentiment: Optional[Dict[str, Any]] = None
    time_series: Optional[List[Dict[str, Any]]] = None
    daily_breakdown: Optional[List[Dict[str, Any]]] = None
    actions_taken: Optional[Dict[str, Any]] = None


@dataclass
class Intelligence(Model):
    """``GET /v1/analytics/intelligence`` (seed 000); blocks not asked for are ``None``."""

    time_range: Optional[Dict[str, Any]] = None
    customer_journey: Optional[Dict[str, Any]] = None
    content_gaps: Optional[List[Dict[str, Any]]] = None
    peak_usage: Optional[Dict[str, Any]] = None
    conversion_funnel: Optional[Dict[str, Any]] = None
    summary: Optional[Dict[str, Any]] = None


@dataclass
class Overview(Model):
    """``GET /v1/analytics/overview`` (seed 003) and ``GET /v1/dashboard/overview`` (seed 000)."""

    period: Optional[Any] = None
    timezone: Optional[str] = None
    time_range: Optional[Dict[str, Any]] = None
    metrics: Optional[Dict[str, Any]] = None
    trends: Optional[Dict[str, Any]] = None
    top_queries: Optional[List[Dict[str, Any]]] = None


@dataclass
class SessionAnalytics(Model):
    session_id: Optional[str] = None
    metrics: Optional[Dict[str, Any]] = None
    tool_usage: Optional[Any] = None
    intents: Optional[Any] = None


@dataclass
class EventRecorded(Model):
    event_id: Optional[str] = None
    timestamp: Optional[str] = None


@dataclass
class Health(Model):
    status: Optional[str] = None
    version: Optional[str] = None
    checks: Optional[Dict[str, str]] = None


__all__ = sorted(
    name
    for name, value in list(globals().items())
    if isinstance(value, type) and issubclass(value, Model) and value.__module__ == __name__
) + ["Model", "ParleyObject"]
