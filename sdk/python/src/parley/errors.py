"""Errors raised by the Parley client.

Every error the API answers arrives in one envelope,
``{"error": {"code", "message", "message_en", "details"}, "request_id"}``; the client raises it as a
:class:`ParleyError` subclass chosen by its HTTP status and code, so callers can catch what they handle
(``except parley.NotFoundError``) and read ``code``, ``message``, ``details``, ``request_id`` and ``status``.
"""

import email.utils
import time
from typing import Any, Dict, Mapping, Optional

__all__ = [
    "ParleyError",
    "APIConnectionError",
    "InvalidRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "IdempotencyError",
    "PayloadTooLargeError",
    "UnsupportedMediaTypeError",
    "RateLimitError",
    "APIError",
    "IntegrationError",
    "ServiceUnavailableError",
    "SignatureVerificationError",
    "WebSocketError",
]


class ParleyError(Exception):
    """Base of every error the client raises.

    Attributes:
        code: the API's error code (``not_found``, ``invalid_request``, ...), or the client's own
            (``connection_error``, ``invalid_signature``) when no response was read.
        message: the API's message (in the request's ``Accept-Language``).
        message_en: the English message when ``message`` is not English, else ``None``.
        details: the envelope's ``details`` (``field``, ``reason``, ...), never ``None``.
        request_id: the server's request id (``req_...``), to quote to support.
        status: the HTTP status, ``None`` when no response was read.
        headers: the response headers (lower-case names).
    """

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        details: Optional[Mapping[str, Any]] = None,
        request_id: Optional[str] = None,
        status: Optional[int] = None,
        message_en: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details: Dict[str, Any] = dict(details or {})
        self.request_id = request_id
        self.status = status
        self.message_en = message_en
        self.headers: Dict[str, str] = dict(headers or {})
        self.body = body

    def __str__(self) -> str:
        parts = []
        if self.status is not None:
            parts.append(str(self.status))
        if self.code:
            parts.append(self.code)
        head = " ".join(parts)
        text = f"{head}: {self.message}" if head else self.message
        if self.request_id:
            text += f" (request {self.request_id})"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class APIConnectionError(ParleyError):
    """No answer was read: the connection failed, was reset, or timed out (after the client's retries)."""


class InvalidRequestError(ParleyError):
    """400: ``invalid_request``, ``missing_field`` and other refusals of the request's content."""


class AuthenticationError(ParleyError):
    """401: ``invalid_api_key`` (``details.reason``: missing, invalid, revoked) or ``invalid_credentials``."""


class PermissionDeniedError(ParleyError):
    """403: ``insufficient_permissions``, ``domain_not_configured``, ``invalid_signature``, ``link_expired``."""


class NotFoundError(ParleyError):
    """404: ``not_found`` (also another workspace's ids)."""


class ConflictError(ParleyError):
    """409: ``conflict``, ``conversation_closed`` and other state conflicts."""


class IdempotencyError(ConflictError):
    """409: ``idempotency_key_reused`` or ``idempotency_request_in_progress``."""


class PayloadTooLargeError(ParleyError):
    """413: ``payload_too_large`` (``details.max_bytes``)."""


class UnsupportedMediaTypeError(ParleyError):
    """415: ``unsupported_media_type``."""


class RateLimitError(ParleyError):
    """429: ``rate_limited`` or ``quota_exceeded``; ``retry_after`` is the server's ``Retry-After`` in seconds."""

    @property
    def retry_after(self) -> Optional[float]:
        return retry_after_seconds(self.headers.get("retry-after"))


class APIError(ParleyError):
    """5xx and any other status the client has no class for."""


class IntegrationError(APIError):
    """502: ``integration_error``: a connected store or helpdesk failed (``details.service``, ``details.reason``)."""


class ServiceUnavailableError(APIError):
    """503: ``service_unavailable``."""


class SignatureVerificationError(ParleyError):
    """A webhook delivery whose signature does not verify (see :func:`parley.webhooks.construct_event`)."""


class WebSocketError(ParleyError):
    """A live or voice socket failed: the handshake was refused, or the server sent an ``error`` and closed."""


_BY_STATUS = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
    502: IntegrationError,
    503: ServiceUnavailableError,
}


def error_for(status: int, body: Any, headers: Mapping[str, str]) -> ParleyError:
    """The typed error for a response with a non-2xx ``status``."""
    envelope = body.get("error") if isinstance(body, dict) else None
    if isinstance(envelope, dict):
        code = envelope.get("code")
        message = envelope.get("message") or code or f"HTTP {status}"
        details = envelope.get("details") if isinstance(envelope.get("details"), dict) else {}
        message_en = envelope.get("message_en")
        request_id = body.get("request_id") or envelope.get("request_id")
    else:
        code, details, message_en, request_id = None, {}, None, None
        message = f"HTTP {status}" + (f": {str(body)[:200]}" if body else "")
    request_id = request_id or headers.get("x-request-id")
    if code in ("idempotency_key_reused", "idempotency_request_in_progress"):
        cls = IdempotencyError
    else:
        cls = _BY_STATUS.get(status, APIError if status >= 500 else ParleyError)
    return cls(
        message,
        code=code,
        details=details,
        request_id=request_id,
        status=status,
        message_en=message_en,
        headers=headers,
        body=body,
    )


def retry_after_seconds(value: Optional[str]) -> Optional[float]:
    """``Retry-After`` as seconds: a number of seconds, or an HTTP date."""
    if value is None or not value.strip():
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())
