"""The client: ``Parley(api_key=..., base_url=...)``."""

import os
import ssl
import urllib.parse
from typing import Any, Dict, Mapping, Optional

from . import _resources as r
from . import models as m
from ._http import RetryPolicy, Transport
from .live import Live
from .voice import VoiceConnection, voice_url

DEFAULT_BASE_URL = "http://localhost:8080"


class Parley:
    """A client of one Parley server, with one key.

    Args:
        api_key: a secret key (``sk_live_...``/``sk_test_...``), a console token, or ``None`` to read
            ``PARLEY_API_KEY``.
        base_url: the server (``https://support.example.com``); defaults to ``PARLEY_BASE_URL`` or
            ``http://localhost:8080``.
        timeout: seconds per HTTP attempt.
        max_retries: retries of a 429, 502, 503 or connection error (each waits its ``Retry-After``, or
            exponential backoff with jitter); ``retry`` gives the whole :class:`~parley.RetryPolicy` instead.
        accept_language: ``en`` or ``uz``: the language of error messages.
        domain: sent as ``X-Domain`` (seed 000): one of the store's domains.
        headers: extra headers for every request (``X-Domain``, ``Origin``, ...).
        ssl_context: for HTTPS and WSS to a server with a private CA.

    Resources: ``conversations``, ``chat``, ``knowledge_base``, ``documents``, ``training``, ``scraping``,
    ``intents``, ``assistant_model``, ``analytics``, ``monitoring``, ``webhooks``, ``orders``, ``products``,
    ``tools``, ``sessions``, ``files``, ``gdpr``, ``stores``, ``store_connection``, ``helpdesk_connection``,
    ``voice_settings``, ``widget``, ``keys``, ``agents``, ``chats``, ``contacts``, ``auth``, ``live``; and the seeds'
    shortcuts :meth:`send_message` (002), :meth:`create_session` and :meth:`connect_voice` (004).
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: float = 60.0,
        max_retries: Optional[int] = None,
        retry: Optional[RetryPolicy] = None,
        accept_language: Optional[str] = None,
        domain: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
    ) -> None:
        self.api_key = api_key if api_key is not None else os.environ.get("PARLEY_API_KEY")
        self.base_url = (base_url or os.environ.get("PARLEY_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        retry = retry or RetryPolicy()
        if max_retries is not None:
            retry.max_retries = max_retries
        extra: Dict[str, str] = dict(headers or {})
        if accept_language:
            extra["Accept-Language"] = accept_language
        if domain:
            extra["X-Domain"] = domain
        self._ssl_context = ssl_context
        self._headers = extra
        self._transport = Transport(self.api_key, self.base_url, timeout, retry, extra, ssl_context)

        self.conversations = r.Conversations(self._transport)
        self.chat = r.Chat(self._transport)
        self.knowledge_base = r.KnowledgeBase(self._transport)
        self.documents = r.Documents(self._transport)
        self.training = r.Training(self._transport)
        self.scraping = r.Scraping(self._transport)
        self.intents = r.Intents(self._transport)
        self.assistant_model = r.AssistantModel(self._transport)
        self.analytics = r.Analytics(self._transport)
        self.monitoring = r.Monitoring(self._transport)
        self.webhooks = r.Webhooks(self._transport)
        self.orders = r.Orders(self._transport)
        self.products = r.Products(self._transport)
        self.tools = r.Tools(self._transport)
        self.sessions = r.Sessions(self._transport)
        self.files = r.Files(self._transport)
        self.gdpr = r.Gdpr(self._transport)
        self.stores = r.Stores(self._transport)
        self.store_connection = r.StoreConnection(self._transport)
        self.helpdesk_connection = r.HelpdeskConnection(self._transport)
        self.voice_settings = r.VoiceSettings(self._transport)
        self.widget = r.Widget(self._transport)
        self.keys = r.Keys(self._transport)
        self.agents = r.Agents(self._transport)
        self.chats = r.Chats(self._transport)
        self.contacts = r.Contacts(self._transport)
        self.auth = r.Auth(self._transport)
        self.live = Live(self)

    @property
    def retry(self) -> RetryPolicy:
        return self._transport.retry

    # --- the seeds' shortcuts -------------------------------------------------------------------------------------

    def send_message(
        self,
        message: str,
        *,
        user_id: Optional[str] = None,
        conversation_id: Optional[str] = None,
        channel: Optional[str] = "api",
        metadata: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> m.Answer:
        """Seed 002: asks the knowledge-base assistant; ``.answer`` and ``.confidence``. With ``conversation_id``
        it continues that conversation."""
        body = r._clean(
            message=message, user_id=user_id, conversation_id=conversation_id, channel=channel, metadata=metadata
        )
        response = self._transport.request(
            "POST", "/v1/conversations", json_body=body, idempotency_key=idempotency_key
        )
        return m.Answer.from_dict(response.body)

    def create_session(
        self, *, user_id: Optional[str] = None, metadata: Optional[Mapping[str, Any]] = None
    ) -> m.Session:
        """Seed 004: a session whose ``token`` opens the voice socket (and the widget socket)."""
        return self.sessions.create(user_id=user_id, metadata=metadata)

    def connect_voice(
        self,
        token: str,
        *,
        preferences: Optional[Mapping[str, Any]] = None,
        user_id: Optional[str] = None,
        **options: Any,
    ) -> VoiceConnection:
        """Seed 004: the voice socket of a session's ``token``; ``async with client.connect_voice(token) as ws``.

        ``preferences``: ``speech_to_text``, ``text_to_speech``, ``audio_format`` (wav, pcm16, mp3), ``language``.
        """
        options.setdefault("ssl_context", self._ssl_context)
        return VoiceConnection(
            voice_url(self._ws_url(""), token), preferences=dict(preferences or {}), user_id=user_id, **options
        )

    def health(self) -> m.Health:
        """``GET /health`` (no key needed)."""
        return m.Health.from_dict(self._transport.request("GET", "/health", authenticate=False).body)

    def _ws_url(self, path: str) -> str:
        parts = urllib.parse.urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        return urllib.parse.urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + path, "", ""))

    def __repr__(self) -> str:
        return f"Parley(base_url={self.base_url!r})"
