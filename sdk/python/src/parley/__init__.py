"""Parley's Python client: ``from parley import Parley``.

>>> client = Parley(api_key="sk_live_...", base_url="http://localhost:8080")
>>> conv = client.conversations.create(channel="api", customer_email="c@example.com",
...                                    initial_message="Where is order #1234?")
>>> print(conv.response.content)

Standard library only (urllib, asyncio). See the package README for errors, retries, pagination, webhooks and the
live and voice sockets.
"""

from . import models, webhooks
from ._client import Parley
from ._http import RetryPolicy
from ._model import Model, ParleyObject
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ConflictError,
    IdempotencyError,
    IntegrationError,
    InvalidRequestError,
    NotFoundError,
    ParleyError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ServiceUnavailableError,
    SignatureVerificationError,
    UnsupportedMediaTypeError,
    WebSocketError,
)
from .live import LiveConnection
from .pagination import CursorPage, Page
from .voice import VoiceConnection

__all__ = [
    "Parley",
    "RetryPolicy",
    "Model",
    "ParleyObject",
    "Page",
    "CursorPage",
    "LiveConnection",
    "VoiceConnection",
    "models",
    "webhooks",
    "ParleyError",
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "ConflictError",
    "IdempotencyError",
    "IntegrationError",
    "InvalidRequestError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServiceUnavailableError",
    "SignatureVerificationError",
    "UnsupportedMediaTypeError",
    "WebSocketError",
    "__version__",
]
