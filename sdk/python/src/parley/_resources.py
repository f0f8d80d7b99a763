"""The API's resources, one class per area; :class:`parley.Parley` holds one of each."""

import urllib.parse
from typing import Any, Dict, List, Mapping, Optional, Sequence, Type, TypeVar, Union

from . import models as m
from . import webhooks as _webhooks
from ._http import Transport
from ._model import Model, ParleyObject
from .pagination import CursorPage, Page

M = TypeVar("M", bound=Model)


def _clean(**fields: Any) -> Dict[str, Any]:
    """A request body of the fields given (``None`` means not given)."""
    return {name: value for name, value in fields.items() if value is not None}


def _path(template: str, *ids: str) -> str:
    return template.format(*(urllib.parse.quote(str(i), safe="") for i in ids))


class Resource:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    def _call(
        self,
        model: Optional[Type[M]],
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        body: Any = None,
        idempotency_key: Optional[str] = None,
        **options: Any,
    ) -> Any:
        response = self._t.request(
            method, path, query=query, json_body=body, idempotency_key=idempotency_key, **options
        )
        if model is None:
            return ParleyObject.wrap(response.body)
        return model.from_dict(response.body)

    def _page(self, model: Type[M], path: str, query: Optional[Mapping[str, Any]] = None) -> Page:
        query = dict(query or {})

        def fetch(page: int) -> Page:
            body = self._t.request("GET", path, query={**query, "page": page}).body or {}
            pagination = m.Pagination.from_dict(body["pagination"]) if body.get("pagination") else None
            return Page([model.from_dict(row) for row in body.get("data") or []], pagination, fetch, body)

        return fetch(int(query.pop("page", None) or 1))

    def _list(self, model: Type[M], path: str, query: Optional[Mapping[str, Any]] = None) -> List[M]:
        body = self._t.request("GET", path, query=query).body or {}
        return [model.from_dict(row) for row in body.get("data") or []]


