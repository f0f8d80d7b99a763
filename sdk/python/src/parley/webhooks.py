"""Verifying Parley's webhook deliveries.

Every delivery carries ``X-Parley-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`` (replay-safe, the
recommended check) and ``X-Webhook-Signature`` in the subscription's ``signature_format``: ``sha256=<hex>``
(``sha256_prefixed``, the default) or the bare hex digest (``hex``), both over the raw body. :func:`verify` checks
every signature header present (at least one must be) against the raw body exactly as received::

    from parley import webhooks

    if not webhooks.verify(request.get_data(), request.headers, secret):
        abort(401)
"""

import hashlib
import hmac
import json
import time
from typing import Any, Mapping, Optional, Union

from .errors import SignatureVerificationError
from .models import WebhookEvent

DEFAULT_TOLERANCE = 300
"""How old (or how far in the future) a ``t=`` timestamp may be, in seconds."""

PARLEY_SIGNATURE = "x-parley-signature"
WEBHOOK_SIGNATURE = "x-webhook-signature"

Payload = Union[bytes, bytearray, str]


def verify(
    payload: Payload,
    headers: Mapping[str, str],
    secret: str,
    tolerance: Optional[float] = DEFAULT_TOLERANCE,
    now: Optional[float] = None,
) -> bool:
    """Whether a delivery is Parley's: every signature header present verifies, and at least one is present.

    Args:
        payload: the raw request body, as received (bytes; a str is encoded as UTF-8).
        headers: the request's headers (any mapping; names are matched without regard to case).
        secret: the subscription's secret (``whsec_...``).
        tolerance: the oldest ``X-Parley-Signature`` timestamp accepted, in seconds; ``None`` skips the age check.
        now: the current unix time (for tests); defaults to the clock.
    """
    try:
        _check(payload, headers, secret, tolerance, now)
        return True
    except SignatureVerificationError:
        return False


def construct_event(
    payload: Payload,
    headers: Mapping[str, str],
    secret: str,
    tolerance: Optional[float] = DEFAULT_TOLERANCE,
    now: Optional[float] = None,
) -> WebhookEvent:
    """The verified delivery's event, or :class:`~parley.SignatureVerificationError` saying what failed."""
    _check(payload, headers, secret, tolerance, now)
    try:
        return WebhookEvent.from_dict(json.loads(_bytes(payload).decode("utf-8")))
    except ValueError as failure:
        raise SignatureVerificationError("The payload is not JSON.", code="invalid_payload") from failure


def verify_parley_signature(
    payload: Payload, header: str, secret: str, tolerance: Optional[float] = DEFAULT_TOLERANCE, now=None
) -> bool:
    """``X-Parley-Signature`` alone: ``t=<unix>,v1=<hex HMAC of "<t>.<body>">`` with ``t`` within ``tolerance``."""
    try:
        _check_parley(_bytes(payload), header, secret, tolerance, now)
        return True
    except SignatureVerificationError:
        return False


def verify_webhook_signature(payload: Payload, header: str, secret: str) -> bool:
    """``X-Webhook-Signature`` alone: ``sha256=<hex>`` or bare hex of the HMAC-SHA256 of the body."""
    try:
        _check_body_signature(_bytes(payload), header, secret)
        return True
    except SignatureVerificationError:
        return False


def sign(payload: Payload, secret: str, timestamp: Optional[int] = None) -> dict:
    """The headers Parley would send for ``payload`` (for testing your receiver)."""
    body = _bytes(payload)
    t = int(time.time()) if timestamp is None else int(timestamp)
    digest = _hmac(secret, body)
    return {
        "X-Webhook-Signature": "sha256=" + digest,
        "X-Webhook-Timestamp": str(t),
        "X-Parley-Signature": f"t={t},v1={_hmac(secret, str(t).encode() + b'.' + body)}",
    }


def _check(payload: Payload, headers: Mapping[str, str], secret: str, tolerance, now) -> None:
    if not secret:
        raise SignatureVerificationError("No webhook secret was given.", code="invalid_signature")
    body = _bytes(payload)
    lower = {str(name).lower(): value for name, value in dict(headers or {}).items()}
    parley = lower.get(PARLEY_SIGNATURE)
    plain = lower.get(WEBHOOK_SIGNATURE)
    if parley is None and plain is None:
        raise SignatureVerificationError(
            "The request has no X-Parley-Signature or X-Webhook-Signature header.",
            code="invalid_signature",
            details={"reason": "missing"},
        )
    if parley is not None:
        _check_parley(body, parley, secret, tolerance, now)
    if plain is not None:
        _check_body_signature(body, plain, secret)


def _check_parley(body: bytes, header: str, secret: str, tolerance, now) -> None:
    parts = {}
    for part in str(header).split(","):
        name, _, value = part.strip().partition("=")
        parts.setdefault(name, []).append(value)
    timestamps = parts.get("t", [])
    signatures = parts.get("v1", [])
    if len(timestamps) != 1 or not timestamps[0].isdigit() or not signatures:
        raise SignatureVerificationError(
            "X-Parley-Signature is malformed.", code="invalid_signature", details={"reason": "malformed"}
        )
    timestamp = timestamps[0]
    if tolerance is not None:
        clock = time.time() if now is None else now
        if abs(clock - int(timestamp)) > tolerance:
            raise SignatureVerificationError(
                "X-Parley-Signature's timestamp is outside the tolerance (a replay?).",
                code="invalid_signature",
                details={"reason": "timestamp_out_of_tolerance", "timestamp": int(timestamp)},
            )
    expected = _hmac(secret, timestamp.encode() + b"." + body)
    if not any(hmac.compare_digest(expected, candidate.lower()) for candidate in signatures):
        raise SignatureVerificationError(
            "X-Parley-Signature does not match the payload.", code="invalid_signature", details={"reason": "mismatch"}
        )


def _check_body_signature(body: bytes, header: str, secret: str) -> None:
    value = str(header).strip()
    given = value[len("sha256="):] if value.lower().startswith("sha256=") else value
    if not given:
        raise SignatureVerificationError(
            "X-Webhook-Signature is empty.", code="invalid_signature", details={"reason": "malformed"}
        )
    if not hmac.compare_digest(_hmac(secret, body), given.lower()):
        raise SignatureVerificationError(
            "X-Webhook-Signature does not match the payload.", code="invalid_signature", details={"reason": "mismatch"}
        )


def _hmac(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def _bytes(payload: Any) -> bytes:
    if isinstance(payload, (bytes, bytearray)):
        return bytes(payload)
    if isinstance(payload, str):
        return payload.encode("utf-8")
    raise TypeError("payload must be the raw body as bytes or str (not parsed JSON)")