class Conversations(Resource):
    """Conversations (seed 001): create, send_message, get, list, update, escalate, resolve, feedback."""

    def create(
        self,
        *,
        initial_message: Optional[str] = None,
        channel: Optional[str] = None,
        customer_email: Optional[str] = None,
        customer_name: Optional[str] = None,
        context: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
        **extra: Any,
    ) -> m.ConversationCreated:
        """Starts a conversation; the assistant answers ``initial_message`` (``conv.response.content``)."""
        body = _clean(
            channel=channel,
            customer_email=customer_email,
            customer_name=customer_name,
            initial_message=initial_message,
            context=context,
            **extra,
        )
        return self._call(m.ConversationCreated, "POST", "/v1/conversations", body=body, idempotency_key=idempotency_key)

    def send_message(
        self,
        conversation_id: str,
        content: str,
        *,
        attachments: Optional[Sequence[Mapping[str, Any]]] = None,
        idempotency_key: Optional[str] = None,
    ) -> m.MessageSent:
        """The customer's next message and the assistant's answer."""
        body = _clean(content=content, attachments=attachments)
        return self._call(
            m.MessageSent,
            "POST",
            _path("/v1/conversations/{}/messages", conversation_id),
            body=body,
            idempotency_key=idempotency_key,
        )

    def get(
        self, conversation_id: str, *, include_messages: Optional[bool] = None, message_limit: Optional[int] = None
    ) -> m.Conversation:
        return self._call(
            m.Conversation,
            "GET",
            _path("/v1/conversations/{}", conversation_id),
            query={"include_messages": include_messages, "message_limit": message_limit},
        )

    def list(self, **filters: Any) -> Page[m.ConversationSummary]:
        """Filters: ``status``, ``intent``, ``sentiment``, ``customer_email``, ``start_date``, ``end_date``,
        ``assigned_to``, ``channel``, ``priority``, ``tags``, ``page``, ``per_page``."""
        return self._page(m.ConversationSummary, "/v1/conversations", filters)

    def update(self, conversation_id: str, **fields: Any) -> m.Conversation:
        """``status``, ``assigned_to`` (``None`` unassigns), ``tags``, ``notes``, ``priority``: sent as given."""
        return self._call(m.Conversation, "PATCH", _path("/v1/conversations/{}", conversation_id), body=fields)

    def escalate(
        self,
        conversation_id: str,
        *,
        reason: Optional[str] = None,
        priority: Optional[str] = None,
        notes: Optional[str] = None,
    ) -> m.Escalation:
        return self._call(
            m.Escalation,
            "POST",
            _path("/v1/conversations/{}/escalate", conversation_id),
            body=_clean(reason=reason, priority=priority, notes=notes),
        )

    def resolve(
        self,
        conversation_id: str,
        *,
        resolution_summary: Optional[str] = None,
        resolution_type: Optional[str] = None,
        csat_score: Optional[int] = None,
    ) -> m.Resolution:
        return self._call(
            m.Resolution,
            "POST",
            _path("/v1/conversations/{}/resolve", conversation_id),
            body=_clean(
                resolution_summary=resolution_summary, resolution_type=resolution_type, csat_score=csat_score
            ),
        )

    def feedback(self, conversation_id: str, *, rating: int, comment: Optional[str] = None) -> m.Feedback:
        return self._call(
            m.Feedback,
            "POST",
            _path("/v1/conversations/{}/feedback", conversation_id),
            body=_clean(rating=rating, comment=comment),
        )

    def reply(
        self, conversation_id: str, content: str, *, attachments: Optional[Sequence[Mapping[str, Any]]] = None
    ) -> m.Reply:
        """An agent's reply (``POST .../replies``)."""
        return self._call(
            m.Reply,
            "POST",
            _path("/v1/conversations/{}/replies", conversation_id),
            body=_clean(content=content, attachments=attachments),
        )

    def add_note(self, conversation_id: str, content: str) -> m.Reply:
        """A private note, seen by agents only."""
        return self._call(
            m.Reply, "POST", _path("/v1/conversations/{}/notes", conversation_id), body={"content": content}
        )

    def handback(self, conversation_id: str) -> m.Conversation:
        """Hands the conversation back to the assistant."""
        return self._call(m.Conversation, "POST", _path("/v1/conversations/{}/handback", conversation_id))

    def messages(
        self, conversation_id: str, *, after: Optional[str] = None, limit: Optional[int] = None
    ) -> CursorPage[m.Message]:
        """The messages after ``after`` (a message id), oldest first; ``auto_paging_iter()`` reads them all."""
        path = _path("/v1/conversations/{}/messages", conversation_id)

        def fetch(cursor: Optional[str]) -> CursorPage:
            body = self._t.request("GET", path, query={"after": cursor, "limit": limit}).body or {}
            rows = [m.Message.from_dict(row) for row in body.get("data") or []]
            return CursorPage(rows, body.get("has_more"), fetch, lambda message: message.id)

        return fetch(after)


class Chat(Resource):
    """One-call chat (seed 000): ``chat.send(message=...)``."""

    def send(
        self,
        message: str,
        *,
        conversation_id: Optional[str] = None,
        context: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> m.ChatResponse:
        body = _clean(message=message, conversation_id=conversation_id, context=context)
        return self._call(m.ChatResponse, "POST", "/v1/chat", body=body, idempotency_key=idempotency_key)


class KnowledgeBase(Resource):
    """Articles (seed 002) and ``search``: what the assistant sees for a query."""

    def create(self, *, title: str, content: str, **fields: Any) -> m.Article:
        """Also ``content_format``, ``category``, ``tags``, ``metadata``, ``status``; ``article_id`` updates."""
        return self._call(m.Article, "POST", "/v1/knowledge-base", body=_clean(title=title, content=content, **fields))

    def get(self, article_id: str) -> m.Article:
        return self._call(m.Article, "GET", _path("/v1/knowledge-base/{}", article_id))

    def list(self, **filters: Any) -> Page[m.Article]:
        """Filters: ``category``, ``tag``, ``status``, ``q``, ``page``, ``per_page``."""
        return self._page(m.Article, "/v1/knowledge-base", filters)

    def update(self, article_id: str, **fields: Any) -> m.Article:
        """Changes the fields given (PATCH)."""
        return self._call(m.Article, "PATCH", _path("/v1/knowledge-base/{}", article_id), body=fields)

    def replace(self, article_id: str, *, title: str, content: str, **fields: Any) -> m.Article:
        """Replaces the article (PUT): what is not given is reset."""
        body = _clean(title=title, content=content, **fields)
        return self._call(m.Article, "PUT", _path("/v1/knowledge-base/{}", article_id), body=body)

    def delete(self, article_id: str) -> ParleyObject:
        return self._call(None, "DELETE", _path("/v1/knowledge-base/{}", article_id))

    def search(
        self, query: str, *, top_k: Optional[int] = None, filters: Optional[Mapping[str, Any]] = None
    ) -> m.SearchResults:
        body = _clean(query=query, top_k=top_k, filters=filters)
        return self._call(m.SearchResults, "POST", "/v1/knowledge-base/search", body=body)


class Documents(Resource):
    """Document imports (PDF, DOCX, HTML, Markdown, text) into the knowledge base."""

    def upload(
        self,
        data: Union[bytes, str],
        *,
        filename: str,
        content_type: str = "application/octet-stream",
        title: Optional[str] = None,
        category: Optional[str] = None,
        tags: Optional[Union[str, Sequence[str]]] = None,
        status: Optional[str] = None,
    ) -> m.Document:
        """Imports a document from its bytes (or a path to read them from, when ``data`` is a str)."""
        if isinstance(data, str):
            with open(data, "rb") as source:
                data = source.read()
        if tags is not None and not isinstance(tags, str):
            tags = ",".join(tags)
        response = self._t.request(
            "POST",
            "/v1/knowledge-base/documents",
            query={"filename": filename, "title": title, "category": category, "tags": tags, "status": status},
            data=bytes(data),
            content_type=content_type,
        )
        return m.Document.from_dict(response.body)

    def list(self, **filters: Any) -> Page[m.Document]:
        return self._page(m.Document, "/v1/knowledge-base/documents", filters)

    def get(self, document_id: str) -> m.Document:
        return self._call(m.Document, "GET", _path("/v1/knowledge-base/documents/{}", document_id))

    def delete(self, document_id: str) -> ParleyObject:
        return self._call(None, "DELETE", _path("/v1/knowledge-base/documents/{}", document_id))


class Training(Resource):
    """Training data (seed 000): FAQs, products, policies, guides."""

    def create(self, *, type: str, content: str, title: Optional[str] = None, **fields: Any) -> m.TrainingItem:
        """Also ``domain`` and ``metadata`` (``category``, ``tags``)."""
        body = _clean(type=type, title=title, content=content, **fields)
        return self._call(m.TrainingItem, "POST", "/v1/training", body=body)

    def create_batch(self, items: Sequence[Mapping[str, Any]]) -> m.TrainingBatch:
        """Up to 1000 items, all or nothing."""
        return self._call(m.TrainingBatch, "POST", "/v1/training/batch", body={"items": list(items)})

    def list(self, **filters: Any) -> Page[m.TrainingItem]:
        return self._page(m.TrainingItem, "/v1/training", filters)

    def get(self, item_id: str) -> m.TrainingItem:
        return self._call(m.TrainingItem, "GET", _path("/v1/training/{}", item_id))

    def update(self, item_id: str, **fields: Any) -> m.TrainingItem:
        return self._call(m.TrainingItem, "PATCH", _path("/v1/training/{}", item_id), body=fields)

    def delete(self, item_id: str) -> ParleyObject:
        return self._call(None, "DELETE", _path("/v1/training/{}", item_id))


class Scraping(Resource):
    """Website crawls (seed 000): ``start``, ``status``, ``cancel``."""

    def start(
        self,
        url: str,
        *,
        max_pages: Optional[int] = None,
        follow_links: Optional[bool] = None,
        extract_products: Optional[bool] = None,
        extract_faqs: Optional[bool] = None,
    ) -> m.ScrapeJob:
        options = _clean(
            max_pages=max_pages,
            follow_links=follow_links,
            extract_products=extract_products,
            extract_faqs=extract_faqs,
        )
        return self._call(m.ScrapeJob, "POST", "/v1/scrape", body=_clean(url=url, options=options or None))

    def status(self, job_id: str) -> m.ScrapeStatus:
        return self._call(m.ScrapeStatus, "GET", _path("/v1/scrape/status/{}", job_id))

    def cancel(self, job_id: str) -> m.ScrapeStatus:
        return self._call(m.ScrapeStatus, "DELETE", _path("/v1/scrape/{}", job_id))


class Intents(Resource):
    """The workspace's own intents, taught by examples, beside the built-in ones."""

    def list(self) -> List[m.Intent]:
        return self._list(m.Intent, "/v1/intents")

    def create(self, *, name: str, examples: Sequence[str], description: Optional[str] = None) -> m.Intent:
        body = _clean(name=name, description=description, examples=list(examples))
        return self._call(m.Intent, "POST", "/v1/intents", body=body)

    def get(self, name: str) -> m.Intent:
        return self._call(m.Intent, "GET", _path("/v1/intents/{}", name))

    def update(self, name: str, **fields: Any) -> m.Intent:
        """``description``, ``examples`` (replace), ``add_examples``, ``remove_examples``."""
        return self._call(m.Intent, "PATCH", _path("/v1/intents/{}", name), body=fields)

    def delete(self, name: str) -> ParleyObject:
        return self._call(None, "DELETE", _path("/v1/intents/{}", name))


class AssistantModel(Resource):
    """The workspace's language model (``/v1/assistant/model``); without one the offline engine answers."""

    def get(self) -> m.ModelSettings:
        return self._call(m.ModelSettings, "GET", "/v1/assistant/model")

    def update(self, **fields: Any) -> m.ModelSettings:
        """``provider``, ``base_url``, ``model``, ``api_key`` (write-only), ``temperature``, ``timeout_seconds``."""
        return self._call(m.ModelSettings, "PUT", "/v1/assistant/model", body=fields)

    def delete(self) -> m.ModelSettings:
        """Returns to the offline engine."""
        return self._call(m.ModelSettings, "DELETE", "/v1/assistant/model")


class Analytics(Resource):
    """Every report: ``get`` (seeds 001/002), ``get_intelligence`` (000), ``overview`` and ``agents`` (003),
    ``dashboard`` (000), ``session`` and ``track_event`` (004)."""

    def get(self, **params: Any) -> m.AnalyticsReport:
        """``start_date``, ``end_date``, ``granularity``, ``group_by``, ``metrics``, ``timezone``."""
        return self._call(m.AnalyticsReport, "GET", "/v1/analytics", query=params)

    def get_intelligence(self, **params: Any) -> m.Intelligence:
        """``metric`` (journey, content-gaps, peak-usage, conversion-funnel, all), ``days`` or ``start_date``/
        ``end_date``, ``timezone``, ``domain``."""
        return self._call(m.Intelligence, "GET", "/v1/analytics/intelligence", query=params)

    def overview(self, **params: Any) -> m.Overview:
        """``from``/``to`` (pass ``from_`` for ``from``), ``workspace_id``, ``timezone``."""
        return self._call(m.Overview, "GET", "/v1/analytics/overview", query=_from(params))

    def agents(self, **params: Any) -> List[ParleyObject]:
        """Per-agent performance: ``from_``, ``to``, ``sort_by``, ``timezone``."""
        body = self._t.request("GET", "/v1/analytics/agents", query=_from(params)).body or {}
        return ParleyObject.wrap(body.get("data") or [])

    def dashboard(self, **params: Any) -> m.Overview:
        """Seed 000's dashboard overview: ``period`` (today, week, month, year), ``timezone``."""
        return self._call(m.Overview, "GET", "/v1/dashboard/overview", query=params)

    def session(self, session_id: str) -> m.SessionAnalytics:
        return self._call(m.SessionAnalytics, "GET", _path("/v1/analytics/sessions/{}", session_id))

    def track_event(
        self, *, event_type: str, session_id: Optional[str] = None, data: Optional[Mapping[str, Any]] = None
    ) -> m.EventRecorded:
        body = _clean(session_id=session_id, event_type=event_type, data=data)
        return self._call(m.EventRecorded, "POST", "/v1/analytics/events", body=body)


class Monitoring(Resource):
    def metrics(self, *, operations: Optional[Sequence[str]] = None) -> ParleyObject:
        """Latency per operation (JSON form of ``/v1/monitoring/metrics``)."""
        return self._call(None, "GET", "/v1/monitoring/metrics", query={"format": "json", "operations": operations})


class Webhooks(Resource):
    """Subscriptions (CRUD, rotate_secret, test), their delivery log and redelivery, and :meth:`verify`."""

    def create(
        self,
        *,
        url: str,
        events: Sequence[str],
        signature_format: Optional[str] = None,
        secret: Optional[str] = None,
        active: Optional[bool] = None,
    ) -> m.Webhook:
        body = _clean(url=url, events=list(events), signature_format=signature_format, secret=secret, active=active)
        return self._call(m.Webhook, "POST", "/v1/webhooks", body=body)

    def list(self) -> List[m.Webhook]:
        return self._list(m.Webhook, "/v1/webhooks")

    def get(self, webhook_id: str) -> m.Webhook:
        return self._call(m.Webhook, "GET", _path("/v1/webhooks/{}", webhook_id))

    def update(self, webhook_id: str, **fields: Any) -> m.Webhook:
        """``url``, ``events``, ``signature_format``, ``active``."""
        return self._call(m.Webhook, "PATCH", _path("/v1/webhooks/{}", webhook_id), body=fields)

    def delete(self, webhook_id: str) -> ParleyObject:
        return self._call(None, "DELETE", _path("/v1/webhooks/{}", webhook_id))

    def rotate_secret(self, webhook_id: str, *, secret: Optional[str] = None) -> m.Webhook:
        return self._call(
            m.Webhook, "POST", _path("/v1/webhooks/{}/rotate-secret", webhook_id), body=_clean(secret=secret)
        )

    def test(self, webhook_id: str) -> ParleyObject:
        """Sends a ``webhook.test`` event to this subscription."""
        return self._call(None, "POST", _path("/v1/webhooks/{}/test", webhook_id))

    def deliveries(self, webhook_id: str, **filters: Any) -> Page[m.WebhookDelivery]:
        """The delivery log, newest first: ``status``, ``page``, ``per_page``."""
        return self._page(m.WebhookDelivery, _path("/v1/webhooks/{}/deliveries", webhook_id), filters)

    def redeliver(self, webhook_id: str, delivery_id: str) -> ParleyObject:
        return self._call(
            None, "POST", _path("/v1/webhooks/{}/deliveries/{}/redeliver", webhook_id, delivery_id)
        )

    @staticmethod
    def verify(payload, headers, secret, tolerance=_webhooks.DEFAULT_TOLERANCE) -> bool:
        """See :func:`parley.webhooks.verify`."""
        return _webhooks.verify(payload, headers, secret, tolerance)

    @staticmethod
    def construct_event(payload, headers, secret, tolerance=_webhooks.DEFAULT_TOLERANCE) -> m.WebhookEvent:
        """See :func:`parley.webhooks.construct_event`."""
        return _webhooks.construct_event(payload, headers, secret, tolerance)


class Orders(Resource):
    def list(self, **filters: Any) -> Page[m.Order]:
        """``customer_email``, ``status``, ``start_date``, ``end_date``, ``page``, ``per_page``."""
        return self._page(m.Order, "/v1/orders", filters)

    def get(self, order_number: str) -> m.Order:
        return self._call(m.Order, "GET", _path("/v1/orders/{}", order_number))


class Products(Resource):
    def search(
        self, query: Optional[str] = None, *, filters: Optional[Mapping[str, Any]] = None, limit: Optional[int] = None
    ) -> m.ProductSearch:
        """``filters``: ``category``, ``price_range{min, max}``, ``size``."""
        body = _clean(query=query, filters=filters, limit=limit)
        return self._call(m.ProductSearch, "POST", "/v1/products/search", body=body)


class Tools(Resource):
    def execute(
        self,
        tool: str,
        parameters: Optional[Mapping[str, Any]] = None,
        *,
        facts: Optional[Mapping[str, Any]] = None,
    ) -> m.ToolExecution:
        """Runs one tool through the assistant's gate and policy (``/v1/test/tool-execution``)."""
        body = _clean(tool=tool, parameters=dict(parameters or {}), facts=facts)
        return self._call(m.ToolExecution, "POST", "/v1/test/tool-execution", body=body)


class Sessions(Resource):
    """Voice and widget sessions (seed 004)."""

    def create(
        self, *, user_id: Optional[str] = None, metadata: Optional[Mapping[str, Any]] = None
    ) -> m.Session:
        return self._call(m.Session, "POST", "/v1/sessions", body=_clean(user_id=user_id, metadata=metadata))

    def get(self, session_id: str) -> m.Session:
        return self._call(m.Session, "GET", _path("/v1/sessions/{}", session_id))

    def end(self, session_id: str) -> m.SessionEnded:
        return self._call(m.SessionEnded, "DELETE", _path("/v1/sessions/{}", session_id))


class Files(Resource):
    """Attachments: ``create_upload_url``, ``upload`` (to the signed URL), ``confirm``; ``upload_file`` does all."""

    def create_upload_url(self, *, filename: str, content_type: str, size_bytes: int) -> m.UploadUrl:
        body = {"filename": filename, "content_type": content_type, "size_bytes": size_bytes}
        return self._call(m.UploadUrl, "POST", "/v1/files/upload-url", body=body)

    def upload(self, upload_url: str, data: bytes, *, content_type: str) -> None:
        """PUTs the bytes to the signed ``upload_url`` (no key is sent: the URL is the permission)."""
        self._t.request("PUT", upload_url, data=bytes(data), content_type=content_type, authenticate=False)

    def confirm(
        self, file_id: str, *, conversation_id: Optional[str] = None, chat_id: Optional[str] = None
    ) -> m.File:
        body = _clean(file_id=file_id, conversation_id=conversation_id, chat_id=chat_id)
        return self._call(m.File, "POST", "/v1/files/confirm", body=body)

    def upload_file(
        self, data: bytes, *, filename: str, content_type: str, conversation_id: str
    ) -> m.File:
        """Asks for an upload URL, uploads the bytes and attaches the file to the conversation."""
        target = self.create_upload_url(filename=filename, content_type=content_type, size_bytes=len(data))
        self.upload(target.upload_url, data, content_type=content_type)
        return self.confirm(target.file_id, conversation_id=conversation_id)

    def get(self, file_id: str) -> m.File:
        """The file with a fresh signed download link."""
        return self._call(m.File, "GET", _path("/v1/files/{}", file_id))

    def download(self, url: str) -> bytes:
        """The bytes behind a signed link (a file's ``url``, an export's ``download_url``)."""
        return self._t.request("GET", url, authenticate=False, raw=True).raw


class Gdpr(Resource):
    """Privacy requests (seed 000): ``export``, ``export_status``, ``delete``, ``erasures``."""

    def export(
        self,
        *,
        user_id: Optional[str] = None,
        email: Optional[str] = None,
        include_conversations: Optional[bool] = None,
        include_analytics: Optional[bool] = None,
    ) -> m.Export:
        body = _clean(
            user_id=user_id,
            email=email,
            include_conversations=include_conversations,
            include_analytics=include_analytics,
        )
        return self._call(m.Export, "POST", "/v1/gdpr/export", body=body)

    def export_status(self, request_id: str) -> m.Export:
        return self._call(m.Export, "GET", _path("/v1/gdpr/export/{}", request_id))

    def delete(
        self, *, email: Optional[str] = None, user_id: Optional[str] = None, reason: Optional[str] = None
    ) -> m.Erasure:
        """Erases the customer's personal data everywhere (``DELETE /v1/gdpr/delete``)."""
        return self._call(
            m.Erasure, "DELETE", "/v1/gdpr/delete", body=_clean(email=email, user_id=user_id, reason=reason)
        )

    def erasures(self, **params: Any) -> Page[m.Erasure]:
        return self._page(m.Erasure, "/v1/gdpr/erasures", params)


class Stores(Resource):
    """Workspaces (seed 001's stores) and their settings."""

    def list(self, **params: Any) -> Page[m.Store]:
        return self._page(m.Store, "/v1/stores", params)

    def get(self, store_id: str) -> m.Store:
        return self._call(m.Store, "GET", _path("/v1/stores/{}", store_id))

    def create(self, *, name: str, **fields: Any) -> m.StoreCreated:
        """Onboards a workspace (``platform:admin``); the answer holds its first live key, shown once."""
        return self._call(m.StoreCreated, "POST", "/v1/stores", body=_clean(name=name, **fields))

    def update(self, store_id: str, **fields: Any) -> m.StoreUpdated:
        """``settings`` (merged; ``None`` restores a default), ``name``, ``domain``/``domains``, ``platform``."""
        return self._call(m.StoreUpdated, "PATCH", _path("/v1/stores/{}", store_id), body=fields)


class _Singleton(Resource):
    _path_: str = ""
    _model_: Type[Model] = Model

    def get(self):
        return self._call(self._model_, "GET", self._path_)

    def update(self, **fields: Any):
        return self._call(self._model_, "PUT", self._path_, body=fields)

    def delete(self):
        return self._call(self._model_, "DELETE", self._path_)


class StoreConnection(_Singleton):
    """The connected store (demo, Shopify, WooCommerce); credentials are write-only."""

    _path_ = "/v1/store/connection"
    _model_ = m.StoreConnection


class HelpdeskConnection(_Singleton):
    """The connected helpdesk (Gorgias)."""

    _path_ = "/v1/helpdesk/connection"
    _model_ = m.HelpdeskConnection


class VoiceSettings(Resource):
    def get(self) -> m.VoiceSettings:
        return self._call(m.VoiceSettings, "GET", "/v1/voice/settings")

    def update(self, **fields: Any) -> m.VoiceSettings:
        """``speech_to_text``, ``text_to_speech``, ``audio_format``."""
        return self._call(m.VoiceSettings, "PUT", "/v1/voice/settings", body=fields)


class Widget(Resource):
    """The widget's look and words, and its triggers."""

    def get_config(self) -> m.WidgetConfig:
        return self._call(m.WidgetConfig, "GET", "/v1/widget/config")

    def update_config(self, **fields: Any) -> m.WidgetConfig:
        return self._call(m.WidgetConfig, "PATCH", "/v1/widget/config", body=fields)

    def list_triggers(self, **params: Any) -> Page[m.Trigger]:
        return self._page(m.Trigger, "/v1/automation/triggers", params)

    def create_trigger(self, *, name: str, condition: str, message: str, **fields: Any) -> m.Trigger:
        body = _clean(name=name, condition=condition, message=message, **fields)
        return self._call(m.Trigger, "POST", "/v1/automation/triggers", body=body)

    def get_trigger(self, trigger_id: str) -> m.Trigger:
        return self._call(m.Trigger, "GET", _path("/v1/automation/triggers/{}", trigger_id))

    def update_trigger(self, trigger_id: str, **fields: Any) -> m.Trigger:
        return self._call(m.Trigger, "PATCH", _path("/v1/automation/triggers/{}", trigger_id), body=fields)

    def delete_trigger(self, trigger_id: str) -> ParleyObject:
        return self._call(None, "DELETE", _path("/v1/automation/triggers/{}", trigger_id))


class Keys(Resource):
    """API keys (seed 000's generate-key): create (the secret shown once), list, get, revoke."""

    def create(
        self,
        *,
        name: Optional[str] = None,
        type: Optional[str] = None,
        mode: Optional[str] = None,
        scopes: Optional[Sequence[str]] = None,
    ) -> m.ApiKey:
        body = _clean(name=name, type=type, mode=mode, scopes=list(scopes) if scopes is not None else None)
        return self._call(m.ApiKey, "POST", "/v1/api-keys", body=body)

    def list(self, **params: Any) -> Page[m.ApiKey]:
        """``include_revoked``, ``page``, ``per_page``."""
        return self._page(m.ApiKey, "/v1/api-keys", params)

    def get(self, key_id: str) -> m.ApiKey:
        return self._call(m.ApiKey, "GET", _path("/v1/api-keys/{}", key_id))

    def revoke(self, key_id: str) -> m.ApiKey:
        return self._call(m.ApiKey, "DELETE", _path("/v1/api-keys/{}", key_id))


class Agents(Resource):
    """The team (seed 003)."""

    def list(self, *, include_inactive: Optional[bool] = None) -> List[m.Agent]:
        return self._list(m.Agent, "/v1/agents", {"include_inactive": include_inactive})

    def create(self, *, name: str, email: str, **fields: Any) -> m.Agent:
        """Also ``role`` (admin, agent), ``status``, ``capacity``, ``password``."""
        return self._call(m.Agent, "POST", "/v1/agents", body=_clean(name=name, email=email, **fields))

    def get(self, agent_id: str) -> m.Agent:
        return self._call(m.Agent, "GET", _path("/v1/agents/{}", agent_id))

    def update(self, agent_id: str, **fields: Any) -> m.Agent:
        return self._call(m.Agent, "PATCH", _path("/v1/agents/{}", agent_id), body=fields)

    def deactivate(self, agent_id: str) -> m.Agent:
        return self._call(m.Agent, "DELETE", _path("/v1/agents/{}", agent_id))

    def stats(self, agent_id: str, **params: Any) -> m.AgentStats:
        """``from_``, ``to``: whole UTC days."""
        return self._call(m.AgentStats, "GET", _path("/v1/agents/{}/stats", agent_id), query=_from(params))


class Chats(Resource):
    """Seed 003's inbox view of conversations."""

    def list(self, **filters: Any) -> Page[m.Chat]:
        """``status``, ``agent_id``, ``page``, ``limit``."""
        return self._page(m.Chat, "/v1/chats", filters)

    def get(self, chat_id: str) -> m.Chat:
        return self._call(m.Chat, "GET", _path("/v1/chats/{}", chat_id))

    def update(self, chat_id: str, **fields: Any) -> m.Chat:
        return self._call(m.Chat, "PATCH", _path("/v1/chats/{}", chat_id), body=fields)

    def send_message(
        self, chat_id: str, text: str, *, attachments: Optional[Sequence[Mapping[str, Any]]] = None
    ) -> m.ChatMessage:
        body = _clean(text=text, attachments=attachments)
        return self._call(m.ChatMessage, "POST", _path("/v1/chats/{}/messages", chat_id), body=body)


class Contacts(Resource):
    def list(self, **filters: Any) -> Page[m.Contact]:
        return self._page(m.Contact, "/v1/contacts", filters)

    def get(self, contact_id: str) -> m.Contact:
        return self._call(m.Contact, "GET", _path("/v1/contacts/{}", contact_id))

    def update(self, contact_id: str, **fields: Any) -> m.Contact:
        return self._call(m.Contact, "PATCH", _path("/v1/contacts/{}", contact_id), body=fields)

    def conversations(self, contact_id: str, **params: Any) -> Page[m.ConversationSummary]:
        return self._page(m.ConversationSummary, _path("/v1/contacts/{}/conversations", contact_id), params)


class Auth(Resource):
    def login(self, *, email: str, password: str, mode: Optional[str] = None) -> m.Login:
        """A console token (``ct_...``) for an agent; use it as ``api_key`` of another client."""
        body = _clean(email=email, password=password, mode=mode)
        return self._call(m.Login, "POST", "/v1/auth/login", body=body, authenticate=False)

    def logout(self) -> None:
        self._t.request("POST", "/v1/auth/logout")


def _from(params: Dict[str, Any]) -> Dict[str, Any]:
    # ``from`` is a Python keyword: callers pass ``from_``.
    params = dict(params)
    if "from_" in params:
        params["from"] = params.pop("from_")
    return params
